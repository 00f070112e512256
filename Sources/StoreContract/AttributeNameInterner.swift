package import LeadModel

/// Gives the attribute names of a batch of leads read from the store one slot each, so the whole
/// batch shares one ``AttributeKeyTable`` (issue 3: the scorer resolves names to slots once per
/// table). Names get slots in first-seen order.
package struct AttributeNameInterner {
    /// The names so far, by slot.
    private(set) var names: [String] = []
    private var slotByName: [String: Int] = [:]

    /// An empty interner.
    package init() {}

    /// The slot of `name`, given the next free one when it is new.
    package mutating func slot(of name: String) -> Int {
        if let slot = slotByName[name] { return slot }
        let slot = names.count
        slotByName[name] = slot
        names.append(name)
        return slot
    }

    /// The key table of every name interned so far.
    package func keyTable() -> AttributeKeyTable {
        AttributeKeyTable.of(names)
    }

    /// `entries` (slots from this interner) as attributes over `keyTable`, which must be this
    /// interner's table (or a later one: slots only grow).
    package static func attributes(_ entries: [(slot: Int, value: AttributeValue)], over keyTable: AttributeKeyTable)
        -> LeadAttributes
    {
        guard !entries.isEmpty else { return LeadAttributes(keyTable: keyTable) }
        var slots = [AttributeValue?](repeating: nil, count: keyTable.count)
        for entry in entries { slots[entry.slot] = entry.value }
        return LeadAttributes(keyTable: keyTable, slotValues: slots)
    }
}

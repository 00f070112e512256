/// A lead's imported attributes: values by attribute name, as a dictionary would keep them, but
/// stored by slot of a shared ``AttributeKeyTable`` (the names) plus this lead's values by slot.
///
/// It reads and writes like `[String: AttributeValue]` (subscript by name, iteration as
/// `(key, value)`, `keys`, `values`, `count`, dictionary literals); equality and hashing are by
/// content whatever the key tables, and its `Codable` form is the same JSON object
/// (`{"name": {"text": "…"}, …}`), so stored data and wire formats are those of the dictionary.
///
/// Setting a name the table lacks moves this value to a new table with the name appended (the
/// other leads keep the shared one). A missing value is absent: setting `nil` removes it.
public struct LeadAttributes: Sendable {
    /// The names this value's slots stand for (shared with the other leads of its import or batch).
    public private(set) var keyTable: AttributeKeyTable
    /// Values by slot, `nil` where absent; always `keyTable.count` long.
    @usableFromInline private(set) var slots: [AttributeValue?]
    /// The number of present values.
    public private(set) var count: Int

    /// No attributes.
    public init() {
        keyTable = .empty
        slots = []
        count = 0
    }

    /// No attributes yet, over `keyTable` (setting its names then keeps it shared).
    public init(keyTable: AttributeKeyTable) {
        self.keyTable = keyTable
        slots = Array(repeating: nil, count: keyTable.count)
        count = 0
    }

    /// The values `slotValues` (by slot, `nil` where absent) over `keyTable`.
    /// - Precondition: `slotValues.count == keyTable.count`.
    public init(keyTable: AttributeKeyTable, slotValues: [AttributeValue?]) {
        precondition(slotValues.count == keyTable.count, "one value per slot of the key table")
        self.keyTable = keyTable
        slots = slotValues
        count = slotValues.reduce(0) { $1 == nil ? $0 : $0 + 1 }
    }

    /// The entries of `dictionary`, over a new key table (names sorted, so equal dictionaries give
    /// equal tables).
    public init(_ dictionary: [String: AttributeValue]) {
        let names = dictionary.keys.sorted()
        keyTable = AttributeKeyTable.of(names)
        slots = names.map { dictionary[$0] }
        count = names.count
    }

    /// Whether there are no values.
    public var isEmpty: Bool { count == 0 }

    /// The value of attribute `name`, or `nil` when absent; setting `nil` removes it.
    public subscript(name: String) -> AttributeValue? {
        get {
            guard let slot = keyTable.slot(of: name) else { return nil }
            return slots[slot]
        }
        set {
            if let slot = keyTable.slot(of: name) {
                switch (slots[slot] == nil, newValue == nil) {
                case (true, false): count += 1
                case (false, true): count -= 1
                default: break
                }
                slots[slot] = newValue
            } else if let newValue {
                keyTable = keyTable.appending(name)
                slots.append(newValue)
                count += 1
            }
        }
    }

    /// The value in `slot` of ``keyTable``, or `nil` when absent (no name hashing: the scorer's
    /// path once it has resolved a name to its slot).
    /// - Precondition: `0 <= slot < keyTable.count`.
    @inlinable
    public subscript(slot slot: Int) -> AttributeValue? {
        slots[slot]
    }

    /// Calls `body` with the values by slot of ``keyTable`` (`nil` where absent), without copying
    /// them: the scorer's per-lead read once it has resolved names to slots.
    @inlinable
    public func withSlotValues<Result>(_ body: (UnsafeBufferPointer<AttributeValue?>) throws -> Result) rethrows
        -> Result
    {
        try slots.withUnsafeBufferPointer(body)
    }

    /// The names of the present values, in slot order.
    public var keys: [String] {
        slots.indices.compactMap { slots[$0] == nil ? nil : keyTable.names[$0] }
    }

    /// The present values, in slot order.
    public var values: [AttributeValue] {
        slots.compactMap { $0 }
    }

    /// The entries as a dictionary.
    public var dictionary: [String: AttributeValue] {
        var result: [String: AttributeValue] = [:]
        result.reserveCapacity(count)
        for (key, value) in self { result[key] = value }
        return result
    }

    /// These attributes with `other`'s added; for a name in both, `combine(mine, theirs)` decides.
    public func merging(
        _ other: LeadAttributes, uniquingKeysWith combine: (AttributeValue, AttributeValue) throws -> AttributeValue
    ) rethrows -> LeadAttributes {
        var result = self
        for (key, value) in other {
            if let mine = result[key] {
                result[key] = try combine(mine, value)
            } else {
                result[key] = value
            }
        }
        return result
    }
}

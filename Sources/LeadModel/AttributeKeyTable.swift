/// The attribute names of a family of leads in slot order, shared by every ``LeadAttributes``
/// made from it (immutable, so one table serves any number of leads and tasks).
///
/// The leads one import makes (one mapping) share one table, and so do the leads the store reads
/// in one batch: a scorer then resolves each attribute a rule reads to its slot once per table
/// (by identity, `===`) and reads each lead's value by index instead of hashing the name per lead
/// (issue 3's scoring throughput).
public final class AttributeKeyTable: Sendable {
    /// The names, by slot (distinct).
    public let names: [String]
    /// Name → slot.
    @usableFromInline let slotByName: [String: Int]

    /// The table with no names, shared by every empty ``LeadAttributes``.
    public static let empty = AttributeKeyTable([])

    /// A table of `names` in order; a name given again keeps its first slot.
    public init(_ names: some Sequence<String>) {
        var ordered: [String] = []
        var slots: [String: Int] = [:]
        for name in names where slots[name] == nil {
            slots[name] = ordered.count
            ordered.append(name)
        }
        self.names = ordered
        slotByName = slots
    }

    /// A table of `names`, or the shared ``empty`` table when there are none (so leads without
    /// attributes share one table, and a scorer binds it once).
    public static func of(_ names: some Collection<String>) -> AttributeKeyTable {
        names.isEmpty ? .empty : AttributeKeyTable(names)
    }

    /// The number of slots.
    @inlinable public var count: Int { slotByName.count }

    /// The slot of `name`, or `nil` when the table has no such name.
    @inlinable public func slot(of name: String) -> Int? { slotByName[name] }

    /// This table with `name` added as the last slot (a new table; this one is unchanged).
    func appending(_ name: String) -> AttributeKeyTable {
        AttributeKeyTable(names + [name])
    }
}

import LeadModel

/// How a model's fit subjects are read from leads whose attributes use one key table: each
/// attribute subject resolved to its slot once (issue 3's throughput: no name hashing per lead).
/// Made by ``CompiledFitRules/binding(for:)`` and used while the leads' table is `keyTable`
/// (checked by identity).
struct AttributeSlotBinding {
    /// Read the subject by ``Lead/value(of:)`` (lead fields, and derived `NAME.month` /
    /// `NAME.weekday` attributes).
    static let general = -2
    /// The table has no such attribute: always missing.
    static let missing = -1

    /// The table the slots are of.
    let keyTable: AttributeKeyTable
    /// By subject number (``CompiledFitRules``' order): the attribute's slot, or ``missing`` or
    /// ``general``.
    let slots: [Int]
    /// The numbers of the subjects marked ``general`` (read by name).
    let generalSubjects: [Int]

    /// A binding of `slots` (by subject number) for `keyTable`.
    init(keyTable: AttributeKeyTable, slots: [Int]) {
        self.keyTable = keyTable
        self.slots = slots
        generalSubjects = slots.indices.filter { slots[$0] == Self.general }
    }
}

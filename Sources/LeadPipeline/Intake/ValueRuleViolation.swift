/// Why a column's value broke its value rule (not a number, not a yes/no word, an impossible or
/// ambiguous date); the reason becomes the row problem's.
struct ValueRuleViolation: Error, Hashable, Sendable {
    /// The reason, e.g. `'2023-02-30' is not a real date (yyyy-MM-dd): February 2023 has 28 days`.
    let reason: String
}

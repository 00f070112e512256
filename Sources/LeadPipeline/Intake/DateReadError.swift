/// Why a date column's value was not read as a date; the reason becomes the row problem's.
struct DateReadError: Error, Hashable, Sendable {
    /// The reason, e.g. `'2023-02-30' is not a real date (yyyy-MM-dd): February 2023 has 28 days`.
    let reason: String
}

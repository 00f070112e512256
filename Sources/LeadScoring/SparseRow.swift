/// One lead encoded for the regression: the non-zero columns and their values (one-hot categories
/// give a handful of non-zeros out of hundreds of columns).
public struct SparseRow: Hashable, Sendable {
    /// Column indices, ascending.
    public var indices: [Int]
    /// The values at those columns.
    public var values: [Double]

    /// A row.
    public init(indices: [Int] = [], values: [Double] = []) {
        precondition(indices.count == values.count, "indices and values differ in length")
        self.indices = indices
        self.values = values
    }
}

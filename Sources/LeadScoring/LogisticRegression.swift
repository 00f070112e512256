import Foundation

/// A fitted L2-regularised logistic regression over sparse rows:
/// `P(positive) = 1 / (1 + exp(−(intercept + Σ weights[j]·x[j])))` (probability 0–1).
///
/// Fitted by Newton's method (iteratively reweighted least squares) with step halving: the
/// penalised log-likelihood is strictly concave, so this converges in a handful of iterations;
/// the Hessian is accumulated from the sparse rows and solved by Cholesky, which suits a few
/// hundred columns. The intercept is not penalised (as in scikit-learn, whose `C = 1` is
/// `l2 = 1` here).
public struct LogisticRegression: Hashable, Codable, Sendable {
    /// The log-odds of a lead whose columns are all zero.
    public var intercept: Double
    /// One weight (log-odds per unit) per column.
    public var weights: [Double]
    /// Newton iterations used.
    public var iterations: Int

    /// A model with the given coefficients.
    public init(intercept: Double, weights: [Double], iterations: Int = 0) {
        self.intercept = intercept
        self.weights = weights
        self.iterations = iterations
    }

    /// Fits `rows` (with `columnCount` columns) to `labels`, minimising
    /// `−Σ log-likelihood + (l2 / 2)·Σ weights²`.
    ///
    /// The rows are copied once into one compressed sparse-row block (the intercept as column 0),
    /// and every Newton iteration runs over it through unsafe buffers with no allocation per row:
    /// the result is bit-for-bit the one of the straightforward loop (same sums in the same order).
    /// - Parameters:
    ///   - l2: the ridge strength (≥ 0; 1 matches scikit-learn's default `C = 1`).
    ///   - maxIterations: Newton steps at most.
    ///   - tolerance: stop when no coefficient moves more than this (log-odds).
    ///   - start: where Newton starts (a warm start: a fit on similar rows); `nil`, or a model whose
    ///     weights are not `columnCount` long, starts from the base rate's log-odds and zero weights.
    ///     The optimum is unique, so the start changes the iterations, not the fit (beyond
    ///     `tolerance`).
    public static func fit(
        rows: [SparseRow], labels: [Bool], columnCount: Int, l2: Double = 1, maxIterations: Int = 100,
        tolerance: Double = 1e-8, start: LogisticRegression? = nil
    ) -> LogisticRegression {
        precondition(rows.count == labels.count, "rows and labels differ in length")
        let size = columnCount + 1  // column 0 is the intercept
        var theta = [Double](repeating: 0, count: size)
        let positives = labels.filter { $0 }.count
        if let start, start.weights.count == columnCount {
            theta[0] = start.intercept
            theta.replaceSubrange(1..., with: start.weights)
        } else if positives > 0, positives < labels.count {
            theta[0] = log(Double(positives) / Double(labels.count - positives))
        }
        // Compressed sparse rows, intercept first: row r is entries rowStart[r]..<rowStart[r + 1].
        var rowStart = [Int](repeating: 0, count: rows.count + 1)
        let entries = rows.reduce(rows.count) { $0 + $1.indices.count }
        var columns = [Int](repeating: 0, count: entries)
        var values = [Double](repeating: 1, count: entries)
        var targets = [Double](repeating: 0, count: rows.count)
        var next = 0
        for (number, row) in rows.enumerated() {
            next += 1  // the intercept: column 0, value 1
            for (index, value) in zip(row.indices, row.values) {
                columns[next] = index + 1
                values[next] = value
                next += 1
            }
            rowStart[number + 1] = next
            targets[number] = labels[number] ? 1 : 0
        }
        var hessian = [Double](repeating: 0, count: size * size)
        var gradient = [Double](repeating: 0, count: size)
        var candidate = theta
        var iterations = 0
        rowStart.withUnsafeBufferPointer { rowStart in
            columns.withUnsafeBufferPointer { columns in
                values.withUnsafeBufferPointer { values in
                    targets.withUnsafeBufferPointer { targets in
                        let block = SparseBlock(
                            rowStart: rowStart, columns: columns, values: values, targets: targets, size: size,
                            l2: l2)
                        var current = block.loss(theta)
                        while iterations < maxIterations {
                            iterations += 1
                            block.accumulate(theta, hessian: &hessian, gradient: &gradient)
                            guard let step = choleskySolve(upper: hessian, size: size, rhs: gradient) else { break }
                            var scale = 1.0
                            var accepted = false
                            for _ in 0..<30 {
                                for index in 0..<size { candidate[index] = theta[index] - scale * step[index] }
                                let trial = block.loss(candidate)
                                if trial <= current + 1e-12 * Swift.max(1, abs(current)) {
                                    current = trial
                                    accepted = true
                                    break
                                }
                                scale /= 2
                            }
                            guard accepted else { break }
                            let moved = step.reduce(0) { Swift.max($0, abs($1)) } * scale
                            swap(&theta, &candidate)
                            if moved < tolerance { break }
                        }
                    }
                }
            }
        }
        return LogisticRegression(intercept: theta[0], weights: Array(theta[1...]), iterations: iterations)
    }

    /// The log-odds for `row`.
    public func logit(_ row: SparseRow) -> Double {
        var sum = intercept
        for (index, value) in zip(row.indices, row.values) { sum += weights[index] * value }
        return sum
    }

    /// The probability (0–1) for `row`.
    public func probability(_ row: SparseRow) -> Double {
        1 / (1 + exp(-logit(row)))
    }

    /// Solves `H x = b` for a symmetric positive-definite `H` given by its upper triangle
    /// (row-major, `size × size`); `nil` when `H` is not positive definite.
    static func choleskySolve(upper: [Double], size: Int, rhs: [Double]) -> [Double]? {
        // Factor H = L Lᵀ with L lower triangular, stored row-major in `lower`, so the inner sums
        // run along rows (contiguous memory).
        var lower = [Double](repeating: 0, count: size * size)
        var x = rhs
        let factored = lower.withUnsafeMutableBufferPointer { lower in
            upper.withUnsafeBufferPointer { upper in
                for i in 0..<size {
                    let rowI = i * size
                    var diagonal = upper[rowI + i]
                    for k in 0..<i { diagonal -= lower[rowI + k] * lower[rowI + k] }
                    guard diagonal > 0 else { return false }
                    let root = diagonal.squareRoot()
                    lower[rowI + i] = root
                    for j in (i + 1)..<Swift.max(i + 1, size) {
                        let rowJ = j * size
                        var sum = upper[rowI + j]
                        for k in 0..<i { sum -= lower[rowI + k] * lower[rowJ + k] }
                        lower[rowJ + i] = sum / root
                    }
                }
                return true
            }
        }
        guard factored else { return nil }
        lower.withUnsafeBufferPointer { lower in
            x.withUnsafeMutableBufferPointer { x in
                // Forward: L y = b.
                for i in 0..<size {
                    var sum = x[i]
                    for k in 0..<i { sum -= lower[i * size + k] * x[k] }
                    x[i] = sum / lower[i * size + i]
                }
                // Backward: Lᵀ x = y.
                for i in stride(from: size - 1, through: 0, by: -1) {
                    var sum = x[i]
                    for k in (i + 1)..<Swift.max(i + 1, size) { sum -= lower[k * size + i] * x[k] }
                    x[i] = sum / lower[i * size + i]
                }
            }
        }
        return x
    }
}

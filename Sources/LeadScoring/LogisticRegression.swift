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
    /// - Parameters:
    ///   - l2: the ridge strength (≥ 0; 1 matches scikit-learn's default `C = 1`).
    ///   - maxIterations: Newton steps at most.
    ///   - tolerance: stop when no coefficient moves more than this (log-odds).
    public static func fit(
        rows: [SparseRow], labels: [Bool], columnCount: Int, l2: Double = 1, maxIterations: Int = 100,
        tolerance: Double = 1e-8
    ) -> LogisticRegression {
        precondition(rows.count == labels.count, "rows and labels differ in length")
        let size = columnCount + 1  // column 0 is the intercept
        var theta = [Double](repeating: 0, count: size)
        let positives = labels.filter { $0 }.count
        if positives > 0, positives < labels.count {
            theta[0] = log(Double(positives) / Double(labels.count - positives))
        }
        func margin(_ row: SparseRow, _ theta: [Double]) -> Double {
            var sum = theta[0]
            for (index, value) in zip(row.indices, row.values) { sum += theta[index + 1] * value }
            return sum
        }
        func loss(_ theta: [Double]) -> Double {
            var total = 0.0
            for (row, label) in zip(rows, labels) {
                let s = margin(row, theta)
                let signed = label ? s : -s
                total += signed > 0 ? log1p(exp(-signed)) : -signed + log1p(exp(signed))
            }
            var penalty = 0.0
            for index in 1..<size { penalty += theta[index] * theta[index] }
            return total + l2 / 2 * penalty
        }
        var current = loss(theta)
        var iterations = 0
        var hessian = [Double](repeating: 0, count: size * size)
        var gradient = [Double](repeating: 0, count: size)
        var columns: [Int] = []
        var values: [Double] = []
        while iterations < maxIterations {
            iterations += 1
            for index in hessian.indices { hessian[index] = 0 }
            for index in gradient.indices { gradient[index] = 0 }
            for (row, label) in zip(rows, labels) {
                let p = 1 / (1 + exp(-margin(row, theta)))
                let residual = p - (label ? 1 : 0)
                let weight = Swift.max(p * (1 - p), 1e-12)
                columns.removeAll(keepingCapacity: true)
                values.removeAll(keepingCapacity: true)
                columns.append(0)
                values.append(1)
                for (index, value) in zip(row.indices, row.values) {
                    columns.append(index + 1)
                    values.append(value)
                }
                for a in columns.indices {
                    let ca = columns[a]
                    let va = values[a]
                    gradient[ca] += residual * va
                    let scaled = weight * va
                    let base = ca * size
                    for b in a..<columns.count {
                        hessian[base + columns[b]] += scaled * values[b]
                    }
                }
            }
            for index in 0..<size {
                hessian[index * size + index] += index == 0 ? 1e-9 : l2 + 1e-9
                if index > 0 { gradient[index] += l2 * theta[index] }
            }
            // Rows of the upper triangle may have landed below the diagonal when a row's columns
            // were not ascending after the intercept; fold everything into the upper triangle.
            for i in 0..<size {
                for j in 0..<i where hessian[i * size + j] != 0 {
                    hessian[j * size + i] += hessian[i * size + j]
                    hessian[i * size + j] = 0
                }
            }
            guard let step = choleskySolve(upper: hessian, size: size, rhs: gradient) else { break }
            var scale = 1.0
            var accepted = false
            var candidate = theta
            for _ in 0..<30 {
                for index in 0..<size { candidate[index] = theta[index] - scale * step[index] }
                let next = loss(candidate)
                if next <= current + 1e-12 * Swift.max(1, abs(current)) {
                    current = next
                    accepted = true
                    break
                }
                scale /= 2
            }
            guard accepted else { break }
            let moved = step.reduce(0) { Swift.max($0, abs($1)) } * scale
            theta = candidate
            if moved < tolerance { break }
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
        // Factor H = Lᵀ L with L upper triangular, stored row-major in `factor`.
        var factor = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            var diagonal = upper[i * size + i]
            for k in 0..<i { diagonal -= factor[k * size + i] * factor[k * size + i] }
            guard diagonal > 0 else { return nil }
            let root = diagonal.squareRoot()
            factor[i * size + i] = root
            for j in (i + 1)..<Swift.max(i + 1, size) {
                var sum = upper[i * size + j]
                for k in 0..<i { sum -= factor[k * size + i] * factor[k * size + j] }
                factor[i * size + j] = sum / root
            }
        }
        // Forward: Lᵀ y = b.
        var y = rhs
        for i in 0..<size {
            var sum = y[i]
            for k in 0..<i { sum -= factor[k * size + i] * y[k] }
            y[i] = sum / factor[i * size + i]
        }
        // Backward: L x = y.
        var x = y
        for i in stride(from: size - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<Swift.max(i + 1, size) { sum -= factor[i * size + k] * x[k] }
            x[i] = sum / factor[i * size + i]
        }
        return x
    }
}

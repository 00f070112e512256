import Foundation

/// The training rows of one logistic-regression fit as one compressed sparse-row block (borrowed
/// buffers, valid while `LogisticRegression.fit` runs): row `r` is the entries
/// `rowStart[r]..<rowStart[r + 1]` of `columns` and `values`, the first being the intercept
/// (column 0, value 1); `targets[r]` is 1 for a positive outcome, else 0. The Newton loop's two
/// passes over the rows (penalised loss, gradient and Hessian) read it without bounds checks or
/// allocation.
struct SparseBlock {
    let rowStart: UnsafeBufferPointer<Int>
    let columns: UnsafeBufferPointer<Int>
    let values: UnsafeBufferPointer<Double>
    let targets: UnsafeBufferPointer<Double>
    /// Coefficients, intercept included.
    let size: Int
    /// Ridge strength (the intercept is not penalised).
    let l2: Double

    /// The log-odds of row `row` under `theta`, summed intercept first and then in column order.
    @inline(__always)
    private func margin(_ row: Int, _ theta: UnsafeBufferPointer<Double>) -> Double {
        var sum = theta[0]
        var entry = rowStart[row] + 1
        let end = rowStart[row + 1]
        while entry < end {
            sum += theta[columns[entry]] * values[entry]
            entry += 1
        }
        return sum
    }

    /// `−Σ log-likelihood + (l2 / 2)·Σ weights²` at `theta`.
    func loss(_ theta: [Double]) -> Double {
        theta.withUnsafeBufferPointer { theta in
            var total = 0.0
            for row in 0..<targets.count {
                let s = margin(row, theta)
                let signed = targets[row] == 1 ? s : -s
                total += signed > 0 ? log1p(exp(-signed)) : -signed + log1p(exp(signed))
            }
            var penalty = 0.0
            for index in 1..<size { penalty += theta[index] * theta[index] }
            return total + l2 / 2 * penalty
        }
    }

    /// The gradient and the Hessian (upper triangle, row-major `size × size`) of the loss at
    /// `theta`, each diagonal entry nudged by 1e-9 so the solve stays positive definite.
    func accumulate(_ theta: [Double], hessian: inout [Double], gradient: inout [Double]) {
        let size = size
        theta.withUnsafeBufferPointer { theta in
            hessian.withUnsafeMutableBufferPointer { hessian in
                gradient.withUnsafeMutableBufferPointer { gradient in
                    hessian.update(repeating: 0)
                    gradient.update(repeating: 0)
                    for row in 0..<targets.count {
                        let p = 1 / (1 + exp(-margin(row, theta)))
                        let residual = p - targets[row]
                        let weight = Swift.max(p * (1 - p), 1e-12)
                        let start = rowStart[row]
                        let end = rowStart[row + 1]
                        for a in start..<end {
                            let ca = columns[a]
                            let va = values[a]
                            gradient[ca] += residual * va
                            let scaled = weight * va
                            let base = ca * size
                            for b in a..<end {
                                hessian[base + columns[b]] += scaled * values[b]
                            }
                        }
                    }
                    for index in 0..<size {
                        hessian[index * size + index] += index == 0 ? 1e-9 : l2 + 1e-9
                        if index > 0 { gradient[index] += l2 * theta[index] }
                    }
                    // Entries may have landed below the diagonal when a row's columns were not
                    // ascending; fold everything into the upper triangle.
                    for i in 0..<size {
                        for j in 0..<i where hessian[i * size + j] != 0 {
                            hessian[j * size + i] += hessian[i * size + j]
                            hessian[i * size + j] = 0
                        }
                    }
                }
            }
        }
    }
}

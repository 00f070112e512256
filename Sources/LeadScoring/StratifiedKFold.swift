/// Stratified k-fold splitting (SPEC §4 "ROC AUC under k-fold cross-validation"): positives and
/// negatives are shuffled separately with a seeded `SplitMix64` and dealt round-robin into the
/// folds, so every fold keeps the overall positive rate (to within one lead of each class) and a
/// seed gives the same folds everywhere.
public struct StratifiedKFold: Hashable, Sendable {
    /// Why a split is impossible.
    public enum SplitError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Fewer than 2 folds were asked for.
        case tooFewFolds(Int)
        /// A class has fewer members than folds, so some fold would lack it.
        case classTooSmall(positives: Int, negatives: Int, folds: Int)

        /// A sentence naming the numbers.
        public var description: String {
            switch self {
            case .tooFewFolds(let folds): return "k-fold needs at least 2 folds, got \(folds)"
            case .classTooSmall(let positives, let negatives, let folds):
                return
                    "\(folds) folds need at least \(folds) positives and negatives (have \(positives) and \(negatives))"
            }
        }
    }

    /// Number of folds (2 or more).
    public var folds: Int
    /// Seed of the shuffle.
    public var seed: UInt64

    /// A splitter into `folds` folds with shuffle `seed`.
    public init(folds: Int = 5, seed: UInt64 = 42) {
        self.folds = folds
        self.seed = seed
    }

    /// The test indices (into `labels`) of each fold, each sorted ascending; every index appears in
    /// exactly one fold.
    /// - Throws: `SplitError` when `folds < 2` or either class has fewer than `folds` members.
    public func split(labels: [Bool]) throws -> [[Int]] {
        guard folds >= 2 else { throw SplitError.tooFewFolds(folds) }
        var positives = labels.indices.filter { labels[$0] }
        var negatives = labels.indices.filter { !labels[$0] }
        guard positives.count >= folds, negatives.count >= folds else {
            throw SplitError.classTooSmall(positives: positives.count, negatives: negatives.count, folds: folds)
        }
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&positives)
        generator.shuffle(&negatives)
        var result = [[Int]](repeating: [], count: folds)
        for (offset, index) in (positives + negatives).enumerated() {
            result[offset % folds].append(index)
        }
        return result.map { $0.sorted() }
    }
}

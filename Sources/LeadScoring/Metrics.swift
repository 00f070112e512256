/// Evaluation metrics over scores and outcomes (SPEC §4 "Calibration from outcomes"). Scores are
/// any numbers where higher means more likely positive (points or probabilities); `labels[i]` is
/// the outcome of `scores[i]`. The arrays must have the same length.
public enum Metrics {
    /// ROC AUC by ranks (Mann–Whitney U): the probability that a random positive scores above a
    /// random negative, ties counting one half (tied scores get their average rank). 0–1.
    /// Returns `nil` when either class is empty.
    public static func rocAUC(scores: [Double], labels: [Bool]) -> Double? {
        precondition(scores.count == labels.count, "scores and labels differ in length")
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var positives = 0
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end + 2) / 2  // ranks are 1-based
            for position in start...end where labels[order[position]] {
                positives += 1
                rankSum += averageRank
            }
            start = end + 1
        }
        let negatives = scores.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// The confusion counts when "score ≥ threshold" predicts positive.
    public static func confusion(scores: [Double], labels: [Bool], threshold: Double) -> ConfusionCounts {
        precondition(scores.count == labels.count, "scores and labels differ in length")
        var counts = ConfusionCounts(truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0)
        for (score, label) in zip(scores, labels) {
            switch (score >= threshold, label) {
            case (true, true): counts.truePositives += 1
            case (true, false): counts.falsePositives += 1
            case (false, false): counts.trueNegatives += 1
            case (false, true): counts.falseNegatives += 1
            }
        }
        return counts
    }

    /// The lift table: leads sorted by score, highest first (ties keep input order), cut into
    /// `groups` parts whose sizes differ by at most one (part `g` holds positions
    /// `g·n/groups ..< (g+1)·n/groups`). Empty when there are no leads or no positives.
    public static func liftByDecile(scores: [Double], labels: [Bool], groups: Int = 10) -> [DecileLift] {
        precondition(scores.count == labels.count, "scores and labels differ in length")
        let total = scores.count
        let allPositives = labels.filter { $0 }.count
        guard total > 0, allPositives > 0, groups > 0 else { return [] }
        let baseRate = Double(allPositives) / Double(total)
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var rows: [DecileLift] = []
        var cumulativeCount = 0
        var cumulativePositives = 0
        for group in 0..<groups {
            let range = (group * total / groups)..<((group + 1) * total / groups)
            let positives = range.filter { labels[order[$0]] }.count
            cumulativeCount += range.count
            cumulativePositives += positives
            let rate = range.isEmpty ? 0 : Double(positives) / Double(range.count)
            let cumulativeRate = cumulativeCount == 0 ? 0 : Double(cumulativePositives) / Double(cumulativeCount)
            rows.append(
                DecileLift(
                    decile: group + 1, count: range.count, positives: positives, rate: rate, lift: rate / baseRate,
                    cumulativeLift: cumulativeRate / baseRate))
        }
        return rows
    }

    /// The lowest threshold at which "score ≥ threshold" reaches `targetPrecision` (0–1): of all
    /// cut-offs meeting the target, the one with the most recall. `nil` when no cut-off reaches it.
    /// Used for "the threshold that would give a target acceptance rate" (SPEC §4).
    public static func threshold(reachingPrecision targetPrecision: Double, scores: [Double], labels: [Bool])
        -> Double?
    {
        precondition(scores.count == labels.count, "scores and labels differ in length")
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var truePositives = 0
        var predicted = 0
        var best: Double?
        var start = 0
        while start < order.count {
            let value = scores[order[start]]
            var end = start
            while end < order.count, scores[order[end]] == value {
                if labels[order[end]] { truePositives += 1 }
                predicted += 1
                end += 1
            }
            if Double(truePositives) >= targetPrecision * Double(predicted) { best = value }
            start = end
        }
        return best
    }

    /// Mean and sample standard deviation (n − 1) of `values`; deviation 0 for a single value.
    public static func meanAndDeviation(_ values: [Double]) -> MeanAndDeviation {
        guard !values.isEmpty else { return MeanAndDeviation(mean: .nan, deviation: .nan) }
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return MeanAndDeviation(mean: mean, deviation: 0) }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return MeanAndDeviation(mean: mean, deviation: (squares / Double(values.count - 1)).squareRoot())
    }
}

/// Counts of a yes/no prediction against outcomes, with the usual rates.
public struct ConfusionCounts: Hashable, Codable, Sendable {
    /// Predicted yes, was positive.
    public var truePositives: Int
    /// Predicted yes, was negative.
    public var falsePositives: Int
    /// Predicted no, was negative.
    public var trueNegatives: Int
    /// Predicted no, was positive.
    public var falseNegatives: Int

    /// Counts.
    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP), 0–1; 0 when nothing was predicted yes.
    public var precision: Double {
        let predicted = truePositives + falsePositives
        return predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
    }

    /// TP / (TP + FN), 0–1; 0 when there are no positives.
    public var recall: Double {
        let positives = truePositives + falseNegatives
        return positives == 0 ? 0 : Double(truePositives) / Double(positives)
    }

    /// Harmonic mean of precision and recall, 0–1; 0 when both are 0.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// (TP + TN) / all, 0–1; 0 when empty.
    public var accuracy: Double {
        let all = truePositives + falsePositives + trueNegatives + falseNegatives
        return all == 0 ? 0 : Double(truePositives + trueNegatives) / Double(all)
    }
}

extension CalibratedModel {
    /// This model's coefficients laid out on `encoder`'s columns, as a starting point for fitting
    /// a similar fold (a warm start): the intercept as is; a category level, its "other" and
    /// "missing" columns, and a number's weight and "missing" column carried over by subject and
    /// level; columns this model lacks start at 0.
    func coefficients(for encoder: FeatureEncoder) -> LogisticRegression {
        var weights = [Double](repeating: 0, count: encoder.columnCount)
        let source = Dictionary(self.encoder.features.map { ($0.subject, $0) }) { first, _ in first }
        for feature in encoder.features {
            guard let old = source[feature.subject] else { continue }
            switch (feature.encoding, old.encoding) {
            case (.categorical(let levels, _), .categorical(let oldLevels, _)):
                let oldColumn = Dictionary(oldLevels.enumerated().map { ($1, $0) }) { first, _ in first }
                for (index, level) in levels.enumerated() {
                    weights[feature.offset + index] =
                        regression.weights[old.offset + (oldColumn[level] ?? oldLevels.count)]
                }
                weights[feature.offset + levels.count] = regression.weights[old.offset + oldLevels.count]
                weights[feature.offset + levels.count + 1] = regression.weights[old.offset + oldLevels.count + 1]
            case (.numeric, .numeric):
                weights[feature.offset] = regression.weights[old.offset]
                weights[feature.offset + 1] = regression.weights[old.offset + 1]
            default:
                continue
            }
        }
        return LogisticRegression(intercept: regression.intercept, weights: weights)
    }
}

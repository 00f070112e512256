import Foundation

/// Writes a `CalibratedModel` back as a readable points model (issue 3 "`model calibrate --out
/// FILE` writes it back as an ordinary, readable points model"):
///
/// - a category level gets `round(pointsPerLogOdds × (w_level − w̄))` points as an `equals`
///   rule, and the missing level an `isMissing` rule, where `w̄` is the feature's mean weight over
///   the training leads (so points read as "better or worse than the typical lead"; `w̄` moves
///   into the offset, and levels too rare to name get 0);
/// - a number is cut into the encoder's quantile ranges (`min` inclusive, `max` exclusive); each
///   range gets `round(pointsPerLogOdds × w × (mean of the range − mean) / scale)` points, and a
///   missing value its own `isMissing` rule;
/// - rules worth 0 points are left out;
/// - the qualification threshold is the smallest whole total whose probability reaches
///   `qualifyingProbability`; grade bands likewise from `gradeProbabilities`.
///
/// Engagement rules, required criteria and minimum grade are copied from the base model (events
/// are not in the training data, so the regression cannot weigh them).
public struct CalibratedModelWriter: Hashable, Sendable {
    /// Points per unit of log-odds (default 20).
    public var pointsPerLogOdds: Double
    /// The probability (0–1) the qualification threshold stands for (default 0.5).
    public var qualifyingProbability: Double
    /// The probabilities (0–1) the A, B and C bands start at (default 0.7, 0.5, 0.3).
    public var gradeProbabilities: [Double]

    /// A writer.
    public init(
        pointsPerLogOdds: Double = 20, qualifyingProbability: Double = 0.5,
        gradeProbabilities: [Double] = [0.7, 0.5, 0.3]
    ) {
        self.pointsPerLogOdds = pointsPerLogOdds
        self.qualifyingProbability = qualifyingProbability
        self.gradeProbabilities = gradeProbabilities
    }

    /// The points model for `calibrated`, with version `base.version + 1` unless `version` is given.
    public func write(
        _ calibrated: CalibratedModel, base: ScoringModel, version: Int? = nil, name: String? = nil
    ) -> CalibratedPointsModel {
        let k = pointsPerLogOdds
        let weights = calibrated.regression.weights
        var offset = calibrated.regression.intercept
        var rules: [FitRule] = []
        var usedIDs = Set(base.engagementRules.map(\.id))
        func add(_ id: String, _ label: String, _ subject: RuleSubject, _ predicate: FitPredicate, _ logOdds: Double) {
            let points = (k * logOdds).rounded()
            guard points != 0, points.isFinite else { return }
            var unique = id
            var counter = 2
            while !usedIDs.insert(unique).inserted {
                unique = "\(id)#\(counter)"
                counter += 1
            }
            rules.append(FitRule(id: unique, label: label, subject: subject, predicate: predicate, points: points))
        }
        for feature in calibrated.encoder.features {
            let name = feature.subject.name
            switch feature.encoding {
            case .categorical(let levels, let counts):
                // Points are relative to the typical lead: the count-weighted mean weight of the
                // feature's columns moves into the offset. Levels pooled into "other" (too rare to
                // name) get 0 points.
                var weighted = 0.0
                for (column, count) in counts.enumerated() {
                    weighted += Double(count) * weights[feature.offset + column]
                }
                let total = counts.reduce(0, +)
                let baseline = total > 0 ? weighted / Double(total) : weights[feature.offset + levels.count]
                offset += baseline
                for (index, level) in levels.enumerated() {
                    add(
                        "\(name)=\(level)", "\(name) is \(level)", feature.subject, .equals(level),
                        weights[feature.offset + index] - baseline)
                }
                if counts.last ?? 0 > 0 {  // a value never missing in training gets no "not given" rule
                    add(
                        "\(name):missing", "\(name) not given", feature.subject, .isMissing,
                        weights[feature.offset + levels.count + 1] - baseline)
                }
            case .numeric(_, _, let mean, let scale, let edges, let binMeans):
                let weight = weights[feature.offset]
                for index in binMeans.indices {
                    let low = index == 0 ? nil : edges[index - 1]
                    let high = index == edges.count ? nil : edges[index]
                    let range = NumericRange(min: low, max: high)
                    add(
                        "\(name):\(CalibratedModelWriter.rangeText(range))",
                        "\(name) \(CalibratedModelWriter.rangeLabel(range))", feature.subject, .range(range),
                        weight * (binMeans[index] - mean) / scale)
                }
                add(
                    "\(name):missing", "\(name) not given", feature.subject, .isMissing, weights[feature.offset + 1])
            }
        }
        let scale = CalibratedPointsModel(
            model: base, pointsPerLogOdds: k, logOddsAtZero: offset)
        func wholePoints(_ probability: Double) -> Double {
            scale.points(forProbability: Swift.min(Swift.max(probability, 1e-6), 1 - 1e-6)).rounded(.up)
        }
        var bands = gradeProbabilities.map(wholePoints)
        while bands.count < 3 { bands.append((bands.last ?? 0) - 1) }
        if bands[1] >= bands[0] { bands[1] = bands[0] - 1 }
        if bands[2] >= bands[1] { bands[2] = bands[1] - 1 }
        var threshold = wholePoints(qualifyingProbability)
        let maximum = rules.reduce(0) { $0 + Swift.max($1.points, 0) }
        threshold = Swift.min(threshold, maximum)
        let description = """
            Calibrated from outcomes by L2 logistic regression (SPEC §4), written back as points: \
            \(RuleValue.number(k)) points per unit of log-odds; P(convert) = 1 / (1 + exp(-(\
            \(Self.fixed(offset)) + fit / \(RuleValue.number(k))))). Qualifies at P ≥ \(qualifyingProbability); \
            grade bands at P ≥ \(gradeProbabilities.map { String($0) }.joined(separator: ", ")). \
            Based on model \(base.version) (\(base.name)).
            """
        var model = base
        model.version = version ?? base.version + 1
        model.name = name ?? "\(base.name) (calibrated)"
        model.description = description
        model.fitRules = rules
        model.totalCap = nil
        model.gradeBands = GradeBands(a: bands[0], b: bands[1], c: bands[2])
        model.qualification.threshold = threshold
        if let grade = model.qualification.minimumGrade, model.gradeBands.lowerBound(of: grade) > maximum {
            model.qualification.minimumGrade = nil
        }
        return CalibratedPointsModel(model: model, pointsPerLogOdds: k, logOddsAtZero: offset)
    }

    static func rangeText(_ range: NumericRange) -> String {
        "[\(range.min.map { RuleValue.number($0).description } ?? ""),\(range.max.map { RuleValue.number($0).description } ?? ""))"
    }

    static func rangeLabel(_ range: NumericRange) -> String {
        switch (range.min, range.max) {
        case (let low?, let high?): return "from \(RuleValue.number(low)) to under \(RuleValue.number(high))"
        case (let low?, nil): return "\(RuleValue.number(low)) or more"
        case (nil, let high?): return "under \(RuleValue.number(high))"
        case (nil, nil): return "any value"
        }
    }

    static func fixed(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}

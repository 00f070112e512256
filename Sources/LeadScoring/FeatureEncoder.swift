public import LeadModel

/// Turns leads into sparse regression rows, with levels, clipping bounds and scaling learnt from
/// training leads only (so cross-validation never peeks at the test fold).
public struct FeatureEncoder: Hashable, Sendable {
    /// The features, in column order (subjects sorted: fields, then attributes by name).
    public let features: [EncodedFeature]
    /// Total number of columns (the intercept is not a column).
    public let columnCount: Int
    private let levelIndex: [[RuleValue: Int]]

    /// Learns the encoding from `leads` (the training fold).
    public init(fitting leads: [Lead], options: FeatureOptions = FeatureOptions()) {
        self.init(table: FeatureTable(leads: leads, options: options), rows: Array(leads.indices), options: options)
    }

    /// Learns the encoding from the leads at `rows` of `table` (a training fold), as
    /// `init(fitting:)` on those leads would.
    init(table: FeatureTable, rows: [Int], options: FeatureOptions) {
        var features: [EncodedFeature] = []
        var offset = 0
        for (position, subject) in table.subjects.enumerated() {
            let column = table.ids[position]
            let numberOfID = table.numbers[position]
            var countByID = [Int](repeating: 0, count: numberOfID.count)
            var numbers: [Double] = []
            var allNumbers = true
            var present = 0
            for row in rows {
                let id = Int(column[row])
                guard id >= 0 else { continue }
                present += 1
                countByID[id] += 1
                if let number = numberOfID[id] {
                    numbers.append(number)
                } else {
                    allNumbers = false
                }
            }
            guard present > 0 else { continue }
            let encoding: EncodedFeature.Encoding
            if allNumbers {
                guard let numeric = FeatureEncoder.numericEncoding(numbers, options: options) else { continue }
                encoding = numeric
            } else {
                var counts: [RuleValue: Int] = [:]
                for (id, count) in countByID.enumerated() where count > 0 { counts[table.levels[position][id]] = count }
                let kept = counts.filter { $0.value >= options.minimumLevelCount }.keys.sorted(by: RuleValue.ordered)
                let constant = counts.count == 1 && present == rows.count
                guard !kept.isEmpty, !constant else { continue }
                let keptCount = kept.reduce(0) { $0 + (counts[$1] ?? 0) }
                let columnCounts = kept.map { counts[$0] ?? 0 } + [present - keptCount, rows.count - present]
                encoding = .categorical(levels: kept, counts: columnCounts)
            }
            let feature = EncodedFeature(subject: subject, encoding: encoding, offset: offset)
            offset += feature.width
            features.append(feature)
        }
        self.features = features
        columnCount = offset
        levelIndex = features.map { feature in
            guard case .categorical(let levels, _) = feature.encoding else { return [:] }
            return Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        }
    }

    /// The lead's row: per categorical feature a 1 in its level's (or "other", or "missing")
    /// column; per numeric feature its standardised clipped value, or a 1 in its missing column.
    public func encode(_ lead: Lead) -> SparseRow {
        var row = SparseRow()
        row.indices.reserveCapacity(features.count)
        row.values.reserveCapacity(features.count)
        for (position, feature) in features.enumerated() {
            let value = lead.value(of: feature.subject).flatMap(RuleValue.init(attribute:))
            switch feature.encoding {
            case .categorical(let levels, _):
                let column: Int
                if let value {
                    column = levelIndex[position][value] ?? levels.count
                } else {
                    column = levels.count + 1
                }
                row.indices.append(feature.offset + column)
                row.values.append(1)
            case .numeric(let lower, let upper, let mean, let scale, _, _):
                if case .number(let number)? = value {
                    let z = (Swift.min(Swift.max(number, lower), upper) - mean) / scale
                    if z != 0 {
                        row.indices.append(feature.offset)
                        row.values.append(z)
                    }
                } else {
                    row.indices.append(feature.offset + 1)
                    row.values.append(1)
                }
            }
        }
        return row
    }

    static func discoverSubjects(in leads: [Lead], options: FeatureOptions) -> [RuleSubject] {
        var names: Set<String> = []
        for lead in leads {
            for (name, value) in lead.attributes where !options.excludedAttributes.contains(name) {
                if case .date = value {
                    names.insert(name + ".month")  // dates enter by calendar month (Lead.value(of:))
                } else {
                    names.insert(name)
                }
            }
        }
        return FeatureOptions.discoverableFields.map(RuleSubject.field) + names.sorted().map(RuleSubject.attribute)
    }

    static func numericEncoding(_ values: [Double], options: FeatureOptions) -> EncodedFeature.Encoding? {
        let sorted = values.sorted()
        func quantile(_ q: Double) -> Double {
            sorted[Swift.min(sorted.count - 1, Swift.max(0, Int((Double(sorted.count - 1) * q).rounded())))]
        }
        let q = Swift.min(Swift.max(options.clipQuantile, 0.5), 1)
        let lower = quantile(1 - q)
        let upper = quantile(q)
        guard upper > lower else { return nil }
        let clipped = sorted.map { Swift.min(Swift.max($0, lower), upper) }
        let mean = clipped.reduce(0, +) / Double(clipped.count)
        let variance = clipped.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(clipped.count)
        let scale = variance > 0 ? variance.squareRoot() : 1
        // Range edges at training quantiles (deduplicated), for the points model.
        let bins = Swift.max(1, options.numericBins)
        var edges: [Double] = []
        for step in 1..<bins {
            let edge = clipped[Int(Double(clipped.count) * Double(step) / Double(bins))]
            if edge > lower, edge < upper, edge != edges.last { edges.append(edge) }
        }
        if upper > (edges.last ?? lower) {
            // The top (clipped) values get their own range; this also guarantees at least two
            // ranges, so no written rule is an unbounded `range: {}`.
            edges.append(upper)
        }
        var sums = [Double](repeating: 0, count: edges.count + 1)
        var counts = [Int](repeating: 0, count: edges.count + 1)
        var bin = 0
        for value in clipped {
            while bin < edges.count, value >= edges[bin] { bin += 1 }
            sums[bin] += value
            counts[bin] += 1
        }
        var binMeans: [Double] = []
        for index in sums.indices {
            let low = index == 0 ? lower : edges[index - 1]
            let high = index == edges.count ? upper : edges[index]
            binMeans.append(counts[index] > 0 ? sums[index] / Double(counts[index]) : (low + high) / 2)
        }
        return .numeric(lower: lower, upper: upper, mean: mean, scale: scale, binEdges: edges, binMeans: binMeans)
    }
}

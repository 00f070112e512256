import LeadModel

/// Every lead's feature values read once and interned (issue 3's `evaluate` goal): per subject,
/// the distinct values seen (ids into `levels`) and per lead the id of its value, or -1 when
/// missing. Cross-validation then learns each fold's `FeatureEncoder` and encodes its rows from
/// these integer columns instead of reading and hashing every lead's values again per fold. The
/// encoders and rows it gives are identical to `FeatureEncoder(fitting:)` and `encode(_:)` on the
/// same leads.
struct FeatureTable {
    /// The subjects, sorted (fields, then attributes by name), each once: the options' list, or
    /// every subject `FeatureEncoder` would discover on any of the leads.
    let subjects: [RuleSubject]
    /// Per subject: the distinct values, in first-seen order.
    let levels: [[RuleValue]]
    /// Per subject, per value id: the number when the value is a number, else `nil`.
    let numbers: [[Double?]]
    /// Per subject, per lead: the value id, or -1 when missing (or a date, which is not a feature).
    let ids: [[Int32]]
    /// Number of leads.
    let leadCount: Int

    /// Reads `leads` once.
    init(leads: [Lead], options: FeatureOptions) {
        subjects = Set(options.subjects ?? FeatureEncoder.discoverSubjects(in: leads, options: options)).sorted()
        var levels: [[RuleValue]] = []
        var numbers: [[Double?]] = []
        var ids: [[Int32]] = []
        for subject in subjects {
            var index: [RuleValue: Int32] = [:]
            var values: [RuleValue] = []
            var column = [Int32](repeating: -1, count: leads.count)
            for (row, lead) in leads.enumerated() {
                guard let value = lead.value(of: subject).flatMap(RuleValue.init(attribute:)) else { continue }
                if let id = index[value] {
                    column[row] = id
                } else {
                    let id = Int32(values.count)
                    index[value] = id
                    values.append(value)
                    column[row] = id
                }
            }
            levels.append(values)
            numbers.append(
                values.map { value -> Double? in
                    if case .number(let number) = value { return number }
                    return nil
                })
            ids.append(column)
        }
        self.levels = levels
        self.numbers = numbers
        self.ids = ids
        leadCount = leads.count
    }

    /// The rows of the leads at `rows` under `encoder` (learnt on this table), equal to
    /// `encoder.encode(lead)` for each.
    func rows(_ rows: [Int], encoder: FeatureEncoder) -> [SparseRow] {
        let position = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ($1, $0) })
        // Per feature: its subject's column and, for a category, the column of each value id.
        let plans: [(subject: Int, columnOfID: [Int])] = encoder.features.map { feature in
            let subject = position[feature.subject] ?? -1
            guard subject >= 0, case .categorical(let kept, _) = feature.encoding else { return (subject, []) }
            let keptColumn = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
            return (subject, levels[subject].map { keptColumn[$0] ?? kept.count })
        }
        return rows.map { row in
            var encoded = SparseRow()
            encoded.indices.reserveCapacity(encoder.features.count)
            encoded.values.reserveCapacity(encoder.features.count)
            for (feature, plan) in zip(encoder.features, plans) {
                let id = plan.subject >= 0 ? Int(ids[plan.subject][row]) : -1
                switch feature.encoding {
                case .categorical(let kept, _):
                    encoded.indices.append(feature.offset + (id >= 0 ? plan.columnOfID[id] : kept.count + 1))
                    encoded.values.append(1)
                case .numeric(let lower, let upper, let mean, let scale, _, _):
                    if id >= 0, let number = numbers[plan.subject][id] {
                        let z = (Swift.min(Swift.max(number, lower), upper) - mean) / scale
                        if z != 0 {
                            encoded.indices.append(feature.offset)
                            encoded.values.append(z)
                        }
                    } else {
                        encoded.indices.append(feature.offset + 1)
                        encoded.values.append(1)
                    }
                }
            }
            return encoded
        }
    }
}

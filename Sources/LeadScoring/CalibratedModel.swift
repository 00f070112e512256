public import LeadModel

/// A regularised logistic regression over a lead's scoring features (one-hot categories with a
/// missing level, clipped and standardised numbers), fitted to known outcomes (SPEC §4
/// "Calibration from outcomes"). It reads only what rules may read: never post-contact
/// attributes, never the outcome.
public struct CalibratedModel: Hashable, Sendable {
    /// How leads become rows.
    public let encoder: FeatureEncoder
    /// The fitted coefficients, one weight per encoder column.
    public let regression: LogisticRegression

    /// A calibrated model from its parts.
    public init(encoder: FeatureEncoder, regression: LogisticRegression) {
        self.encoder = encoder
        self.regression = regression
    }

    /// Fits the encoder and the regression to `leads` with outcomes `labels` (same length).
    public init(fitting leads: [Lead], labels: [Bool], options: CalibrationOptions = CalibrationOptions()) {
        precondition(leads.count == labels.count, "leads and labels differ in length")
        let table = FeatureTable(leads: leads, options: options.features)
        self.init(fitting: table, rows: Array(leads.indices), labels: labels, options: options)
    }

    /// Fits the encoder and the regression to the leads at `rows` of `table`, whose outcomes are
    /// `labels` (indexed like the table's leads), starting Newton from `start` mapped onto the new
    /// encoder's columns (a warm start) when given.
    init(
        fitting table: FeatureTable, rows: [Int], labels: [Bool], options: CalibrationOptions,
        start: CalibratedModel? = nil
    ) {
        let encoder = FeatureEncoder(table: table, rows: rows, options: options.features)
        self.encoder = encoder
        regression = LogisticRegression.fit(
            rows: table.rows(rows, encoder: encoder), labels: rows.map { labels[$0] },
            columnCount: encoder.columnCount, l2: options.l2, start: start?.coefficients(for: encoder))
    }

    /// The predicted probability (0–1) that `lead` converts.
    public func probability(of lead: Lead) -> Double {
        regression.probability(encoder.encode(lead))
    }

    /// The predicted log-odds that `lead` converts.
    public func logit(of lead: Lead) -> Double {
        regression.logit(encoder.encode(lead))
    }
}

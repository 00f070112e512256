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
        let encoder = FeatureEncoder(fitting: leads, options: options.features)
        let rows = leads.map(encoder.encode)
        self.encoder = encoder
        regression = LogisticRegression.fit(
            rows: rows, labels: labels, columnCount: encoder.columnCount, l2: options.l2)
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

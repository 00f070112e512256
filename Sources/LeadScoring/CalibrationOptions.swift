/// How the calibrated model is fitted (issue 3 "Calibration from outcomes").
public struct CalibrationOptions: Hashable, Sendable {
    /// Which features, and how they are encoded.
    public var features: FeatureOptions
    /// Ridge strength of the logistic regression (1 = scikit-learn's default `C = 1`).
    public var l2: Double

    /// Options; the defaults reach the anchors on Leads.csv.
    public init(features: FeatureOptions = FeatureOptions(), l2: Double = 1) {
        self.features = features
        self.l2 = l2
    }
}

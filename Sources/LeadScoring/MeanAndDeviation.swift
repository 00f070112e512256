/// A mean with its sample standard deviation (n − 1), as "0.86 ± 0.01" in reports.
public struct MeanAndDeviation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The mean.
    public var mean: Double
    /// The sample standard deviation.
    public var deviation: Double

    /// A mean and deviation.
    public init(mean: Double, deviation: Double) {
        self.mean = mean
        self.deviation = deviation
    }

    /// `0.8612 ± 0.0104` (four decimals).
    public var description: String {
        func fixed(_ value: Double) -> String {
            guard value.isFinite else { return "nan" }
            let scaled = (value * 10_000).rounded()
            let sign = scaled < 0 ? "-" : ""
            let magnitude = Int(abs(scaled))
            let fraction = String(magnitude % 10_000)
            return "\(sign)\(magnitude / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
        }
        return "\(fixed(mean)) ± \(fixed(deviation))"
    }
}

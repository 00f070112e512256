/// Small arithmetic the reports share.
enum ReportMath {
    /// `part / whole` as 0–1, or `nil` when `whole` is 0.
    static func rate(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    /// The median of `values`, or `nil` when empty (the mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The 10-point score band of a total, as `"40–49"`; `"unscored"` for `nil`, `"below 0"` for negatives.
    static func scoreBand(_ total: Double?) -> String {
        guard let total else { return "unscored" }
        guard total >= 0 else { return "below 0" }
        let low = Int(total / 10) * 10
        return "\(low)–\(low + 9)"
    }

    /// Sort key of a score band label: numeric bands by their low end, then `unscored`.
    static func scoreBandOrder(_ band: String) -> Int {
        if band == "below 0" { return -1 }
        if band == "unscored" { return Int.max }
        return Int(band.prefix { $0.isNumber }) ?? Int.max - 1
    }
}

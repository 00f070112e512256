import Foundation

/// How numbers print in every form of the reports.
enum ReportFormatting {
    /// A 0–1 rate as a percentage with one decimal (`"10.5%"`), `"–"` for `nil`.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        return String(format: "%.1f%%", rate * 100)
    }

    /// A 0–1 rate as a plain decimal with four places for CSV (`"0.1053"`), empty for `nil`.
    static func decimal(_ rate: Double?) -> String {
        guard let rate else { return "" }
        return String(format: "%.4f", rate)
    }

    /// Hours with one decimal, `"–"` for `nil`.
    static func hours(_ hours: Double?) -> String {
        guard let hours else { return "–" }
        return String(format: "%.1f", hours)
    }
}

import Foundation

/// How numbers print in every form of the reports (the admin CLI's text forms too).
public enum ReportFormatting {
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

    /// An instant as a person reads it, in UTC: `7 Dec 2026, 15:04 UTC`.
    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%d %@ %d, %02d:%02d UTC", parts.day ?? 1, months[(parts.month ?? 1) - 1], parts.year ?? 1970,
            parts.hour ?? 0, parts.minute ?? 0)
    }

    /// A duration in hours as a person reads it: `45 min`, `5.5 h`, `3.2 days`; `"–"` for `nil`.
    public static func age(hours: Double?) -> String {
        guard let hours else { return "–" }
        if hours < 1 { return "\(Int((hours * 60).rounded())) min" }
        if hours < 48 { return String(format: "%.1f h", hours) }
        return String(format: "%.1f days", hours / 24)
    }

    /// Hours with one decimal, `"–"` for `nil`.
    static func hours(_ hours: Double?) -> String {
        guard let hours else { return "–" }
        return String(format: "%.1f", hours)
    }
}

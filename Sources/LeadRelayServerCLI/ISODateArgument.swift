import ArgumentParser
import Foundation

/// A date on the command line: `2026-03-01` (midnight UTC) or a full ISO 8601 instant
/// (`2026-03-01T09:30:00Z`, with fractional seconds or an offset if given).
struct ISODateArgument: ExpressibleByArgument {
    /// The instant.
    let date: Date

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(text, strategy: .iso8601) {
            self.date = date
        } else if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            self.date = date
        } else if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) {
            self.date = date
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

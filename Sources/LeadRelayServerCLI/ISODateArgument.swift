import ArgumentParser
import Foundation
import LeadPipeline

/// A date on the command line: `2026-03-01` (midnight UTC) or a full ISO 8601 instant
/// (`2026-03-01T09:30:00Z`, with fractional seconds or an offset if given), read by
/// ``ISODateText`` as the API's `since` is. An impossible calendar date (`2026-02-30`) is
/// refused, never rolled over (SPEC §8).
struct ISODateArgument: ExpressibleByArgument {
    /// The instant.
    let date: Date

    init?(argument: String) {
        guard let date = ISODateText.parse(argument) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

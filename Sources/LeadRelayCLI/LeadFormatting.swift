import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// How leads, scores and verdicts are written in tables and lines.
enum LeadFormatting {
    /// The first 8 characters of a lead id: enough to name it in most queues (a unique prefix
    /// works wherever LEAD is asked for).
    static func shortID(_ id: LeadID) -> String { String(id.description.prefix(8)) }

    /// A score with no more than one decimal; `-` when unscored.
    static func score(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A verdict in words: `accept`, `reject no_budget`, `convert`, `note "…"`; a note shown
    /// shortened to ``noteShownLength`` characters on one line (``shortNote(_:)``).
    static func intent(_ intent: MutationIntent) -> String {
        switch intent {
        case .accept: return "accept"
        case .convert: return "convert"
        case .reject(let reason, let note, _):
            return "reject \(reason)" + (note.map { " (\"\(shortNote($0))\")" } ?? "")
        case .addNote(let text): return "note \"\(shortNote(text))\""
        case .correctContact: return "correct contact"
        }
    }

    /// How many characters of a note confirmations and `leadrelay status` show.
    static let noteShownLength = 60

    /// A note on one line (runs of white space, line breaks among them, become one space), cut
    /// to ``noteShownLength`` characters with `…` when longer.
    static func shortNote(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard oneLine.count > noteShownLength else { return oneLine }
        return String(oneLine.prefix(noteShownLength - 1)) + "…"
    }

    /// An ISO 8601 time in UTC, to the second.
    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// An outbox row's state in words: `queued`, `sent`, `applied`, `refused: not_assigned: …`
    /// (the code, what it means and what to do: ``RefusalAdvice``).
    static func state(_ entry: OutboxEntry) -> String {
        if entry.state == .refused { return "refused: \(RefusalAdvice.text(for: entry.refusalCode))" }
        return entry.state.rawValue
    }
}

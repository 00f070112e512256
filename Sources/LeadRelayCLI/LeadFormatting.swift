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

    /// A verdict in words: `accept`, `reject no_budget`, `convert`, `note "…"`.
    static func intent(_ intent: MutationIntent) -> String {
        switch intent {
        case .accept: return "accept"
        case .convert: return "convert"
        case .reject(let reason, let note, _): return "reject \(reason)" + (note.map { " (\"\($0)\")" } ?? "")
        case .addNote(let text): return "note \"\(text)\""
        case .correctContact: return "correct contact"
        }
    }

    /// An ISO 8601 time in UTC, to the second.
    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// An outbox row's state in words: `queued`, `sent`, `applied`, `refused: not_assigned`.
    static func state(_ entry: OutboxEntry) -> String {
        if entry.state == .refused { return "refused: \(entry.refusalCode?.rawValue ?? "?")" }
        return entry.state.rawValue
    }
}

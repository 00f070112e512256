import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// The `sync` progress line drawn on a terminal: `pulling [#####-----] 2500/5000 leads`, redrawn
/// in place on standard error.
struct ProgressBar: Sendable {
    /// The bar's width in characters.
    static let width = 30

    /// The line for one progress report.
    static func line(for progress: SyncProgress) -> String {
        switch progress.phase {
        case .pushing:
            return
                "pushing \(bar(done: progress.pushed, total: progress.toPush)) \(progress.pushed)/\(progress.toPush) changes"
        case .pulling:
            let total = max(progress.scopeCount, progress.pulled)
            return "pulling \(bar(done: progress.pulled, total: total)) \(progress.pulled)/\(total) leads"
        case .verifying:
            return "verifying \(progress.scopeCount) leads"
        }
    }

    /// `[####------]` for a fraction done.
    static func bar(done: Int, total: Int) -> String {
        let filled = total > 0 ? min(width, done * width / total) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }
}

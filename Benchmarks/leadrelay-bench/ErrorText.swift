import Foundation
import Synchronization

/// Text collected from a command's standard error (thread-safe).
final class ErrorText: Sendable {
    private let storage = Mutex("")

    /// Appends a chunk.
    func append(_ text: String) { storage.withLock { $0 += text } }

    /// What was collected, trimmed.
    var text: String { storage.withLock { $0 }.trimmingCharacters(in: .whitespacesAndNewlines) }
}

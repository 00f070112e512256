import Foundation
import Synchronization

/// A settable server clock for the HTTP tests: the application reads it for every request.
final class ManualClock: Sendable {
    /// 2026-01-01T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    private let value: Mutex<Date>

    init(_ start: Date = ManualClock.t0) { value = Mutex(start) }

    /// The current reading.
    var now: Date { value.withLock { $0 } }

    /// Sets the reading.
    func set(_ date: Date) { value.withLock { $0 = date } }
}

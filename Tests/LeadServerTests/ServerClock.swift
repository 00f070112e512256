import Foundation
import Synchronization

/// A settable server clock for the sync cases over HTTP (S3's clock going back, S13's retention).
final class ServerClock: Sendable {
    private let value: Mutex<Date>

    init(_ start: Date) { value = Mutex(start) }

    /// The current reading.
    var now: Date { value.withLock { $0 } }

    /// Moves the clock by `seconds` (negative: back).
    func advance(_ seconds: TimeInterval) { value.withLock { $0 += seconds } }
}

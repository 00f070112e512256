import Foundation

/// What an ``HTTPSyncTransport`` received: the bodies of the successful pull answers, in bytes
/// as they came off the wire (the JSON before decoding, HTTP headers not included), and how many
/// there were. For a data-usage figure on the device and for the bound of case S15 (a large first
/// sync costs at most about 1.5× the JSON of its leads).
///
/// Safe to read from any thread while a sync runs (a lock, not `Mutex`: the phone app's
/// deployment target predates the Synchronization module).
public final class TransferCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var pulls = 0
    private var pullBytes = 0

    /// A counter at zero.
    public init() {}

    /// The successful pull answers received so far.
    public var pullResponses: Int { lock.withLock { pulls } }

    /// The bytes of their bodies, in total.
    public var pullBodyBytes: Int { lock.withLock { pullBytes } }

    /// Counts one successful pull answer whose body had `bytes` bytes.
    func recordPull(bodyBytes bytes: Int) {
        lock.withLock {
            pulls += 1
            pullBytes += bytes
        }
    }
}

public import Foundation
import Synchronization

/// The process's one sequence for ``Foundation/UUID/sequential()``.
private let sharedSequentialGenerator = Mutex(SequentialUUIDGenerator())

extension UUID {
    /// A sequential UUID (``SequentialUUIDGenerator``) from the process's one sequence, the
    /// system clock and the system's random bits: ids made one after the other in this process
    /// sort one after the other, and their first 8 hex digits differ.
    public static func sequential() -> UUID {
        sharedSequentialGenerator.withLock { sequence in
            var random = SystemRandomNumberGenerator()
            return sequence.next(at: Date(), using: &random)
        }
    }
}

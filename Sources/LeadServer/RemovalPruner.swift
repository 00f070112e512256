import Foundation
internal import LeadPipeline
internal import Logging
internal import ServiceLifecycle

/// Drops change-log removals older than the sync retention once an interval (an hour by
/// default), as a ServiceLifecycle service that stops on graceful shutdown. A device whose cursor
/// is older than a pruned removal gets `resync_required` (SPEC §5 rule 4).
struct RemovalPruner: Service {
    let sync: SyncService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let pruned = try sync.pruneExpiredRemovals()
                    if pruned > 0 {
                        logger.info("pruned expired removals", metadata: ["count": .stringConvertible(pruned)])
                    }
                } catch {
                    logger.error("removal pruning failed", metadata: ["error": .string(String(describing: error))])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}

import Foundation
internal import LeadPipeline
internal import Logging
internal import ServiceLifecycle

/// The hand-off's clockwork inside `serve` (issue 6 items 2 and 3): once a period (five minutes by
/// default) it escalates leads `assigned` past the follow-up SLA (``SLAEscalation``) and returns
/// recycled leads whose cool-down ended to nurturing (``Recycling``). A ServiceLifecycle service
/// that stops on graceful shutdown; a failed round is logged and the next one runs as usual.
struct FollowUpScheduler: Service {
    let escalation: SLAEscalation
    let recycling: Recycling
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                runOnce()
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One round: escalation first, then recycling, each logged with its counts.
    func runOnce() {
        let instant = now()
        do {
            let summary = try escalation.run(now: instant)
            logger.info("follow-up SLA round", metadata: ["summary": .string(String(describing: summary))])
        } catch {
            logger.error("follow-up SLA round failed", metadata: ["error": .string(String(describing: error))])
        }
        do {
            let summary = try recycling.run(now: instant)
            logger.info("recycling round", metadata: ["summary": .string(String(describing: summary))])
        } catch {
            logger.error("recycling round failed", metadata: ["error": .string(String(describing: error))])
        }
    }
}

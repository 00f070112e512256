import Foundation
internal import LeadPipeline
internal import Logging
internal import SyncAPI
internal import SyncProtocol

extension LeadRelayAPI {
    /// `POST /v1/sync/pull`: one page of the rep's changes since the cursor (SyncService.pull);
    /// with more to come, the next page is built ahead (``PullPrefetch``) when this process answered
    /// the page before (or this is the first).
    func pull(_ input: Operations.Pull.Input) async throws -> Operations.Pull.Output {
        let repID = try currentRep()
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        try Self.checkVersion(body.protocolVersion)
        let request: PullRequest
        do {
            request = try PullRequest(wire: body)
        } catch {
            throw APIProblem.invalidRequest(error.description)
        }
        let page = try domain { try sync.pull(repID: repID, request) }
        if page.hasMore, prefetch.buildsAhead(repID: repID, after: request.cursor) {
            prefetch.schedule(repID: repID, after: page.cursor, limit: request.limit)
        }
        metrics.recordPull()
        logger.debug(
            "pull served",
            metadata: [
                "rep": .stringConvertible(repID), "upserts": .stringConvertible(page.upserts.count),
                "removals": .stringConvertible(page.removals.count), "hasMore": .stringConvertible(page.hasMore),
            ])
        return .ok(.init(body: .json(.init(page))))
    }

    /// `POST /v1/sync/push`: applies the rep's mutations in order (SyncService.push) and answers
    /// one result per mutation.
    func push(_ input: Operations.Push.Input) async throws -> Operations.Push.Output {
        let repID = try currentRep()
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        try Self.checkVersion(body.protocolVersion)
        let request: PushRequest
        do {
            request = try PushRequest(wire: body)
        } catch {
            throw APIProblem.invalidRequest(error.description)
        }
        let pending = try domain { try sync.checkedPush(repID: repID, request) }
        let answer: PushAnswer
        do {
            answer = try await pushCommits.apply(pending)
        } catch {
            answer = try domain { throw error }
        }
        let results = answer.results
        var applied = 0
        var duplicates = 0
        var rejected = 0
        for result in results {
            switch result.outcome {
            case .applied: applied += 1
            case .duplicate: duplicates += 1
            case .rejected: rejected += 1
            }
        }
        metrics.recordPush(applied: applied, duplicate: duplicates, rejected: rejected)
        logger.info(
            "push served",
            metadata: [
                "rep": .stringConvertible(repID), "client": .string(LogText.escaped(request.clientID)),
                "applied": .stringConvertible(applied), "duplicate": .stringConvertible(duplicates),
                "rejected": .stringConvertible(rejected),
            ])
        return .ok(.init(body: .json(.init(answer))))
    }

    /// Refuses a protocol version this server does not speak with the typed
    /// `unsupported_protocol_version` problem, before anything else in the body is looked at.
    private static func checkVersion(_ version: Int32) throws {
        let requested = SyncProtocolVersion(rawValue: Int(version))
        guard requested.isSupported else { throw APIProblem(SyncError.unsupportedProtocolVersion(requested.rawValue)) }
    }
}

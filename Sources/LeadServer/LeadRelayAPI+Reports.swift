import Foundation
internal import LeadModel
internal import LeadPipeline
internal import LeadScoring
internal import StoreContract
internal import SyncAPI

extension LeadRelayAPI {
    /// `GET /v1/admin/scoring-model`: the current model (404 before the first one is stored).
    func getScoringModel(_ input: Operations.GetScoringModel.Input) async throws -> Operations.GetScoringModel.Output {
        guard let model = try domain({ try backend.currentScoringModel() }) else {
            throw APIProblem.notFound("No scoring model has been stored yet.")
        }
        return .ok(.init(body: .json(Self.wire(model))))
    }

    /// `PUT /v1/admin/scoring-model`: validates a JSON model document and stores it as the next
    /// version (422 naming the key path when it does not parse or validate).
    func setScoringModel(_ input: Operations.SetScoringModel.Input) async throws -> Operations.SetScoringModel.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        do {
            let model = try JSONDecoder().decode(ScoringModel.self, from: Data(body.document.utf8))
            try model.validate()
        } catch let error as ScoringModelError {
            throw APIProblem.validationFailed("document: \(error.description)")
        } catch {
            let detail = ScoringModelError(error).map(\.description) ?? "not a JSON scoring model document"
            throw APIProblem.validationFailed("document: \(detail)")
        }
        let change = try domain {
            try backend.putScoringModelInForce(
                document: body.document, note: body.note, createdBy: "admin-api", at: now(), clock: now)
        }
        return .ok(.init(body: .json(Self.wire(change.stored))))
    }

    /// `GET /v1/admin/reports/funnel`: the funnel report, as `leadrelay-server report funnel --json`.
    func getFunnelReport(_ input: Operations.GetFunnelReport.Input) async throws -> Operations.GetFunnelReport.Output {
        let since = try Self.since(input.query.since)
        let report = try handoff { try backend.reports(now: now).funnel(since: since) }
        return .ok(.init(body: .json(.init(report))))
    }

    /// The wire form of a stored model (StoreContract's type, so the mapping lives here, not in
    /// SyncAPI, which does not see the store).
    private static func wire(_ model: StoredScoringModel) -> Components.Schemas.ScoringModel {
        .init(
            version: model.version, document: model.document, createdAt: model.createdAt, createdBy: model.createdBy,
            note: model.note)
    }
}

import Foundation
internal import LeadModel
internal import LeadPipeline
internal import StoreContract
internal import SyncAPI

extension LeadRelayAPI {
    /// `GET /v1/admin/reps`: every rep.
    func listReps(_ input: Operations.ListReps.Input) async throws -> Operations.ListReps.Output {
        let reps = try domain { try backend.reps() }
        return .ok(.init(body: .json(.init(reps: reps.map(Components.Schemas.Rep.init)))))
    }

    /// `POST /v1/admin/reps`: adds a rep (409 when the email is taken).
    func createRep(_ input: Operations.CreateRep.Input) async throws -> Operations.CreateRep.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let emailText = body.email.trimmingCharacters(in: .whitespacesAndNewlines)
        let capacity = Int(body.capacity ?? Int32(Rep.defaultCapacity))
        let territory = body.territory.flatMap { $0.isEmpty ? nil : $0 }
        if let (field, problem) = RosterRules.problem(
            name: name, email: emailText, territory: territory, capacity: capacity)
        {
            throw APIProblem.validationFailed("\(field): \(problem)")
        }
        let email = EmailAddress(emailText)
        let rep = Rep(name: name, email: email, territory: territory, capacity: capacity)
        try domain { try backend.addRep(rep) }
        return .created(.init(body: .json(.init(rep))))
    }

    /// `POST /v1/admin/reps/{repID}/deactivate`: the one deactivation rule
    /// (``LeadPipeline/RepDeactivation``), as `leadrelay-server reps deactivate` follows it.
    func deactivateRep(_ input: Operations.DeactivateRep.Input) async throws -> Operations.DeactivateRep.Output {
        let repID = try Self.repID(input.path.repID, field: "repID")
        let rep = try handoff { try backend.deactivation(now: now).run(repID).rep }
        return .ok(.init(body: .json(.init(rep))))
    }

    /// `POST /v1/admin/reps/{repID}/tokens`: issues a device token; the secret is in this answer
    /// only, its SHA-256 (the token id) is what the store keeps.
    func issueDeviceToken(_ input: Operations.IssueDeviceToken.Input) async throws
        -> Operations.IssueDeviceToken.Output
    {
        let repID = try Self.repID(input.path.repID, field: "repID")
        let issuedAt = now()
        let token = try domain { () throws -> String in
            guard let rep = try backend.rep(id: repID) else { throw LeadStoreError.repNotFound(repID) }
            guard rep.isActive else { throw LeadStoreError.repInactive(repID) }
            return try tokens.issue(repID: repID)
        }
        return .created(
            .init(
                body: .json(
                    .init(
                        tokenID: DeviceTokens.hash(token), repID: repID.description, token: token,
                        issuedAt: issuedAt))))
    }

    /// `DELETE /v1/admin/tokens/{tokenID}`: revokes a device token by its id (the SHA-256 hex of
    /// the secret); revoking twice is not an error, an unknown id is 404.
    func revokeDeviceToken(_ input: Operations.RevokeDeviceToken.Input) async throws
        -> Operations.RevokeDeviceToken.Output
    {
        let id = input.path.tokenID.lowercased()
        try domain {
            guard try backend.deviceToken(hash: id) != nil else {
                throw APIProblem.notFound("No device token with id \(input.path.tokenID).")
            }
            _ = try backend.revokeDeviceToken(hash: id, at: now())
        }
        return .noContent(.init())
    }
}

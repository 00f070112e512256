import Foundation
internal import HTTPTypes
internal import LeadModel
internal import LeadPipeline
internal import Logging
internal import OpenAPIRuntime
internal import SyncProtocol

/// Authenticates every operation but the probes from its `Authorization: Bearer` token and runs
/// the handler with ``Principal/current`` set.
///
/// The rule per operation comes from the contract's tags: `pull` and `push` need a rep's device
/// token; every `/v1/admin/...` operation needs the admin token; `getHealth` and `getReady` need
/// none. A missing, unknown or revoked token is `401 unauthorized`; a valid token of the wrong
/// kind is `403 forbidden`. Device tokens are checked by ``DeviceTokens/verify(_:)`` (only the
/// SHA-256 is stored; constant-time comparison), the admin token by ``AdminCredential``.
struct AuthMiddleware: ServerMiddleware {
    /// What an operation needs.
    enum Requirement: Sendable { case none, rep, admin }

    let admin: AdminCredential?
    let tokens: DeviceTokens
    let logger: Logger

    /// The requirement of an operation, by its `operationId` in api-schema/openapi.yaml.
    static func requirement(of operationID: String) -> Requirement {
        switch operationID {
        case "getHealth", "getReady": return .none
        case "pull", "push": return .rep
        default: return .admin
        }
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let requirement = Self.requirement(of: operationID)
        if requirement == .none { return try await next(request, body, metadata) }
        guard let token = Self.bearerToken(request.headerFields[.authorization]) else {
            throw APIProblem.unauthorized("An `Authorization: Bearer` token is required.")
        }
        let principal: Principal
        if let admin, admin.matches(token) {
            principal = .admin
        } else if let repID = try Self.verify(token, with: tokens) {
            principal = .rep(repID)
        } else {
            logger.info("refused bearer token", metadata: ["operation": .string(operationID)])
            throw APIProblem.unauthorized()
        }
        switch (requirement, principal) {
        case (.rep, .admin):
            throw APIProblem.forbidden("Sync operations need a rep's device token, not the admin token.")
        case (.admin, .rep):
            throw APIProblem.forbidden("This operation needs the admin token.")
        default:
            return try await Principal.$current.withValue(principal) {
                try await next(request, body, metadata)
            }
        }
    }

    /// The token of an `Authorization: Bearer TOKEN` header (scheme case-insensitive), or `nil`.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The rep a device token acts for (``DeviceTokens/verify(_:)``), a deactivated rep's token
    /// answered `403 rep_deactivated`.
    private static func verify(_ token: String, with tokens: DeviceTokens) throws -> RepID? {
        do {
            return try tokens.verify(token)
        } catch let error as SyncError {
            throw APIProblem(error)
        }
    }
}

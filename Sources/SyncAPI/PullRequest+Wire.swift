internal import Foundation
package import SyncProtocol

extension SyncProtocol.PullRequest {
    /// The domain pull request of a wire one. The protocol version is carried as sent (the server
    /// decides whether it speaks it); the cursor is parsed.
    /// - Throws: ``WireMappingError`` (field `cursor`) when the cursor is not one this server
    ///   issues.
    package init(wire: Components.Schemas.PullRequest) throws(WireMappingError) {
        var cursor: SyncCursor?
        if let text = wire.cursor {
            do {
                cursor = try SyncCursor(parsing: text)
            } catch {
                throw WireMappingError(field: "cursor", problem: error.description)
            }
        }
        self.init(
            protocolVersion: SyncProtocolVersion(rawValue: Int(wire.protocolVersion)), cursor: cursor,
            limit: wire.limit.map(Int.init))
    }
}

extension Components.Schemas.PullRequest {
    /// The wire form of a domain pull request (the device side).
    package init(_ request: SyncProtocol.PullRequest) {
        self.init(
            protocolVersion: Int32(clamping: request.protocolVersion.rawValue), cursor: request.cursor?.text,
            limit: request.limit.map { Int32(clamping: $0) })
    }
}

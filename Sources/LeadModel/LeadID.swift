public import Foundation

/// The server-assigned identity of a lead (SPEC §3), independent of any external CRM id.
public struct LeadID: TypedIdentifier {
    /// The UUID behind the id.
    public let rawValue: UUID
    /// Wraps an existing UUID.
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

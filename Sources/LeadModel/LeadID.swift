public import Foundation

/// The server-assigned identity of a lead (SPEC §3), independent of any external CRM id.
public struct LeadID: TypedIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

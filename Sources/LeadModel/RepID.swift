public import Foundation

/// The identity of a sales rep.
public struct RepID: TypedIdentifier {
    /// The UUID behind the id.
    public let rawValue: UUID
    /// Wraps an existing UUID.
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

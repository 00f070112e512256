public import Foundation

/// The identity of a stored engagement event.
public struct EventID: TypedIdentifier {
    /// The UUID behind the id.
    public let rawValue: UUID
    /// Wraps an existing UUID.
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

public import Foundation

/// The identity of a stored engagement event.
public struct EventID: TypedIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

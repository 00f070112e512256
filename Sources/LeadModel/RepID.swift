public import Foundation

/// The identity of a sales rep.
public struct RepID: TypedIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

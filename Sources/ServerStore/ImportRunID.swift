public import Foundation

/// Identifies one import run (one file imported once).
public struct ImportRunID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UUID
    /// A fresh run id.
    public init(rawValue: UUID = UUID()) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }
}

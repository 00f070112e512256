public import Foundation

/// Identifies one import run (one file imported once).
public struct ImportRunID: Hashable, Sendable, CustomStringConvertible {
    /// The UUID behind the run id.
    public let rawValue: UUID
    /// A fresh run id.
    public init(rawValue: UUID = UUID()) { self.rawValue = rawValue }
    /// The lower-case UUID text, as stored in `lead.last_import_run`.
    public var description: String { rawValue.uuidString.lowercased() }
}

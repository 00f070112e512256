/// The version of the sync protocol a request speaks (SPEC §5 rule 6). Every pull and push names
/// one; a server answers a version outside ``supported`` with
/// ``SyncError/unsupportedProtocolVersion(_:)``. Encodes as a bare integer.
public struct SyncProtocolVersion: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible
{
    /// The version number (1, 2, …).
    public let rawValue: Int

    /// Wraps a version number; any integer is representable, support is checked separately.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Version 1: the protocol of this package.
    public static let v1 = SyncProtocolVersion(rawValue: 1)

    /// The version this build speaks and sends: ``v1``.
    public static let current = v1

    /// Every version this build answers.
    public static let supported: Set<SyncProtocolVersion> = [v1]

    /// Whether this build answers requests in this version.
    public var isSupported: Bool { Self.supported.contains(self) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

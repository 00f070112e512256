public import Foundation

/// A UUID that knows what it identifies, so a `LeadID` can never be passed where a `RepID` is
/// expected. Encodes as the bare UUID string.
public protocol TypedIdentifier: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The UUID behind the identifier.
    var rawValue: UUID { get }
    /// Wraps an existing UUID.
    init(rawValue: UUID)
}

extension TypedIdentifier {
    /// A fresh identifier, sequential (``Foundation/UUID/sequential()``): ids made one after the
    /// other sort one after the other, which keeps the store's indexes keyed by them writing
    /// neighbouring pages, and their first 8 hex digits differ.
    public init() { self.init(rawValue: .sequential()) }

    /// Parses the canonical UUID text form (case-insensitive); `nil` when it is not a UUID.
    public init?(uuidString: String) {
        guard let uuid = UUID(uuidString: uuidString) else { return nil }
        self.init(rawValue: uuid)
    }

    /// The lower-case UUID text, the form used in the store, the API and the CLI.
    public var description: String { rawValue.uuidString.lowercased() }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a UUID")
        }
        self.init(rawValue: uuid)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

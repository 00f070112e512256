public import Foundation

/// Where a rep's device stands in the server's change log (SPEC §5 rule 1).
///
/// Opaque to clients: a device stores the text the server sent and sends it back unchanged. It
/// carries the server epoch (a random id made when the store was created, so a cursor from another
/// database or from before a restore is recognised) and a change-log sequence number, which is in
/// commit order. Never a wall-clock or device time.
///
/// Text form (``text``): `c1.<epoch as lower-case UUID>.<sequence in decimal>`, for example
/// `c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.1042`. Encodes as that string.
public struct SyncCursor: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The server epoch that issued the cursor.
    public let epoch: UUID
    /// The change-log sequence the device has applied up to and including (0: nothing yet).
    public let sequence: Int64

    /// A cursor; `sequence` must not be negative.
    public init(epoch: UUID, sequence: Int64) {
        precondition(sequence >= 0, "a sync cursor's sequence is never negative")
        self.epoch = epoch
        self.sequence = sequence
    }

    /// The prefix of the text form, which names the cursor format's version.
    static let prefix = "c1"

    /// The opaque text form sent to clients.
    public var text: String { "\(Self.prefix).\(epoch.uuidString.lowercased()).\(sequence)" }

    public var description: String { text }

    /// Parses the text form.
    /// - Throws: ``SyncCursorError/malformed(_:)`` when `text` is not a cursor this package issued.
    public init(parsing text: String) throws(SyncCursorError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.prefix,
            parts[1].count == 36, let epoch = UUID(uuidString: String(parts[1])),
            !parts[2].isEmpty, parts[2].allSatisfy({ $0.isASCII && $0.isNumber }),
            let sequence = Int64(parts[2])
        else { throw SyncCursorError.malformed(text) }
        self.init(epoch: epoch, sequence: sequence)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

public import Foundation

/// A rep's note on a lead, as stored on the server and sent back to the device.
public struct SyncedNote: Hashable, Codable, Sendable {
    /// The note's text, as written.
    public var text: String
    /// When the server stored it.
    public var createdAt: Date

    /// A note.
    public init(text: String, createdAt: Date) {
        self.text = text
        self.createdAt = createdAt
    }
}

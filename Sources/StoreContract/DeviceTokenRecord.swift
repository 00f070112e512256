public import Foundation
public import LeadModel

/// A stored device token: only its hash, never the token.
public struct DeviceTokenRecord: Hashable, Sendable {
    /// SHA-256 of the token's UTF-8 text, 64 lower-case hex digits.
    public var hash: String
    /// The rep the token acts for.
    public var repID: RepID
    /// When it was issued.
    public var createdAt: Date
    /// When it was revoked, or `nil` while it is live.
    public var revokedAt: Date?
    /// Whether the rep is active: a deactivated rep's tokens act for nobody, revoked or not.
    public var repIsActive: Bool

    /// A token record.
    public init(hash: String, repID: RepID, createdAt: Date, revokedAt: Date?, repIsActive: Bool = true) {
        self.repIsActive = repIsActive
        self.hash = hash
        self.repID = repID
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

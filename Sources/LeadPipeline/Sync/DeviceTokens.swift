import Crypto
public import Foundation
public import LeadModel
public import StoreContract
import SyncProtocol

/// Device tokens (SPEC §5 rule 8, issue 4 item 4): each is a bearer secret bound to one rep; only
/// its SHA-256 is stored, so a copy of the database gives no usable token.
///
/// A token is 32 random bytes from the system's cryptographic generator, in unpadded base64url
/// (43 characters of `A–Z a–z 0–9 - _`).
public struct DeviceTokens: Sendable {
    private let store: any SyncStore
    private let now: @Sendable () -> Date

    /// Token services over a store, with an injected clock for the issue and revoke stamps.
    public init(store: any SyncStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// The length of a token's text: 43 characters.
    public static let tokenLength = DeviceTokenShape.length

    /// Makes a new token for the rep, stores its hash and returns the token: the only time it is
    /// seen (print it once).
    /// - Throws: ``LeadStoreError/repNotFound(_:)``; a database error.
    public func issue(repID: RepID) throws -> String {
        try store.atomically {
            var generator = SystemRandomNumberGenerator()
            var token: String
            // A token that starts with `-` reads as an option on a command line (`--token -abc…`), so
            // such draws are redrawn (1 in 64 of them).
            repeat {
                let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
                token = Data(bytes).base64EncodedString()
                    .replacingOccurrences(of: "+", with: "-")
                    .replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "=", with: "")
            } while token.hasPrefix("-")
            try store.saveDeviceToken(hash: Self.hash(token), repID: repID, at: now())
            return token
        }
    }

    /// The rep a live token acts for, or `nil` for a malformed, unknown or revoked token. The
    /// stored hash is compared with the presented token's hash in constant time.
    /// - Throws: `SyncError.repDeactivated` for a known token of a deactivated rep (revoked or
    ///   not: the device learns why, with a stable code); a database error.
    public func verify(_ token: String) throws -> RepID? {
        guard token.utf8.count == Self.tokenLength,
            token.utf8.allSatisfy({ Self.base64URLAlphabet.contains($0) })
        else { return nil }
        let presented = Self.hash(token)
        guard let record = try store.deviceToken(hash: presented),
            Self.constantTimeEqual(Array(record.hash.utf8), Array(presented.utf8))
        else { return nil }
        guard record.repIsActive else { throw SyncError.repDeactivated }
        return record.revokedAt == nil ? record.repID : nil
    }

    /// Revokes one token; whether it was live.
    @discardableResult
    public func revoke(_ token: String) throws -> Bool {
        try store.revokeDeviceToken(hash: Self.hash(token), at: now())
    }

    /// Revokes every live token of the rep (`leadrelay-server tokens revoke --rep`); how many.
    @discardableResult
    public func revokeAll(repID: RepID) throws -> Int {
        try store.atomically {
            try store.revokeDeviceTokens(repID: repID, at: now())
        }
    }

    /// The stored form of a token: SHA-256 (FIPS 180-4, computed by swift-crypto) of its UTF-8 text,
    /// as 64 lower-case hex digits.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether two byte strings are equal, taking the same time whatever the first difference.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    private static let base64URLAlphabet = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}

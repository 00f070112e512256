internal import LeadPipeline

/// The configured admin token, held only as its SHA-256 digest (the same hashing as device
/// tokens, ``DeviceTokens/hash(_:)``).
struct AdminCredential: Sendable {
    private let digest: [UInt8]

    /// Keeps the SHA-256 of `token`.
    init(token: String) {
        digest = Array(DeviceTokens.hash(token).utf8)
    }

    /// True when `presented` is the admin token: its SHA-256 is compared in constant time with the
    /// stored digest, so neither the secret nor how much of it matched leaks through timing.
    func matches(_ presented: String) -> Bool {
        DeviceTokens.constantTimeEqual(Array(DeviceTokens.hash(presented).utf8), digest)
    }
}

internal import Crypto

/// The configured admin token, held only as its SHA-256 digest.
struct AdminCredential: Sendable {
    private let digest: [UInt8]

    /// Keeps the SHA-256 of `token`.
    init(token: String) {
        digest = Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// True when `presented` is the admin token: its SHA-256 is compared in constant time with the
    /// stored digest, so neither the secret nor its length leaks through timing.
    func matches(_ presented: String) -> Bool {
        ConstantTime.equal(SHA256.hash(data: Array(presented.utf8)), digest)
    }
}

import LeadPipeline

/// The token id the admin API uses: the SHA-256 hex of the secret.
enum DeviceTokensHash {
    static func of(_ token: String) -> String { DeviceTokens.hash(token) }
}

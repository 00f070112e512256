/// What a device token looks like, on both sides of the wire (SPEC §5 rule 8): 32 random bytes in
/// unpadded base64url, so 43 characters of `A–Z a–z 0–9 - _`. The device uses it to tell a person
/// that a token was cut short when copied; the server to refuse malformed tokens before a lookup.
public enum DeviceTokenShape {
    /// 43: the length of a token's text.
    public static let length = 43
}

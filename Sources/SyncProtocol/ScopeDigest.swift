public import LeadModel

/// The size and an order-independent hash of a rep's scope (SPEC §5 rule 7), computed the same
/// way by the server (incrementally, as the change log grows) and by the device (over its copy),
/// so a device can verify its copy after a pull and repair a mismatch.
///
/// The algorithm, precisely:
/// 1. Each lead in the scope is the pair `(leadID, version)`, where `version` is
///    ``SyncedLead/version`` (the change-log sequence of the lead's latest change in the scope).
/// 2. Its element hash is ``elementHash(leadID:version:)``: FNV-1a 64 (offset basis
///    `0xcbf29ce484222325`, prime `0x100000001b3`) over the UTF-8 bytes of
///    `"<leadID as lower-case UUID>:<version in decimal>"`, then the SplitMix64 finaliser
///    (`z ^= z >> 30; z &*= 0xbf58476d1ce4e5b9; z ^= z >> 27; z &*= 0x94d049bb133111eb; z ^= z >> 31`)
///    to spread the bits before they are combined.
/// 3. The scope hash is the sum of the element hashes modulo 2⁶⁴ (wrapping addition), so the
///    order of leads does not matter and removing a lead subtracts its element hash. The empty
///    scope hashes to 0.
/// 4. On the wire the hash is ``hashText``: 16 lower-case hexadecimal digits, zero-padded.
///
/// Not a cryptographic hash: it detects a lost, extra or stale row, not an adversary.
public struct ScopeDigest: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The number of leads in the scope.
    public var count: Int
    /// The wrapping sum of the element hashes.
    public var hash: UInt64

    /// A digest with these values.
    public init(count: Int, hash: UInt64) {
        self.count = count
        self.hash = hash
    }

    /// The digest of the empty scope: count 0, hash 0.
    public static let empty = ScopeDigest(count: 0, hash: 0)

    /// The digest of a whole scope.
    public init(_ elements: some Sequence<(leadID: LeadID, version: Int64)>) {
        self = .empty
        for element in elements { insert(leadID: element.leadID, version: element.version) }
    }

    /// Reads a count and a ``hashText``; `nil` when the text is not 16 hex digits or the count
    /// is negative.
    public init?(count: Int, hashText: String) {
        guard count >= 0, hashText.utf8.count == 16, let hash = UInt64(hashText, radix: 16) else { return nil }
        self.init(count: count, hash: hash)
    }

    /// The hash as 16 lower-case hexadecimal digits.
    public var hashText: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var description: String { "\(count) leads, hash \(hashText)" }

    /// Adds a lead at a version (the lead must not already be counted).
    public mutating func insert(leadID: LeadID, version: Int64) {
        insert(leadIDText: leadID.description, version: version)
    }

    /// Removes a lead counted at `version`.
    public mutating func remove(leadID: LeadID, version: Int64) {
        remove(leadIDText: leadID.description, version: version)
    }

    /// Replaces a counted lead's version (count unchanged).
    public mutating func update(leadID: LeadID, from oldVersion: Int64, to newVersion: Int64) {
        update(leadIDText: leadID.description, from: oldVersion, to: newVersion)
    }

    /// Adds a lead, given as its lower-case UUID text (as stored), at a version.
    public mutating func insert(leadIDText: String, version: Int64) {
        count += 1
        hash &+= Self.elementHash(leadIDText: leadIDText, version: version)
    }

    /// Removes a lead, given as its lower-case UUID text, counted at `version`.
    public mutating func remove(leadIDText: String, version: Int64) {
        count -= 1
        hash &-= Self.elementHash(leadIDText: leadIDText, version: version)
    }

    /// Replaces the version of a counted lead, given as its lower-case UUID text.
    public mutating func update(leadIDText: String, from oldVersion: Int64, to newVersion: Int64) {
        hash &-= Self.elementHash(leadIDText: leadIDText, version: oldVersion)
        hash &+= Self.elementHash(leadIDText: leadIDText, version: newVersion)
    }

    /// The element hash of one lead at one version (step 2 of the algorithm above).
    public static func elementHash(leadID: LeadID, version: Int64) -> UInt64 {
        elementHash(leadIDText: leadID.description, version: version)
    }

    /// The element hash of a lead given as its lower-case UUID text (``LeadID``'s description,
    /// the form the server stores), so a caller holding the text need not parse and format it
    /// again.
    public static func elementHash(leadIDText: String, version: Int64) -> UInt64 {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            fnv ^= UInt64(byte)
            fnv &*= 0x0000_0100_0000_01b3
        }
        for byte in leadIDText.utf8 { mix(byte) }
        mix(UInt8(ascii: ":"))
        for byte in String(version).utf8 { mix(byte) }
        var z = fnv
        z ^= z >> 30
        z &*= 0xbf58_476d_1ce4_e5b9
        z ^= z >> 27
        z &*= 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return z
    }
}

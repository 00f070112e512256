import Foundation

/// An email address as imported, with the normalised form used to find the same person twice.
///
/// Normalisation trims surrounding whitespace and folds case, so `" John.Doe@Example.com "` and
/// `"john.doe@example.com"` are one lead (SPEC §8). Validity follows the practical subset of
/// RFC 5322 that mail forms accept: one `@`, a non-empty local part of atext characters and dots
/// (apostrophes included, so `niamh.o'brien@example.ie` is valid), and a domain of at least two
/// dot-separated labels of letters, digits and hyphens. An invalid address is kept, but marked.
public struct EmailAddress: Hashable, Codable, Sendable {
    /// The address as written in the source, trimmed of surrounding whitespace.
    public let address: String

    /// Wraps an address as written; surrounding whitespace is dropped.
    public init(_ address: String) {
        self.address = address.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The form used as a dedupe key: trimmed and lower-cased.
    public var normalized: String { address.lowercased() }

    /// Whether the address is well-formed enough to pass a "valid email" qualification criterion.
    /// Works on the UTF-8 bytes: any non-ASCII byte makes the address invalid.
    public var isValid: Bool {
        let bytes = Array(address.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")),
            bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "@")) == nil
        else { return false }
        return Self.isValidLocalPart(bytes[..<at]) && Self.isValidDomain(bytes[(at + 1)...])
    }

    /// The atext characters of RFC 5322 §3.2.3 other than letters and digits, plus the dot.
    private static let localPunctuation = Set("!#$%&'*+-/=?^_`{|}~.".utf8)

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isValidLocalPart(_ local: ArraySlice<UInt8>) -> Bool {
        let dot = UInt8(ascii: ".")
        guard !local.isEmpty, local.count <= 64, local.first != dot, local.last != dot else { return false }
        var previous: UInt8 = 0
        for byte in local {
            guard isAlphanumeric(byte) || localPunctuation.contains(byte) else { return false }
            if byte == dot && previous == dot { return false }
            previous = byte
        }
        return true
    }

    private static func isValidDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let hyphen = UInt8(ascii: "-")
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != hyphen, label.last != hyphen,
                label.allSatisfy({ isAlphanumeric($0) || $0 == hyphen })
            else { return false }
        }
        return labels.last!.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }
}

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
    public var isValid: Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."),
            !local.contains("..")
        else { return false }
        let localAllowed = Set("!#$%&'*+-/=?^_`{|}~.")
        guard local.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || localAllowed.contains($0) })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return false }
        }
        return labels.last!.allSatisfy(\.isLetter)
    }
}

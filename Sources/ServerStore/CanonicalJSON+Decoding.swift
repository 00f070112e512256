import Foundation
import LeadModel

extension CanonicalJSON {
    /// Reads an attributes document written by ``encode(_:)-(([String:AttributeValue]))``.
    ///
    /// A hand-written reader for the canonical form (reading every lead of a scoring run through
    /// `JSONDecoder` costs about a millisecond per ten leads); any document it does not expect
    /// (escapes, unknown value kinds, edited by hand) goes through `JSONDecoder` instead, so the
    /// result is the same either way.
    /// - Throws: `DecodingError` when the text is not an attributes document at all.
    static func decodeAttributes(_ text: String) throws -> [String: AttributeValue] {
        var text = text
        if let fast = text.withUTF8({ bytes in
            var reader = CanonicalAttributeReader(bytes: bytes)
            return reader.read()
        }) {
            return fast
        }
        return try JSONDecoder().decode([String: AttributeValue].self, from: Data(text.utf8))
    }
}

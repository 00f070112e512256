import Foundation
package import LeadModel

extension CanonicalJSON {
    /// Reads an attributes document written by ``encode(_:)-(LeadAttributes)``, over its own key
    /// table.
    /// - Throws: `DecodingError` when the text is not an attributes document at all.
    package static func decodeAttributes(_ text: String) throws -> LeadAttributes {
        var names = AttributeNameInterner()
        let entries = try decodeAttributes(text, names: &names)
        return AttributeNameInterner.attributes(entries, over: names.keyTable())
    }

    /// Reads an attributes document written by ``encode(_:)-(LeadAttributes)`` as entries whose
    /// names have slots in `names` (shared by a batch of leads, so they share one key table).
    ///
    /// A hand-written reader for the canonical form (reading every lead of a scoring run through
    /// `JSONDecoder` costs about a millisecond per ten leads); any document it does not expect
    /// (escapes, unknown value kinds, edited by hand) goes through `JSONDecoder` instead, so the
    /// result is the same either way.
    /// - Throws: `DecodingError` when the text is not an attributes document at all.
    package static func decodeAttributes(_ text: String, names: inout AttributeNameInterner) throws -> [(
        slot: Int, value: AttributeValue
    )] {
        var text = text
        if let fast = text.withUTF8({ bytes in
            var reader = CanonicalAttributeReader(bytes: bytes)
            return reader.read(names: &names)
        }) {
            return fast
        }
        let dictionary = try JSONDecoder().decode([String: AttributeValue].self, from: Data(text.utf8))
        return dictionary.sorted { $0.key < $1.key }.map { (names.slot(of: $0.key), $0.value) }
    }
}

internal import Foundation
package import LeadModel

/// Parsing of the UUID strings the wire carries into typed ids.
package enum WireIdentifiers {
    /// The lead id in `text`.
    /// - Parameter field: the field's JSON path, built only when the id does not parse (a pull
    ///   page maps thousands of ids: no string per id).
    /// - Throws: ``WireMappingError`` naming `field` when `text` is not a UUID.
    package static func leadID(_ text: String, field: @autoclosure () -> String) throws(WireMappingError) -> LeadID {
        guard let id = LeadID(uuidString: text) else {
            throw WireMappingError(field: field(), problem: "'\(text)' is not a lead id (a UUID)")
        }
        return id
    }

    /// The rep id in `text`.
    /// - Throws: ``WireMappingError`` naming `field` when `text` is not a UUID.
    package static func repID(_ text: String, field: String) throws(WireMappingError) -> RepID {
        guard let id = RepID(uuidString: text) else {
            throw WireMappingError(field: field, problem: "'\(text)' is not a rep id (a UUID)")
        }
        return id
    }
}

import Foundation
import LeadModel
import SyncProtocol

extension SyncedLead {
    /// The lead's `document` column: the JSON that `JSONEncoder()` makes of it with its default
    /// strategies (keys as the property names, absent optionals left out, dates as seconds since
    /// 2001-01-01 as a JSON number), written by hand on the bytes, since a first sync writes a
    /// document per lead and the generic encoder cost several times the SQLite insert.
    /// `JSONDecoder()` reads it back to an equal lead (``LocalDatabase/decodeLead(_:decoder:)``).
    /// - Returns: the UTF-8 JSON bytes; `nil` when a number is not finite (JSON has no such
    ///   number; the caller then lets `JSONEncoder` report it).
    func documentJSON() -> [UInt8]? {
        var out = DocumentWriter()
        out.bytes.reserveCapacity(640 + 96 * topContributions.count + notes.reduce(0) { $0 + 64 + $1.text.utf8.count })
        out.raw("{\"leadID\":")
        out.string(leadID.description)
        out.raw(",\"version\":")
        out.raw(String(version))
        out.optional("externalID", externalID)
        out.optional("firstName", firstName)
        out.optional("lastName", lastName)
        out.optional("email", email)
        out.optional("phone", phone)
        out.optional("company", company)
        out.optional("title", title)
        out.optional("country", country)
        out.optional("city", city)
        out.optional("source", source)
        out.raw(doNotEmail ? ",\"doNotEmail\":true" : ",\"doNotEmail\":false")
        out.raw(doNotCall ? ",\"doNotCall\":true" : ",\"doNotCall\":false")
        out.raw(",\"stage\":")
        out.string(stage.rawValue)
        for (key, value) in [("scoreTotal", scoreTotal), ("fitScore", fitScore), ("engagementScore", engagementScore)] {
            guard let value else { continue }
            out.key(key)
            guard out.number(value) else { return nil }
        }
        out.optional("grade", grade?.rawValue)
        if let modelVersion {
            out.key("modelVersion")
            out.raw(String(modelVersion))
        }
        out.raw(",\"topContributions\":[")
        for (index, contribution) in topContributions.enumerated() {
            out.raw(index == 0 ? "{\"ruleID\":" : ",{\"ruleID\":")
            out.string(contribution.ruleID)
            out.raw(",\"label\":")
            out.string(contribution.label)
            out.raw(",\"points\":")
            guard out.number(contribution.points) else { return nil }
            out.raw(",\"kind\":")
            out.string(contribution.kind.rawValue)
            out.raw("}")
        }
        out.raw("],\"assignedAt\":")
        guard out.number(assignedAt.timeIntervalSinceReferenceDate) else { return nil }
        out.raw(",\"notes\":[")
        for (index, note) in notes.enumerated() {
            out.raw(index == 0 ? "{\"text\":" : ",{\"text\":")
            out.string(note.text)
            out.raw(",\"createdAt\":")
            guard out.number(note.createdAt.timeIntervalSinceReferenceDate) else { return nil }
            out.raw("}")
        }
        out.raw("]}")
        return out.bytes
    }
}

package import LeadModel

extension CanonicalJSON {
    /// `[{"kind":"fit","label":"…","points":-10,"ruleID":"…"},…]`: the `Codable` form of score
    /// contributions, keys sorted, written by hand because a scoring run writes one per lead
    /// (`JSONEncoder` was a sixth of a 9,240-lead run).
    /// - Throws: `EncodingError.invalidValue` for a NaN or infinite number of points.
    package static func encode(_ contributions: [ScoreContribution]) throws -> String {
        if contributions.isEmpty { return "[]" }
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(contributions.count * 96)
        for (index, contribution) in contributions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"kind":"#.utf8)
            appendString(contribution.kind.rawValue, to: &out)
            out.append(contentsOf: #","label":"#.utf8)
            appendString(contribution.label, to: &out)
            out.append(contentsOf: #","points":"#.utf8)
            try appendNumber(contribution.points, to: &out)
            out.append(contentsOf: #","ruleID":"#.utf8)
            appendString(contribution.ruleID, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }
}

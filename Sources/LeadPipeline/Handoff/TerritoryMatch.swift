import Foundation
public import LeadModel

/// One condition of a territory: a lead field or attribute and the values that match it
/// (case-insensitive, surrounding spaces ignored).
public struct TerritoryMatch: Hashable, Sendable {
    /// The lead field (`country`, `city`, `source`, `company`, `title`, `email_domain`) or, for
    /// any other name, the imported attribute of that name (for example `region` or `origin`).
    public var field: String
    /// The accepted values.
    public var values: [String]

    /// A condition.
    public init(field: String, values: [String]) {
        self.field = field
        self.values = values
    }

    /// Whether the lead's value of ``field`` is one of ``values`` (a lead without a value never matches).
    public func matches(_ lead: Lead) -> Bool {
        guard let value = Self.value(of: field, in: lead) else { return false }
        let folded = Self.fold(value)
        return values.contains { Self.fold($0) == folded }
    }

    /// The lead's value of a field or attribute, as text.
    public static func value(of field: String, in lead: Lead) -> String? {
        switch field {
        case "country": return lead.country
        case "city": return lead.city
        case "source": return lead.source
        case "company": return lead.company
        case "title": return lead.title
        case "email_domain":
            guard let normalized = lead.email?.normalized, let at = normalized.lastIndex(of: "@") else { return nil }
            return String(normalized[normalized.index(after: at)...])
        default: return lead.attributes[field]?.description
        }
    }

    private static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

import Foundation
public import LeadModel

extension Lead {
    /// The value a rule or calibration feature reads for `subject`, or `nil` when it is missing
    /// (absent, or blank text). Attributes come from `attributes` only: post-contact attributes
    /// are never readable by a rule (SPEC §4).
    ///
    /// A date attribute can also be read by calendar month or weekday (UTC): `NAME.month` gives
    /// text `2018-03`, `NAME.weekday` gives `monday` … `sunday` (used for Olist's
    /// `first_contact_date`).
    public func value(of subject: RuleSubject) -> AttributeValue? {
        switch subject {
        case .attribute(let name):
            guard let value = attributes[name] else { return Lead.derivedDateValue(name, attributes) }
            if case .text(let text) = value, text.isEmpty { return nil }
            return value
        case .field(let field):
            return withUnsafePointer(to: self) { Lead.value(of: field, at: $0) }
        }
    }

    /// The value of lead field `field` for the lead at `lead`, each field read in place: the
    /// scorer's form of ``value(of:)``, which calls it (passing the lead itself from a pointer
    /// copied it, a retain per field).
    static func value(of field: LeadField, at lead: UnsafePointer<Lead>) -> AttributeValue? {
        switch field {
        case .source: return text(lead.pointee.source)
        case .country: return text(lead.pointee.country)
        case .city: return text(lead.pointee.city)
        case .email: return text(lead.pointee.email?.address)
        case .emailDomain:
            guard let address = lead.pointee.email?.address, let at = address.lastIndex(of: "@") else { return nil }
            return text(String(address[address.index(after: at)...]).lowercased())
        case .emailValid: return lead.pointee.email.map { .bool($0.isValid) }
        case .title: return text(lead.pointee.title)
        case .company: return text(lead.pointee.company)
        case .firstName: return text(lead.pointee.firstName)
        case .lastName: return text(lead.pointee.lastName)
        case .phone: return text(lead.pointee.phone)
        case .doNotEmail: return .bool(lead.pointee.doNotEmail)
        case .doNotCall: return .bool(lead.pointee.doNotCall)
        }
    }

    private static let weekdays = ["thursday", "friday", "saturday", "sunday", "monday", "tuesday", "wednesday"]

    /// `NAME.month` / `NAME.weekday` of a date attribute `NAME`, in UTC.
    private static func derivedDateValue(_ name: String, _ attributes: LeadAttributes) -> AttributeValue? {
        // Cheap pre-filter on the last byte ("…month", "…weekday"): most lookups that reach here
        // are plain missing attributes.
        let bytes = name.utf8
        guard let last = bytes.last, last == UInt8(ascii: "h") || last == UInt8(ascii: "y"),
            let dot = bytes.lastIndex(of: UInt8(ascii: "."))
        else { return nil }
        let part = Substring(bytes[bytes.index(after: dot)...])
        guard part == "month" || part == "weekday",
            case .date(let date)? = attributes[String(Substring(bytes[..<dot]))]
        else { return nil }
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        if part == "weekday" { return .text(weekdays[((days % 7) + 7) % 7]) }
        let (year, month, _) = CivilCalendar.date(daysSince1970: days)
        return .text(year.description + (month < 10 ? "-0" : "-") + month.description)
    }

    private static func text(_ value: String?) -> AttributeValue? {
        guard let value, !value.isEmpty else { return nil }
        return .text(value)
    }
}

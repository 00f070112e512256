public import LeadModel

extension Lead {
    /// The value a rule or calibration feature reads for `subject`, or `nil` when it is missing
    /// (absent, or blank text). Attributes come from `attributes` only: post-contact attributes
    /// are never readable by a rule (SPEC §4).
    public func value(of subject: RuleSubject) -> AttributeValue? {
        switch subject {
        case .attribute(let name):
            guard let value = attributes[name] else { return nil }
            if case .text(let text) = value, text.isEmpty { return nil }
            return value
        case .field(let field):
            switch field {
            case .source: return Lead.text(source)
            case .country: return Lead.text(country)
            case .city: return Lead.text(city)
            case .email: return Lead.text(email?.address)
            case .emailDomain:
                guard let address = email?.address, let at = address.lastIndex(of: "@") else { return nil }
                return Lead.text(String(address[address.index(after: at)...]).lowercased())
            case .emailValid: return email.map { .bool($0.isValid) }
            case .title: return Lead.text(title)
            case .company: return Lead.text(company)
            case .firstName: return Lead.text(firstName)
            case .lastName: return Lead.text(lastName)
            case .phone: return Lead.text(phone)
            case .doNotEmail: return .bool(doNotEmail)
            case .doNotCall: return .bool(doNotCall)
            }
        }
    }

    private static func text(_ value: String?) -> AttributeValue? {
        guard let value, !value.isEmpty else { return nil }
        return .text(value)
    }
}

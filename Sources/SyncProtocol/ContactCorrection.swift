/// Contact fields a rep corrected on the device (SPEC §5 rule 5, `correctContact`). A field left
/// `nil` is unchanged; an empty string is refused by the server as ``MutationRejectionCode/invalidMutation``.
public struct ContactCorrection: Hashable, Codable, Sendable {
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var title: String?
    public var company: String?

    /// A correction; every field defaults to unchanged.
    public init(
        firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil,
        title: String? = nil, company: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
        self.company = company
    }

    /// Whether no field is corrected.
    public var isEmpty: Bool {
        firstName == nil && lastName == nil && email == nil && phone == nil && title == nil && company == nil
    }
}

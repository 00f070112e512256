/// A sales rep who receives qualified leads.
public struct Rep: Hashable, Codable, Sendable, Identifiable {
    /// Server-assigned identity.
    public var id: RepID
    /// Display name.
    public var name: String
    /// Work email, unique among reps (normalised).
    public var email: EmailAddress
    /// The territory the router matches leads against (for example a country), if any.
    public var territory: String?
    /// Most open leads (`assigned` + `accepted`) the rep may hold at once.
    public var capacity: Int
    /// Deactivated reps receive no leads.
    public var isActive: Bool

    /// The default capacity for a new rep: 50 open leads.
    public static let defaultCapacity = 50

    /// A rep, active by default.
    public init(
        id: RepID = RepID(), name: String, email: EmailAddress, territory: String? = nil,
        capacity: Int = Rep.defaultCapacity, isActive: Bool = true
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.territory = territory
        self.capacity = capacity
        self.isActive = isActive
    }
}

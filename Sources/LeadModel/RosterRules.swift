import Foundation

/// The bounds of a rep's roster entry, the same for `leadrelay-server reps add` and
/// `POST /v1/admin/reps` (the contract's `NewRep` in `api-schema/openapi.yaml`).
public enum RosterRules {
    /// 200: the longest name, in characters.
    public static let maximumNameLength = 200
    /// 320: the longest email (RFC 5321's 64 + 1 + 255).
    public static let maximumEmailLength = 320
    /// 100: the longest territory.
    public static let maximumTerritoryLength = 100
    /// 100,000: the most open leads a rep may hold.
    public static let maximumCapacity = 100_000

    /// What is wrong with a new rep's values, as `(field, problem)`, or `nil` when they are within
    /// bounds. The name is taken trimmed; the email must be a valid address.
    public static func problem(name: String, email: String, territory: String?, capacity: Int) -> (
        field: String, problem: String
    )? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return ("name", "the rep's name is blank") }
        if trimmed.count > maximumNameLength { return ("name", "longer than \(maximumNameLength) characters") }
        if email.count > maximumEmailLength { return ("email", "longer than \(maximumEmailLength) characters") }
        if !EmailAddress(email).isValid { return ("email", "'\(email)' is not an email address") }
        if let territory, territory.count > maximumTerritoryLength {
            return ("territory", "longer than \(maximumTerritoryLength) characters")
        }
        if !(0...maximumCapacity).contains(capacity) {
            return ("capacity", "must be 0 to \(maximumCapacity), not \(capacity)")
        }
        for (field, value) in [("name", name), ("email", email), ("territory", territory ?? "")]
        where value.utf8.contains(0) {
            return (field, "contains a NUL byte (\\0)")
        }
        return nil
    }
}

/// A wire value that is valid JSON for the schema but cannot become a domain value (a lead id
/// that is not a UUID, a cursor the server never issued). The description names the field.
package struct WireMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The JSON path of the field, for example `mutations[2].leadID`.
    package var field: String
    /// What is wrong with it.
    package var problem: String

    /// Creates the error for `field`.
    package init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    /// `field: problem`.
    package var description: String { "\(field): \(problem)" }
}

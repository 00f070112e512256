/// A routing rules file that cannot be used; the description names the file and the place.
public struct RoutingRulesError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and where.
    public let description: String

    /// An error with its message.
    public init(_ description: String) { self.description = description }
}

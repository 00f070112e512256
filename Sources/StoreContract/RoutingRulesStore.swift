public import Foundation

/// The versions of the routing rules the server routes with (issue 6 item 1): `route`, the
/// follow-up SLA's reassignments and `reps deactivate` read the highest version when no rules
/// file is named. A protocol of its own beside ``HandoffStore``; every method is one transaction.
public protocol RoutingRulesStore: Sendable {
    /// Saves a new version of the routing rules, numbered one above the highest stored.
    /// - Parameters:
    ///   - document: the rules document as written; stored verbatim (not empty).
    ///   - createdBy: who saved it (not empty).
    ///   - note: why it changed, if said.
    ///   - date: when it was saved.
    /// - Returns: the new version number (1 for the first).
    @discardableResult
    func saveRoutingRules(document: String, createdBy: String, note: String?, at date: Date) throws -> Int
    /// Every saved version, version 1 first.
    func routingRulesVersions() throws -> [StoredRoutingRules]
    /// The highest saved version (the rules in force), or `nil` before the first is saved.
    func currentRoutingRules() throws -> StoredRoutingRules?
}

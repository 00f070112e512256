public import Foundation
public import LeadModel
public import StoreContract

/// The routing rules the server routes with (issue 6 item 1): the sales manager's rules document
/// saved as versions in the store (`leadrelay-server routing set FILE`, `PUT
/// /v1/admin/routing-rules`), like the scoring model. The highest version is in force.
///
/// Which rules a run uses: the rules it is given (`--rules FILE`, for that run only), else the
/// stored rules in force, else ``RoutingRules/fromRepTerritories(_:)``. ``Router`` and
/// ``SLAEscalation`` resolve this at each run through ``resolve(_:reps:)``, so the server's
/// periodic SLA round follows a new version without a restart.
public struct RoutingRulesCatalog: Sendable {
    /// Why a stored version cannot be used (say, after the rules format changed).
    public struct StoredRulesError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The version whose document no longer parses.
        public var version: Int
        /// The parser's message.
        public var message: String

        /// One line naming the version and the problem.
        public var description: String { "stored routing rules version \(version) cannot be read: \(message)" }
    }

    let store: any RoutingRulesStore

    /// A catalog over `store`.
    public init(store: any RoutingRulesStore) {
        self.store = store
    }

    /// The stored rules in force, parsed, with their version; `nil` before any version is saved.
    /// - Throws: ``StoredRulesError`` when the stored document does not parse; a store error.
    public func current() throws -> (version: Int, rules: RoutingRules)? {
        guard let stored = try store.currentRoutingRules() else { return nil }
        do {
            return (stored.version, try RoutingRules.parse(yaml: stored.document, file: "version \(stored.version)"))
        } catch {
            throw StoredRulesError(version: stored.version, message: error.description)
        }
    }

    /// The rules a run uses: `explicit` when given, else the stored rules in force, else the
    /// reps' own territories.
    /// - Throws: ``StoredRulesError``; a store error.
    public func resolve(_ explicit: RoutingRules?, reps: [Rep]) throws -> RoutingRules {
        if let explicit { return explicit }
        return try current()?.rules ?? .fromRepTerritories(reps)
    }

    /// Validates a rules document and saves it as the next version; nothing is saved when it does
    /// not parse, so the rules in force stay.
    /// - Parameters:
    ///   - document: the rules as YAML (JSON is YAML too).
    ///   - source: how errors name the document (a file path, or `document` for the API's field).
    ///   - createdBy: who saves it.
    ///   - note: why it changed.
    ///   - date: when.
    /// - Returns: the stored version.
    /// - Throws: ``RoutingRulesError`` naming `source` and the place; a store error.
    public func set(document: String, source: String, createdBy: String, note: String?, at date: Date) throws
        -> StoredRoutingRules
    {
        _ = try RoutingRules.parse(yaml: document, file: source)
        let version = try store.saveRoutingRules(document: document, createdBy: createdBy, note: note, at: date)
        return StoredRoutingRules(
            version: version, document: document, createdAt: date, createdBy: createdBy, note: note)
    }

    /// Every stored version, version 1 first.
    /// - Throws: a store error.
    public func versions() throws -> [StoredRoutingRules] { try store.routingRulesVersions() }
}

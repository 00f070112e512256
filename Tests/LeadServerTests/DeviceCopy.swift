import Foundation
import HummingbirdTesting
import LeadModel
import SyncProtocol

/// A rep's device copy built only from pull pages over HTTP: each lead's version, the cursor, and
/// what every page said, so the sync cases can assert exactly what a device would hold.
struct DeviceCopy {
    /// Lead id → the version of its latest upsert.
    var versions: [String: Int64] = [:]
    /// Lead id → the reason of its latest removal (cleared when the lead comes back).
    var removed: [String: String] = [:]
    /// Every upserted lead id, in the order the pages delivered them.
    var delivered: [String] = []
    /// The last page's cursor text.
    var cursor: String?
    /// The change-log sequence of every page's cursor, in order.
    var cursorSequences: [Int64] = []
    /// Last pages (`hasMore` false, where a device verifies) whose `scopeCount` / `scopeHash` did
    /// not match the copy after applying them.
    var digestMismatches = 0
    /// Upserts of a lead in a stage outside the rep's scope (a page a device must refuse).
    var outOfScopeUpserts = 0
    /// Pages applied.
    var pages = 0

    /// The copy's digest, computed the way the server computes the scope's.
    var digest: ScopeDigest {
        ScopeDigest(
            versions.compactMap { id, version in LeadID(uuidString: id).map { (leadID: $0, version: version) } })
    }

    /// Applies one pull answer.
    /// - Throws: ``TestFailure`` when the answer is not a 200 page with a cursor.
    mutating func apply(_ page: HTTPExchange) throws {
        guard page.status == 200 else { throw TestFailure("pull answered \(page.status): \(page.text)") }
        let json = page.json
        for upsert in json["upserts"] as? [[String: Any]] ?? [] {
            guard let id = upsert["leadID"] as? String, let version = upsert["version"] as? Int else {
                throw TestFailure("upsert without leadID or version: \(upsert)")
            }
            if let stage = (upsert["stage"] as? String).flatMap(LifecycleStage.init(rawValue:)), !stage.isInRepScope {
                outOfScopeUpserts += 1
            }
            versions[id] = Int64(version)
            removed[id] = nil
            delivered.append(id)
        }
        for removal in page.removals {
            versions[removal.leadID] = nil
            removed[removal.leadID] = removal.reason
        }
        guard let text = json["cursor"] as? String else { throw TestFailure("page without cursor: \(page.text)") }
        cursor = text
        cursorSequences.append(try SyncCursor(parsing: text).sequence)
        pages += 1
        let server = (json["scopeCount"] as? Int).flatMap {
            ScopeDigest(count: $0, hashText: json["scopeHash"] as? String ?? "")
        }
        if json["hasMore"] as? Bool == false && server != digest { digestMismatches += 1 }
    }

    /// Pulls from the copy's cursor until `hasMore` is false, applying every page.
    /// - Returns: the pages' answers.
    @discardableResult
    mutating func pullAll(
        _ client: any TestClientProtocol, token: String, limit: Int? = nil
    ) async throws -> [HTTPExchange] {
        var answers: [HTTPExchange] = []
        while true {
            let page = try await client.pull(token: token, cursor: cursor, limit: limit)
            try apply(page)
            answers.append(page)
            if page.json["hasMore"] as? Bool != true { return answers }
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@testable import LeadServer

/// Pull pages built ahead (issue 5): after a page with more to come the server builds the next
/// one while the device commits; it is served only when nothing was committed to the change log
/// since, so what the device gets is what a read at its request would give.
@Suite struct PullBuiltAheadTests {
    /// Ten leads assigned to Rita (Sam has none), a prefetch over the server's store, and Rita's
    /// first page of 4.
    struct TenLeads {
        let server: TestServer
        let rita: Rep
        let sam: Rep
        let leads: [LeadID]
        let prefetch: PullPrefetch
        let first: PullPage

        init() throws {
            let server = try TestServer()
            let rita = try server.addRep("Rita")
            let leads = try (0..<10).map { try server.addQualifiedLead("Lead\($0)") }
            for lead in leads { try server.assign(lead, to: rita) }
            let backend = LeadRelayBackend(store: server.store)
            (self.server, self.rita, self.leads) = (server, rita, leads)
            sam = try server.addRep("Sam")
            prefetch = PullPrefetch(sync: backend.sync(), backend: backend)
            first = try server.store.changes(repID: rita.id, after: 0, limit: 4, includeRemovals: false)
        }
    }

    /// The count in `/metrics` of pulls answered from a page built ahead.
    static func builtAhead(_ metrics: HTTPExchange) -> Int? {
        for line in metrics.text.split(separator: "\n") where line.hasPrefix("leadrelay_sync_pulls_built_ahead_total ")
        {
            return Int(line.split(separator: " ").last ?? "")
        }
        return nil
    }

    /// 30 leads in pages of 7: every page after the first comes from a page built ahead, and each
    /// equals the page the store builds for the same cursor (leads, versions, cursor, digest).
    @Test func pagesBuiltAheadAreThePagesAReadWouldGive() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let leads = try (0..<30).map { try server.addQualifiedLead("Lead\($0)") }
        for lead in leads { try server.assign(lead, to: rep) }
        let (copy, pages, metrics) = try await server.test { client in
            var copy = DeviceCopy()
            let pages = try await copy.pullAll(client, token: token, limit: 7)
            return (copy, pages, try await client.send(.get, "/metrics"))
        }
        #expect(pages.count == 5)
        #expect(Self.builtAhead(metrics) == 4)
        #expect(copy.digestMismatches == 0)
        #expect(copy.delivered == leads.map(\.description))
        var after: Int64 = 0
        for page in pages {
            let expected = try server.store.changes(repID: rep.id, after: after, limit: 7, includeRemovals: after > 0)
            #expect(page.upsertIDs == expected.upserts.map(\.leadID.description))
            #expect(page.json["cursor"] as? String == expected.cursor.text)
            #expect(page.json["hasMore"] as? Bool == expected.hasMore)
            #expect(page.json["scopeHash"] as? String == expected.scopeHash)
            let versions = (page.json["upserts"] as? [[String: Any]] ?? []).compactMap { $0["version"] as? Int }
            #expect(versions.map(Int64.init) == expected.upserts.map(\.version))
            after = expected.cursor.sequence
        }
    }

    /// Over HTTP, a change committed right after page 1: whether page 2 was built before or after
    /// it (a race), the device gets the change, and ends equal to the rep's scope.
    @Test func aChangeAfterAPageWasBuiltAheadIsNeverServedStale() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        let sam = try server.addRep("Sam")
        let token = try server.token(for: rita)
        let leads = try (0..<20).map { try server.addQualifiedLead("Lead\($0)") }
        for lead in leads { try server.assign(lead, to: rita) }
        let (copy, pages, metrics) = try await server.test { client in
            var copy = DeviceCopy()
            let first = try await client.pull(token: token, limit: 7)
            try copy.apply(first)
            // Lead 10 is in page 2 (built ahead by now or being built): it leaves Rita's scope.
            #expect(try await client.assign(leads[10], to: sam).status == 200)
            let rest = try await copy.pullAll(client, token: token, limit: 7)
            return (copy, [first] + rest, try await client.send(.get, "/metrics"))
        }
        // 20 upserts and 1 removal in pages of 7: 3 pages; the third is built ahead, the second
        // only when it was built after the change.
        #expect(pages.count == 3)
        #expect((1...2).contains(Self.builtAhead(metrics) ?? 0))
        #expect(copy.outOfScopeUpserts == 0)
        #expect(copy.digestMismatches == 0)
        #expect(copy.removed[leads[10].description] == "reassigned")
        #expect(copy.versions[leads[10].description] == nil)
        #expect(copy.digest == (try server.store.scopeDigest(repID: rita.id)))
    }

    /// The page built ahead, then a change to the change log before its request: it is not
    /// served (the request is read again); built after the change, it is.
    @Test func aPageBuiltBeforeAChangeIsDropped() async throws {
        let world = try TenLeads()
        let (server, rita, sam, leads, prefetch, first) = (
            world.server, world.rita, world.sam, world.leads, world.prefetch, world.first
        )
        let cursor = first.cursor.text

        prefetch.schedule(repID: rita.id, after: first.cursor, limit: 4)
        #expect(await prefetch.waitUntilBuilt(repID: rita.id, cursor: cursor, limit: 4))
        try server.assign(leads[9], to: sam)
        #expect(await prefetch.take(repID: rita.id, cursor: cursor, limit: 4) == nil)

        prefetch.schedule(repID: rita.id, after: first.cursor, limit: 4)
        #expect(await prefetch.waitUntilBuilt(repID: rita.id, cursor: cursor, limit: 4))
        let page = try #require(await prefetch.take(repID: rita.id, cursor: cursor, limit: 4))
        let live = try server.store.changes(
            repID: rita.id, after: first.cursor.sequence, limit: 4, includeRemovals: true)
        #expect(page.cursor == live.cursor)
        #expect(page.hasMore == live.hasMore)
        let json = try #require(try JSONSerialization.jsonObject(with: page.body) as? [String: Any])
        let ids = (json["upserts"] as? [[String: Any]] ?? []).compactMap { $0["leadID"] as? String }
        #expect(ids == live.upserts.map(\.leadID.description))
        #expect(json["scopeHash"] as? String == live.scopeHash)
        // Taken once: a second request for the same cursor is read again.
        #expect(await prefetch.take(repID: rita.id, cursor: cursor, limit: 4) == nil)
        // Another page size is another page.
        prefetch.schedule(repID: rita.id, after: first.cursor, limit: 4)
        #expect(await prefetch.take(repID: rita.id, cursor: cursor, limit: 5) == nil)
    }

    /// Behind a load balancer that sends a device's pages to several processes, a process builds
    /// the next page ahead only after a first page or a page before it that it answered itself: a
    /// page built for a request that goes elsewhere would be wasted work.
    @Test func aPageIsBuiltAheadOnlyAfterAPageThisProcessAnswered() async throws {
        let world = try TenLeads()
        let (server, rita, sam, prefetch, first) = (world.server, world.rita, world.sam, world.prefetch, world.first)
        let second = try server.store.changes(
            repID: rita.id, after: first.cursor.sequence, limit: 4, includeRemovals: true)

        #expect(prefetch.buildsAhead(repID: rita.id, after: nil))
        // Page 1 was answered by another process: its successor is not built here.
        #expect(!prefetch.buildsAhead(repID: rita.id, after: first.cursor))
        prefetch.schedule(repID: rita.id, after: first.cursor, limit: 4)
        #expect(prefetch.buildsAhead(repID: rita.id, after: first.cursor))
        #expect(!prefetch.buildsAhead(repID: rita.id, after: second.cursor))
        #expect(!prefetch.buildsAhead(repID: sam.id, after: first.cursor))
    }
}

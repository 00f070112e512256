import Foundation
import HummingbirdTesting
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

/// The sync cases S2, S3, S13 and S14 (`../shared/cases/sync/README.md`) over HTTP: every change
/// goes through the admin or push operation, every read through `POST /v1/sync/pull` with the
/// rep's device token, and the device copy is built only from the JSON pages.
@Suite struct SyncCasesOverHTTPTests {
    /// 2026-01-01T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    /// S2, step by step: a write to L3 lands after a page was read; the cursor stops at what the
    /// page held and the next pull brings L3.
    @Test func writeBetweenTwoPagesArrivesInTheNextPull() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let a = try server.addQualifiedLead("Ada")
        let b = try server.addQualifiedLead("Bea")
        let l3 = try server.addQualifiedLead("Cy")
        try server.assign(a, to: rep)
        try server.assign(b, to: rep)
        let (copy, pages, assigned) = try await server.test { client in
            var copy = DeviceCopy()
            let first = try await client.pull(token: token, limit: 1)
            try copy.apply(first)
            let assigned = try await client.assign(l3, to: rep)
            let rest = try await copy.pullAll(client, token: token, limit: 1)
            return (copy, [first] + rest, assigned)
        }
        #expect(assigned.status == 200)
        #expect(pages.map(\.upsertIDs) == [[a.description], [b.description], [l3.description]])
        #expect(pages.map { $0.json["hasMore"] as? Bool } == [true, true, false])
        #expect(pages.map { $0.json["scopeCount"] as? Int } == [1, 2, 3])
        let sequences = copy.cursorSequences
        #expect(sequences.count == 3 && sequences[0] < sequences[1] && sequences[1] < sequences[2])
        #expect(copy.versions[l3.description] == sequences[2], "L3's version is its change's sequence")
        #expect(copy.digestMismatches == 0)
        #expect(copy.digest == (try server.store.scopeDigest(repID: rep.id)))
    }

    /// S2, racing: 150 assignments and 50 reassignments away go through the admin API while the
    /// device pulls pages of 7. Every page's scope digest matches the copy (a cursor past a change
    /// the page did not hold would not), and the pulls after the writes bring every change.
    @Test func writesDuringPagedPullsAreAllDelivered() async throws {
        let server = try TestServer(inMemoryFolder: true)
        let r1 = try server.addRep("Rita")
        let r2 = try server.addRep("Sam")
        let token = try server.token(for: r1)
        let leads = try (0..<150).map { try server.addQualifiedLead("Lead\($0)") }
        for lead in leads.prefix(20) { try server.assign(lead, to: r1) }
        let (copy, statuses) = try await server.test { client -> (DeviceCopy, Set<Int>) in
            let writesDone = Flag()
            let writes = Task { () -> Set<Int> in
                defer { writesDone.set() }
                var statuses: Set<Int> = []
                for lead in leads.dropFirst(20) { statuses.insert(try await client.assign(lead, to: r1).status) }
                for lead in leads.prefix(50) { statuses.insert(try await client.assign(lead, to: r2).status) }
                return statuses
            }
            var copy = DeviceCopy()
            while !writesDone.isSet {
                try await copy.pullAll(client, token: token, limit: 7)
                await Task.yield()
            }
            let answered = try await writes.value
            try await copy.pullAll(client, token: token, limit: 7)
            return (copy, answered)
        }
        #expect(statuses == [200])
        #expect(copy.digestMismatches == 0)
        #expect(zip(copy.cursorSequences, copy.cursorSequences.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(copy.versions.keys) == Set(leads.dropFirst(50).map(\.description)))
        #expect(copy.digest == (try server.store.scopeDigest(repID: r1.id)))
        #expect(copy.removed.values.allSatisfy { $0 == "reassigned" })
    }

    /// S3: L4 and L5 change at the same wall-clock instant; pulled with page size 1 each arrives
    /// once; then the server clock goes back 5 s and L6 changes: it arrives once, after them, with
    /// a strictly greater cursor (order comes from the change-log sequence, not the clock).
    @Test func sameInstantWritesAndAClockGoingBackAreEachDeliveredOnce() async throws {
        let clock = ServerClock(Self.t0)
        let server = try TestServer(now: { clock.now })
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let l4 = try server.addQualifiedLead("Dee")
        let l5 = try server.addQualifiedLead("Eve")
        let l6 = try server.addQualifiedLead("Fay")
        let (copy, pages, assigned) = try await server.test { client in
            var copy = DeviceCopy()
            var assigned = [try await client.assign(l4, to: rep).status, try await client.assign(l5, to: rep).status]
            var pages = try await copy.pullAll(client, token: token, limit: 1)
            clock.advance(-5)
            assigned.append(try await client.assign(l6, to: rep).status)
            pages += try await copy.pullAll(client, token: token, limit: 1)
            pages += try await copy.pullAll(client, token: token, limit: 1)
            return (copy, pages, assigned)
        }
        #expect(assigned == [200, 200, 200])
        #expect(copy.delivered == [l4, l5, l6].map(\.description), "each lead exactly once, in change order")
        #expect(pages.map(\.upsertIDs) == [[l4.description], [l5.description], [l6.description], []])
        let sequences = copy.cursorSequences
        #expect(sequences.count == 4)
        #expect(sequences[0] < sequences[1] && sequences[1] < sequences[2], "cursors strictly increase: \(sequences)")
        #expect(sequences[3] == sequences[2], "nothing new: the cursor stays")
        let assignedAt = pages.compactMap { page in
            (page.json["upserts"] as? [[String: Any]])?.first?["assignedAt"] as? String
        }
        #expect(assignedAt == ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2025-12-31T23:59:55Z"])
        #expect(copy.digestMismatches == 0)
    }

    /// S13: a cursor older than a pruned removal gets `409 resync_required`; the rebuilt copy
    /// holds no removed lead, and the note the device had not sent is applied after the rebuild.
    @Test func cursorOlderThanTheRemovalRetentionMustResync() async throws {
        let clock = ServerClock(Self.t0)
        let server = try TestServer(now: { clock.now })
        let r1 = try server.addRep("Rita")
        let r2 = try server.addRep("Sam")
        let token = try server.token(for: r1)
        let leads = try ["Ada", "Bea", "Cy", "Dee"].map { try server.addQualifiedLead($0) }
        for lead in leads { try server.assign(lead, to: r1) }
        // The server's hourly RemovalPruner calls this verb; the router test runs no services.
        let sync = SyncService(store: server.store, now: { clock.now })
        let result = try await server.test { client in
            var old = DeviceCopy()
            try await old.pullAll(client, token: token)
            let oldCursor = try #require(old.cursor)
            var statuses = [try await client.assign(leads[0], to: r2).status]
            clock.advance(10 * 86_400)
            statuses.append(try await client.assign(leads[1], to: r2).status)
            let prunedEarly = try sync.pruneExpiredRemovals()
            let withinRetention = try await client.pull(token: token, cursor: oldCursor)
            clock.advance(25 * 86_400)
            statuses.append(try await client.assign(leads[2], to: r2).status)
            let pruned = try sync.pruneExpiredRemovals()
            let expired = try await client.pull(token: token, cursor: oldCursor)
            var rebuilt = DeviceCopy()
            try await rebuilt.pullAll(client, token: token)
            let note = try await client.push(
                token: token, clientID: "d1",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(leads[3])", "intent": {"kind": "addNote", "text": "kept"}}"#
                ])
            let afterNote = try await rebuilt.pullAll(client, token: token)
            return (old, statuses, prunedEarly, withinRetention, pruned, expired, rebuilt, note, afterNote)
        }
        let (old, statuses, prunedEarly, withinRetention, pruned, expired, rebuilt, note, afterNote) = result
        #expect(Set(old.versions.keys) == Set(leads.map(\.description)))
        #expect(statuses == [200, 200, 200])
        #expect(prunedEarly == 0, "nothing is past the 30-day retention after 10 days")
        #expect(withinRetention.status == 200)
        #expect(withinRetention.removals.map(\.leadID) == [leads[0], leads[1]].map(\.description))
        #expect(pruned > 0)
        #expect(expired.status == 409)
        #expect(expired.problemCode == "resync_required")
        #expect(Set(rebuilt.versions.keys) == [leads[3].description], "no removed lead comes back")
        #expect(rebuilt.digestMismatches == 0)
        #expect(note.results.map(\.status) == ["applied"])
        let notes = (afterNote.first?.json["upserts"] as? [[String: Any]])?.first?["notes"] as? [[String: Any]]
        #expect(afterNote.first?.upsertIDs == [leads[3].description])
        #expect(notes?.compactMap { $0["text"] as? String } == ["kept"])
    }

    /// S14: L9 is assigned to R1 and reassigned to R2 before D1 ever synced: D1's first sync never
    /// shows it, not even as a removal; D2's does. (One page: with pages smaller than the rep's log,
    /// L9's upsert would be served on the page before the one holding its removal.)
    @Test func leadAssignedAndReassignedBeforeTheFirstSyncNeverShows() async throws {
        let server = try TestServer()
        let r1 = try server.addRep("Rita")
        let r2 = try server.addRep("Sam")
        let t1 = try server.token(for: r1)
        let t2 = try server.token(for: r2)
        let x = try server.addQualifiedLead("Ada")
        let l9 = try server.addQualifiedLead("Bea")
        let y = try server.addQualifiedLead("Cy")
        let (statuses, d1, d1Pages, d2) = try await server.test { client in
            let statuses = [
                try await client.assign(x, to: r1).status, try await client.assign(l9, to: r1).status,
                try await client.assign(y, to: r1).status, try await client.assign(l9, to: r2).status,
            ]
            var d1 = DeviceCopy()
            let d1Pages = try await d1.pullAll(client, token: t1)
            var d2 = DeviceCopy()
            try await d2.pullAll(client, token: t2)
            return (statuses, d1, d1Pages, d2)
        }
        #expect(statuses == [200, 200, 200, 200])
        #expect(d1.delivered == [x.description, y.description])
        #expect(d1Pages.count == 1)
        #expect(d1Pages.allSatisfy { $0.removals.isEmpty }, "a first sync carries no removals")
        #expect(d1.removed.isEmpty)
        #expect(d1Pages.last?.json["scopeCount"] as? Int == 2)
        #expect(d1.digestMismatches == 0)
        #expect(d2.delivered == [l9.description])
        #expect(d2.digestMismatches == 0)
    }
}

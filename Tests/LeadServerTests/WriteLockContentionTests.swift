import Dispatch
import Foundation
import GRDB
import HTTPTypes
import LeadModel
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Issue 15 item 8: another process holding SQLite's write lock is an answer, not a 500.
@Suite("contention for the write lock")
struct WriteLockContentionTests {
    /// Another connection to `path` that takes the write lock (`BEGIN IMMEDIATE`) and keeps it
    /// until `release` is signalled, on a thread of its own.
    final class LockHolder: Sendable {
        private let taken = DispatchSemaphore(value: 0)
        private let release = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        init(path: String) {
            DispatchQueue.global().async { [self] in
                do {
                    let queue = try DatabaseQueue(path: path)
                    try queue.writeWithoutTransaction { db in
                        try db.execute(sql: "BEGIN IMMEDIATE")
                        taken.signal()
                        // Held until the test lets go (a push starved of threads by a busy test run
                        // must still find the lock taken); the timeout only guards a failed test.
                        _ = release.wait(timeout: .now() + 600)
                        try db.execute(sql: "ROLLBACK")
                    }
                } catch {
                    taken.signal()
                }
                done.signal()
            }
            taken.wait()
        }

        func letGo() {
            release.signal()
            done.wait()
        }
    }

    @Test func aPushWhileAnotherProcessWritesIs503WithRetryAfter() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        let token = try server.token(for: rita)
        let lead = try server.addQualifiedLead("Ada")
        try server.assign(lead, to: rita)
        let holder = LockHolder(path: server.folder.path("server.sqlite"))
        let answer = try await server.test { client in
            try await client.send(
                .post, "/v1/sync/push", token: token,
                json:
                    #"{"protocolVersion": 1, "clientID": "d1", "mutations": [{"mutationID": 1, "leadID": "\#(lead)", "intent": {"kind": "addNote", "text": "called"}}]}"#
            )
        }
        holder.letGo()
        #expect(answer.status == 503)
        #expect(answer.problemCode == "unavailable")
        #expect(answer.headers[.retryAfter] == "2")
        #expect((answer.json["detail"] as? String)?.contains("busy with another writer") == true)
        #expect(try server.store.notes(leadID: lead).isEmpty)
    }

    @Test func anAdminVerbWaitsThenFailsWithOneClearLine() async throws {
        let server = try TestServer()
        _ = try server.addRep("Rita")
        _ = try server.addQualifiedLead("Ada")
        let holder = LockHolder(path: server.folder.path("server.sqlite"))
        let run = await HandoffAPITests.command("route", "--db", server.folder.path("server.sqlite"))
        holder.letGo()
        #expect(run.status == 75)
        #expect(run.errorOutput.hasPrefix("error: the database is busy: another process"))
        #expect(!run.errorOutput.contains("SQLite error"))
        #expect(run.errorOutput.split(separator: "\n").count == 1)
    }
}

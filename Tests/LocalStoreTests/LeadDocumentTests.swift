import Foundation
import LeadModel
import LocalStore
import SyncProtocol
import Testing

/// The `document` column a page writes reads back as the very lead the server sent: every field,
/// absent optionals, escaped text, notes and exact dates.
@Suite("Lead documents")
struct LeadDocumentTests {
    let database: LocalDatabase
    let epoch = UUID()

    init() throws {
        database = try LocalDatabase.inMemory()
        try database.logIn(serverURL: "http://127.0.0.1:1", token: "secret")
    }

    func page(_ sequence: Int64, _ upserts: [SyncedLead]) -> PullPage {
        PullPage(
            cursor: SyncCursor(epoch: epoch, sequence: sequence), hasMore: false, upserts: upserts, removals: [],
            scopeCount: upserts.count, scopeHash: "0000000000000000")
    }

    @Test func everyFieldComesBackEqual() async throws {
        let full = SyncedLead(
            leadID: LeadID(), version: 9_007_199_254_740_993, externalID: "X-1 \"quoted\" \\ back\\slash",
            firstName: "Zoë", lastName: "O'Brien\u{0}\u{1f}\u{7f}", email: "zoe@example.com", phone: "+91 98 12\t34",
            company: "Ünïcode 🚀 GmbH\nline two\r", title: "Head of </script>", country: "India", city: "Mumbai",
            source: "google", doNotEmail: true, doNotCall: false, stage: .accepted, scoreTotal: 0.1 + 0.2,
            fitScore: -0.0, engagementScore: 1e-7, grade: .a, modelVersion: 3,
            topContributions: [
                ScoreContribution(ruleID: "fit.occupation", label: "Working professional", points: 30, kind: .fit),
                ScoreContribution(ruleID: "eng.visits", label: "Visited 5×", points: -2.5e20, kind: .engagement),
            ],
            assignedAt: Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_7),
            notes: [
                SyncedNote(text: "call back \"Tuesday\"", createdAt: Date(timeIntervalSince1970: -1.5)),
                SyncedNote(text: "", createdAt: Date(timeIntervalSince1970: 1_700_000_000.000_001)),
            ])
        let bare = SyncedLead(
            leadID: LeadID(), version: 0, stage: .assigned, assignedAt: Date(timeIntervalSince1970: 0))
        try await database.apply(page(2, [full, bare]))
        #expect(try database.lead(matching: full.leadID.description).lead == full)
        #expect(try database.lead(matching: bare.leadID.description).lead == bare)
    }

    @Test func aNonFiniteScoreIsRefusedAndNothingIsKept() async throws {
        let broken = SyncedLead(
            leadID: LeadID(), version: 1, stage: .assigned, scoreTotal: .infinity, assignedAt: Date())
        await #expect(throws: (any Error).self) { try await database.apply(page(1, [broken])) }
        #expect(try database.leadCount() == 0)
    }

    @Test func theVerifiedDigestStandsUntilAPageChangesTheCopy() async throws {
        let leads = (1...3).map {
            SyncedLead(leadID: LeadID(), version: Int64($0), stage: .assigned, assignedAt: Date())
        }
        try await database.apply(page(3, leads))
        let counted = try await database.localDigest()
        #expect(counted == ScopeDigest(leads.map { ($0.leadID, $0.version) }))
        try await database.recordSyncCompleted(at: Date(), digest: counted, limits: nil)
        #expect(try database.session()?.lastDigest == counted)
        // A page with no change keeps it; a page that changes a row drops it, and the rows are
        // counted again.
        try await database.apply(page(4, []))
        #expect(try database.session()?.lastDigest == counted)
        try await database.apply(
            PullPage(
                cursor: SyncCursor(epoch: epoch, sequence: 5), hasMore: false, upserts: [],
                removals: [LeadRemoval(leadID: leads[0].leadID, reason: .recycled)], scopeCount: 2,
                scopeHash: "0000000000000000"))
        #expect(try database.session()?.lastDigest == nil)
        #expect(try await database.localDigest() == ScopeDigest(leads.dropFirst().map { ($0.leadID, $0.version) }))
        try await database.resetReplica()
        #expect(try await database.localDigest() == .empty)
    }
}

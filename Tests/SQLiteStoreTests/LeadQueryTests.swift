import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Testing

@Suite("Lead queries")
struct LeadQueryTests {
    let t0 = StoreFixtures.t0

    @Test func countsByStageSourceAndOutcome() throws {
        let store = try StoreFixtures.store()
        let leads = [
            StoreFixtures.lead(email: "a@example.com", source: "google", outcome: .init(won: true, label: "1")),
            StoreFixtures.lead(email: "b@example.com", source: "google", outcome: .init(won: false, label: "0")),
            StoreFixtures.lead(email: "c@example.com", source: nil, outcome: .init(won: false, label: "0")),
            StoreFixtures.lead(email: "d@example.com", source: "organic"),
        ]
        try StoreFixtures.importRun(store, leads)
        try store.transition(.init(leadID: leads[0].id, to: .mql, trigger: .score, actor: "system:scoring", at: t0))

        #expect(try store.leadCountsByStage() == [.new: 3, .mql: 1])
        #expect(try store.leadCountsBySource() == ["google": 2, nil: 1, "organic": 1])
        let outcomes = try store.outcomeCounts()
        #expect(outcomes.won == 1 && outcomes.notWon == 2)
        #expect(try store.leads(stage: .new, limit: nil).map(\.id) == leads[1...].map(\.id))
        #expect(try store.leads(stage: nil, limit: 2).map(\.id) == leads[..<2].map(\.id))
        #expect(try store.leads(stage: .converted, limit: 5).isEmpty)
    }

    @Test func emptyStoreCountsNothing() throws {
        let store = try StoreFixtures.store()
        #expect(try store.leadCountsByStage().isEmpty)
        let outcomes = try store.outcomeCounts()
        #expect(outcomes.won == 0 && outcomes.notWon == 0)
        #expect(try store.leadCount() == 0)
    }

    @Test func leadsAreFoundByIdPrefix() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        _ = try StoreFixtures.storedLead(store, email: "other@example.com")
        let prefix = String(id.description.prefix(8))
        #expect(try store.leads(idPrefix: prefix.uppercased(), limit: 2).map(\.id) == [id])
        #expect(try store.leads(idPrefix: "", limit: 5).count == 2)
        #expect(try store.lead(id: LeadID()) == nil)
        #expect(try store.lead(dedupeKey: "nobody@example.com") == nil)
    }

    @Test func leadsArePagedByIdAndRescoringPagesSkipLeadsWithSales() throws {
        let store = try StoreFixtures.store()
        let leads = (0..<7).map { StoreFixtures.lead(email: "l\($0)@example.com") }
        try StoreFixtures.importRun(store, leads)
        let withSales = leads[3].id
        try store.transition(.init(leadID: withSales, to: .mql, trigger: .score, actor: "system:scoring", at: t0))
        try store.transition(.init(leadID: withSales, to: .assigned, trigger: .route, actor: "system:router", at: t0))

        var seen: [LeadID] = []
        var last: LeadID?
        while true {
            let page = try store.leadsForRescoring(after: last, limit: 2)
            if page.isEmpty { break }
            #expect(page.count <= 2)
            seen += page.map(\.id)
            last = page.last?.id
        }
        #expect(seen == leads.map(\.id).filter { $0 != withSales }.sorted())

        let firstPage = try store.leads(after: nil, limit: 4)
        let secondPage = try store.leads(after: firstPage.last?.id, limit: 4)
        #expect((firstPage + secondPage).map(\.id) == leads.map(\.id).sorted())
        #expect(try store.leads(after: secondPage.last?.id, limit: 4).isEmpty)
    }
}

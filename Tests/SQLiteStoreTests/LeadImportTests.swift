import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Testing

@Suite("Lead import")
struct LeadImportTests {
    let attributes: LeadAttributes = [
        "employees": .number(250), "industry": .text("retail"), "has_website": .bool(true),
        "first_visit": .date(Date(timeIntervalSince1970: 1_700_000_000.5)), "quote": .text("say \"hi\"\n\t\\"),
    ]

    @Test func newLeadIsCreatedInStageNewWithAllItsContent() throws {
        let store = try StoreFixtures.store()
        var lead = StoreFixtures.lead(
            externalID: "P-1", attributes: attributes, postContact: ["tags": .text("Will revert")],
            outcome: LeadOutcome(won: true, label: "Converted", details: ["sdr": "x1", "sr": "y2"]))
        lead.stage = .mql  // an import never sets the stage
        let outcomes = try StoreFixtures.importRun(store, [lead])
        #expect(outcomes == [.created(lead.id)])

        let stored = try #require(try store.lead(id: lead.id))
        var expected = lead
        expected.stage = .new
        #expect(stored == expected)
        #expect(try store.lead(dedupeKey: "P-1") == expected)
    }

    @Test func sameRowImportedAgainIsUnchanged() throws {
        let store = try StoreFixtures.store()
        let lead = StoreFixtures.lead(externalID: "P-1", attributes: attributes, outcome: .init(won: false, label: "0"))
        try StoreFixtures.importRun(store, [lead])
        var again = lead
        again.id = LeadID()  // a new parse gives a new id; the stored one is kept
        #expect(try StoreFixtures.importRun(store, [again]) == [.unchanged(lead.id)])
        #expect(try store.leadCount() == 1)
    }

    @Test func reimportIsIdempotent() throws {
        let store = try StoreFixtures.store()
        let leads = (0..<20).map {
            StoreFixtures.lead(externalID: "P-\($0)", email: "l\($0)@example.com", attributes: attributes)
        }
        let first = try StoreFixtures.importRun(store, leads)
        #expect(first == leads.map { .created($0.id) })
        let before = try store.leads(stage: nil, limit: nil)
        let second = try StoreFixtures.importRun(store, leads)
        #expect(second == leads.map { .unchanged($0.id) })
        #expect(try store.leads(stage: nil, limit: nil) == before)
    }

    @Test(arguments: [
        "attribute", "removedAttribute", "postContact", "outcome", "company", "consent", "email",
    ])
    func changedContentIsUpdatedKeepingIdAndStage(change: String) throws {
        let store = try StoreFixtures.store()
        let lead = StoreFixtures.lead(externalID: "P-1", attributes: attributes)
        try StoreFixtures.importRun(store, [lead])
        try store.transition(
            StageTransitionRequest(
                leadID: lead.id, to: .nurturing, trigger: .score, actor: "system:scoring", at: StoreFixtures.t0))

        var changed = lead
        changed.id = LeadID()
        switch change {
        case "attribute": changed.attributes["employees"] = .number(251)
        case "removedAttribute": changed.attributes["industry"] = nil
        case "postContact": changed.postContactAttributes["tags"] = .text("Busy")
        case "outcome": changed.outcome = LeadOutcome(won: true, label: "1")
        case "company": changed.company = nil
        case "consent": changed.doNotCall = true
        default: changed.email = EmailAddress("Ana@Example.com")
        }
        #expect(try StoreFixtures.importRun(store, [changed]) == [.updated(lead.id)])

        let stored = try #require(try store.lead(id: lead.id))
        var expected = changed
        expected.id = lead.id
        expected.stage = .nurturing
        #expect(stored == expected)
        #expect(try store.stageHistory(leadID: lead.id).count == 1)
    }

    @Test func duplicateRowInTheSameRunIsMergedKeepingStoredValues() throws {
        let store = try StoreFixtures.store()
        let first = StoreFixtures.lead(
            email: "ana@example.com", company: "Acme", source: nil, attributes: ["a": .text("1")])
        var second = StoreFixtures.lead(
            email: " ANA@example.com ", company: "Other", source: "linkedin",
            attributes: ["a": .text("2"), "b": .number(3)], outcome: .init(won: true, label: "y"))
        second.doNotEmail = true
        let outcomes = try StoreFixtures.importRun(store, [first, second])
        #expect(outcomes == [.created(first.id), .merged(into: first.id)])

        let stored = try #require(try store.lead(id: first.id))
        #expect(stored.company == "Acme")
        #expect(stored.email == EmailAddress("ana@example.com"))
        #expect(stored.source == "linkedin")
        #expect(stored.attributes == ["a": .text("1"), "b": .number(3)])
        #expect(stored.outcome == LeadOutcome(won: true, label: "y"))
        #expect(stored.doNotEmail)
        #expect(try store.leadCount() == 1)
    }

    @Test func duplicateOfAnUnchangedLeadInTheSameRunIsMergedNotUpdated() throws {
        let store = try StoreFixtures.store()
        let lead = StoreFixtures.lead(externalID: "P-1")
        try StoreFixtures.importRun(store, [lead])
        var duplicate = lead
        duplicate.id = LeadID()
        duplicate.company = "Someone else"
        let outcomes = try StoreFixtures.importRun(store, [lead, duplicate])
        #expect(outcomes == [.unchanged(lead.id), .merged(into: lead.id)])
        #expect(try store.lead(id: lead.id)?.company == "Acme")
    }

    @Test func throwingImportLeavesTheStoreUnchanged() throws {
        struct Boom: Error {}
        let store = try StoreFixtures.store()
        let kept = StoreFixtures.lead(externalID: "P-0", email: "kept@example.com")
        try StoreFixtures.importRun(store, [kept])
        let before = try store.leads(stage: nil, limit: nil)

        #expect(throws: Boom.self) {
            try store.importLeads(runID: ImportRunID()) { session in
                var changed = kept
                changed.company = "Changed"
                _ = try session.upsert(changed, dedupeKey: "P-0")
                _ = try session.upsert(
                    StoreFixtures.lead(externalID: "P-1", email: "new@example.com"), dedupeKey: "P-1")
                throw Boom()
            }
        }
        #expect(try store.leads(stage: nil, limit: nil) == before)
    }

    @Test func sessionUsedAfterItsImportIsRefused() throws {
        let store = try StoreFixtures.store()
        let escaped = try store.importLeads(runID: ImportRunID()) { $0 }
        #expect(throws: LeadStoreError.importSessionClosed) {
            try escaped.upsert(StoreFixtures.lead(), dedupeKey: "k")
        }
    }

    @Test func externalIDOfAnotherLeadIsATypedError() throws {
        let store = try StoreFixtures.store()
        try store.importLeads(runID: ImportRunID()) { session in
            _ = try session.upsert(StoreFixtures.lead(externalID: "P-1", email: "a@example.com"), dedupeKey: "a")
        }
        #expect(throws: LeadStoreError.externalIDTaken("P-1")) {
            try store.importLeads(runID: ImportRunID()) { session in
                try session.upsert(StoreFixtures.lead(externalID: "P-1", email: "b@example.com"), dedupeKey: "b")
            }
        }
        #expect(try store.leadCount() == 1)
    }

    @Test func leadsReadInOneBatchShareOneKeyTable() throws {
        let store = try StoreFixtures.store()
        let leads = (0..<5).map { index in
            StoreFixtures.lead(
                externalID: "P-\(index)", email: "l\(index)@example.com",
                attributes: index % 2 == 0 ? attributes : ["only_odd": .number(Double(index))])
        }
        try StoreFixtures.importRun(store, leads)
        let page = try store.leads(after: nil, limit: 10)
        #expect(page.count == 5)
        #expect(page.allSatisfy { $0.attributes.keyTable === page[0].attributes.keyTable })
        #expect(Set(page[0].attributes.keyTable.names) == Set(attributes.keys + ["only_odd"]))
        for lead in leads {
            #expect(page.first { $0.externalID == lead.externalID }?.attributes == lead.attributes)
        }
    }

    @Test func attributesAreStoredCanonicallyWhateverTheDictionaryOrder() throws {
        let store = try StoreFixtures.store()
        var many: LeadAttributes = [:]
        for index in 0..<40 { many["attr_\(index)"] = .number(Double(index) / 3) }
        let lead = StoreFixtures.lead(externalID: "P-1", attributes: many)
        try StoreFixtures.importRun(store, [lead])
        // Attributes built in another order (another key table, other slots) are equal, and so is
        // their stored text.
        var reordered: LeadAttributes = [:]
        for index in (0..<40).reversed() { reordered["attr_\(index)"] = .number(Double(index) / 3) }
        var again = lead
        again.attributes = reordered
        #expect(try StoreFixtures.importRun(store, [again]) == [.unchanged(lead.id)])
        #expect(try store.lead(id: lead.id)?.attributes == many)
    }
}

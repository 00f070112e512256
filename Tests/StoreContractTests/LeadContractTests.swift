import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Imports and lead queries (``LeadStore``, ``LeadImportSession``): what each upsert reports and
/// stores, the one-person-one-lead rule by email, and every way leads are looked up, paged and
/// counted.
@Suite("Store contract: leads")
struct LeadContractTests {
    let t0 = ContractFixtures.t0

    @Test(arguments: StoreKind.available)
    func aNewRowIsCreatedInStageNewAndFoundByIDKeyAndEmail(kind: StoreKind) throws {
        try kind.withStore { store throws in
            var lead = ContractFixtures.lead(
                "P-1", email: "Ana.Silva@Example.com",
                attributes: ["employees": .number(250), "industry": .text("retail"), "has_website": .bool(true)],
                outcome: LeadOutcome(won: true, label: "Converted", details: ["sdr": "x1"]))
            lead.postContactAttributes = ["tags": .text("Will revert")]
            lead.stage = .mql  // an import never sets the stage
            let upsert = try ContractFixtures.importLeads([lead], into: store)[0]
            let id = try #require(upsert.outcome.changedLeadID)
            #expect(upsert == LeadUpsert(outcome: .created(id), identity: .dedupeKey))

            var expected = lead
            expected.id = id
            expected.stage = .new
            #expect(try store.lead(id: id) == expected)
            #expect(try store.lead(dedupeKey: "ext:P-1") == expected)
            #expect(try store.lead(email: EmailAddress(" ana.silva@example.COM "))?.id == id)
            #expect(try store.lead(id: LeadID()) == nil)
            #expect(try store.lead(dedupeKey: "ext:P-2") == nil)
            #expect(try store.lead(email: EmailAddress("nobody@example.com")) == nil)
            #expect(try store.leadCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func theSameRowAgainIsUnchangedAndAChangedRowIsUpdatedKeepingIDStageAndHistory(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let id = try ContractFixtures.importedLead(ContractFixtures.lead("P-1"), into: store)
            try store.transition(
                StageTransitionRequest(leadID: id, to: .nurturing, trigger: .score, actor: "system:scoring", at: t0))

            // A new parse of the same row has a new id: the stored lead keeps its own.
            let again = try ContractFixtures.importLeads([ContractFixtures.lead("P-1")], into: store)
            #expect(again.map(\.outcome) == [.unchanged(id)])

            var changed = ContractFixtures.lead("P-1", company: "Acme Holdings")
            changed.doNotCall = true
            let update = try ContractFixtures.importLeads([changed], into: store)
            #expect(update.map(\.outcome) == [.updated(id)])

            let stored = try #require(try store.lead(id: id))
            #expect(stored.company == "Acme Holdings")
            #expect(stored.doNotCall)
            #expect(stored.stage == .nurturing)
            #expect(try store.stageHistory(leadID: id).count == 1)
            #expect(try store.leadCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func aSecondRowOfTheSameRunIsMergedKeepingTheStoredValues(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let first = ContractFixtures.lead("P-1", company: "Acme", source: nil, attributes: ["a": .text("1")])
            var second = ContractFixtures.lead(
                "P-1", company: "Other", source: "fair", attributes: ["a": .text("2"), "b": .number(3)])
            second.doNotEmail = true
            let upserts = try ContractFixtures.importLeads([first, second], into: store)
            let id = try #require(upserts[0].outcome.changedLeadID)
            #expect(upserts.map(\.outcome) == [.created(id), .merged(into: id)])

            let stored = try #require(try store.lead(id: id))
            #expect(stored.company == "Acme")
            #expect(stored.source == "fair")
            #expect(stored.attributes == ["a": .text("1"), "b": .number(3)])
            #expect(stored.doNotEmail)
            #expect(try store.leadCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func aRowWithoutExternalIDIsTheIdentifiedLeadWithItsEmail(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let id = try ContractFixtures.importedLead(
                ContractFixtures.lead("P-7", email: "sam@shop.example.com"), into: store)
            var row = ContractFixtures.lead("P-7", email: "SAM@shop.example.com")
            row.externalID = nil
            row.phone = "+55 11 5555 0000"
            #expect(ContractFixtures.dedupeKey(of: row) == "email:sam@shop.example.com")

            let upsert = try ContractFixtures.importLeads([row], into: store)[0]
            #expect(upsert == LeadUpsert(outcome: .updated(id), identity: .emailOfIdentifiedLead(externalID: "P-7")))
            let stored = try #require(try store.lead(id: id))
            #expect(stored.externalID == "P-7")
            #expect(stored.phone == "+55 11 5555 0000")
            #expect(try store.lead(dedupeKey: "ext:P-7")?.id == id)
            #expect(try store.leadCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func aNewExternalIDIsAdoptedByTheLeadWithItsEmailAndNoExternalID(kind: StoreKind) throws {
        try kind.withStore { store throws in
            var first = ContractFixtures.lead("kim", email: "kim@shop.example.com")
            first.externalID = nil
            let id = try ContractFixtures.importedLead(first, into: store)

            let upsert = try ContractFixtures.importLeads(
                [ContractFixtures.lead("K-1", email: "Kim@shop.example.com")], into: store)[0]
            #expect(upsert == LeadUpsert(outcome: .updated(id), identity: .adoptedExternalID("K-1")))
            #expect(try store.lead(id: id)?.externalID == "K-1")
            #expect(try store.lead(dedupeKey: "ext:K-1")?.id == id)
            #expect(try store.leadCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func differentExternalIDsWithOneEmailStayTwoLeadsAndARowWithoutIDIsRefused(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.importedLead(
                ContractFixtures.lead("A-1", email: "team@shop.example.com"), into: store)
            let second = try ContractFixtures.importLeads(
                [ContractFixtures.lead("A-2", email: "Team@shop.example.com")], into: store)[0]
            let b = try #require(second.outcome.changedLeadID)
            #expect(second == LeadUpsert(outcome: .created(b), identity: .sharesEmailWith(externalIDs: ["A-1"])))
            #expect(try store.leadCount() == 2)
            // The oldest (smallest id) of the two.
            #expect(try store.lead(email: EmailAddress("team@shop.example.com"))?.id == min(a, b))

            // Refused before writing anything: the caller reports the row and goes on.
            var anonymous = ContractFixtures.lead("anonymous", email: "team@shop.example.com")
            anonymous.externalID = nil
            var refusal: LeadStoreError?
            let kept = try store.importLeads(runID: ImportRunID()) { session in
                do {
                    try session.upsert(anonymous, dedupeKey: "email:team@shop.example.com")
                } catch let error as LeadStoreError {
                    refusal = error
                }
                return try session.upsert(
                    ContractFixtures.lead("A-3", email: "a3@shop.example.com"), dedupeKey: "ext:A-3")
            }
            guard case .emailMatchesSeveralLeads(let email, let externalIDs) = try #require(refusal) else {
                Issue.record("expected emailMatchesSeveralLeads, got \(String(describing: refusal))")
                return
            }
            #expect(email == "team@shop.example.com")
            #expect(externalIDs.sorted() == ["A-1", "A-2"])
            #expect(kept.outcome.changedLeadID != nil)
            #expect(try store.leadCount() == 3)
            #expect(try store.lead(id: a)?.firstName == "A-1")
        }
    }

    @Test(arguments: StoreKind.available)
    func anExternalIDOfAnotherLeadIsRefused(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let id = try ContractFixtures.storedLead("P-1", in: store)
            #expect(throws: LeadStoreError.externalIDTaken("P-1")) {
                try store.importLeads(runID: ImportRunID()) { session in
                    // A declared key matches only itself, so this row is a new lead with a taken id.
                    try session.upsert(
                        ContractFixtures.lead("P-1", email: "other@shop.example.com"), dedupeKey: "row:2")
                }
            }
            #expect(try store.leadCount() == 1)
            #expect(try store.lead(dedupeKey: "ext:P-1")?.id == id)
        }
    }

    @Test(arguments: StoreKind.available)
    func aThrowingImportKeepsNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            #expect(throws: LeadStoreError.unsupported("abandoned import")) {
                try store.importLeads(runID: ImportRunID()) { session in
                    try session.upsert(ContractFixtures.lead("P-1"), dedupeKey: "ext:P-1")
                    throw LeadStoreError.unsupported("abandoned import")
                }
            }
            #expect(try store.leadCount() == 0)
            #expect(try store.lead(dedupeKey: "ext:P-1") == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func leadsAreFoundByIDPrefixListedByStageOldestFirstAndPagedByID(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let upserts = try ContractFixtures.importLeads(
                ["L-a", "L-b", "L-c", "L-d"].map { ContractFixtures.lead($0) }, into: store)
            let ids = try upserts.map { try #require($0.outcome.changedLeadID) }
            let (a, b, c, d) = (ids[0], ids[1], ids[2], ids[3])
            try store.transition(.init(leadID: b, to: .nurturing, trigger: .score, actor: "system:scoring", at: t0))
            try store.transition(.init(leadID: c, to: .mql, trigger: .score, actor: "system:scoring", at: t0))
            try store.transition(.init(leadID: c, to: .assigned, trigger: .route, actor: "system:router", at: t0))

            #expect(try store.leads(idPrefix: c.description, limit: 5).map(\.id) == [c])
            #expect(try store.leads(idPrefix: String(c.description.prefix(8)), limit: 5).map(\.id).contains(c))
            #expect(try store.leads(idPrefix: "", limit: 2).count == 2)
            #expect(try store.leads(idPrefix: "zz", limit: 5).isEmpty)

            #expect(try store.leads(stage: .new, limit: nil).map(\.id) == [a, d])
            #expect(try store.leads(stage: .new, limit: 1).map(\.id) == [a])
            #expect(try store.leads(stage: .assigned, limit: nil).map(\.id) == [c])
            #expect(try store.leads(stage: .converted, limit: nil).isEmpty)
            #expect(try store.leads(stage: nil, limit: 2).map(\.id) == [a, b])
            #expect(try store.leads(stage: nil, limit: nil).count == 4)

            let sorted = ids.sorted()
            let first = try store.leads(after: nil, limit: 3)
            #expect(first.map(\.id) == Array(sorted.prefix(3)))
            #expect(try store.leads(after: first.last?.id, limit: 3).map(\.id) == [sorted[3]])
            #expect(try store.leads(after: sorted[3], limit: 3).isEmpty)

            // `assigned` is frozen for rescoring; `new`, `nurturing` and `mql` are not.
            let movable = [a, b, d].sorted()
            let page = try store.leadsForRescoring(after: nil, limit: 2)
            #expect(page.map(\.id) == Array(movable.prefix(2)))
            #expect(try store.leadsForRescoring(after: page.last?.id, limit: 2).map(\.id) == [movable[2]])
            #expect(try store.leadsForRescoring(after: movable[2], limit: 2).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func leadsAreCountedByStageSourceAndOutcome(kind: StoreKind) throws {
        try kind.withStore { store throws in
            #expect(try store.leadCount() == 0)
            #expect(try store.leadCountsByStage().isEmpty)
            #expect(try store.leadCountsBySource().isEmpty)
            let none = try store.outcomeCounts()
            #expect(none.won == 0 && none.notWon == 0)

            let upserts = try ContractFixtures.importLeads(
                [
                    ContractFixtures.lead("C-1", source: "web", outcome: LeadOutcome(won: true, label: "Converted")),
                    ContractFixtures.lead("C-2", source: "web", outcome: LeadOutcome(won: false, label: "Lost")),
                    ContractFixtures.lead("C-3", source: nil, outcome: LeadOutcome(won: false, label: "Lost")),
                    ContractFixtures.lead("C-4", source: "fair"),
                ], into: store)
            let first = try #require(upserts[0].outcome.changedLeadID)
            try store.transition(
                .init(leadID: first, to: .nurturing, trigger: .score, actor: "system:scoring", at: t0))

            let byStage: [LifecycleStage: Int] = [.new: 3, .nurturing: 1]
            let bySource: [String?: Int] = ["web": 2, "fair": 1, nil: 1]
            #expect(try store.leadCount() == 4)
            #expect(try store.leadCountsByStage() == byStage)
            #expect(try store.leadCountsBySource() == bySource)
            let outcomes = try store.outcomeCounts()
            #expect(outcomes.won == 1)
            #expect(outcomes.notWon == 2)
        }
    }
}

extension LeadContractTests {
    /// Found by review of the PostgreSQL store: a lead without an email (and other empty columns)
    /// imported again is `unchanged`, and a changed field is an update, on every store.
    @Test(arguments: StoreKind.available)
    func aLeadWithoutAnEmailImportedAgainIsUnchangedThenUpdated(kind: StoreKind) throws {
        try kind.withStore { store throws in
            var lead = Lead(externalID: "NE-1", firstName: "Nora", createdAt: ContractFixtures.t0)
            func importOnce() throws -> LeadUpsertOutcome {
                try store.importLeads(runID: ImportRunID()) { try $0.upsert(lead, dedupeKey: "ext:NE-1").outcome }
            }
            guard case .created(let id) = try importOnce() else { throw ContractFailure("not created") }
            #expect(try importOnce() == .unchanged(id))
            lead.company = "Nora & Co"
            #expect(try importOnce() == .updated(id))
            #expect(try store.lead(id: id)?.company == "Nora & Co")
            #expect(try store.lead(id: id)?.email == nil)
        }
    }
}

import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Fixed values and small builders shared by the contract suites, all through the protocols only
/// so that they work on every store: leads imported the way the intake keys them (`ext:ID`, else
/// `email:ADDRESS`), moved to `mql` and handed to reps; reps; scores; events; device pushes.
enum ContractFixtures {
    /// 2026-01-01T00:00:00Z: the store clock of every contract test and the base of every date.
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    /// One day, in seconds.
    static let day: TimeInterval = 86_400

    // MARK: Leads

    /// A lead named `name`: external id `name`, email `<name>@lead.example.com` and company
    /// `<name> Ltd` unless given, created at ``t0``.
    static func lead(
        _ name: String, email: String? = nil, company: String? = nil, country: String? = "Brazil",
        source: String? = "web", createdAt: Date? = ContractFixtures.t0, attributes: LeadAttributes = [:],
        outcome: LeadOutcome? = nil
    ) -> Lead {
        Lead(
            externalID: name, firstName: name, lastName: "Lead",
            email: EmailAddress(email ?? "\(name)@lead.example.com"), company: company ?? "\(name) Ltd",
            country: country, source: source, createdAt: createdAt, attributes: attributes, outcome: outcome)
    }

    /// The dedupe key the intake gives a row: `ext:<external id>`, else `email:<normalised email>`.
    static func dedupeKey(of lead: Lead) -> String {
        if let externalID = lead.externalID { return "ext:\(externalID)" }
        if let email = lead.email { return "email:\(email.normalized)" }
        return "row:\(lead.id)"
    }

    /// Imports `leads` as one run, each under ``dedupeKey(of:)``; what each row did.
    @discardableResult
    static func importLeads(_ leads: [Lead], into store: any ContractStore) throws -> [LeadUpsert] {
        try store.importLeads(runID: ImportRunID()) { session in
            try leads.map { try session.upsert($0, dedupeKey: Self.dedupeKey(of: $0)) }
        }
    }

    /// Imports one new lead as a run of its own and returns its id (the row must create it).
    static func importedLead(_ lead: Lead, into store: any ContractStore) throws -> LeadID {
        let outcome = try importLeads([lead], into: store)[0].outcome
        let id = try #require(outcome.changedLeadID)
        #expect(outcome == .created(id))
        return id
    }

    /// Imports ``lead(_:email:company:country:source:createdAt:attributes:outcome:)`` named `name`.
    static func storedLead(_ name: String, in store: any ContractStore) throws -> LeadID {
        try importedLead(lead(name), into: store)
    }

    /// Imports `lead` and moves it `new` → `mql` (trigger `score`) at `date`.
    @discardableResult
    static func mqlLead(_ lead: Lead, in store: any ContractStore, at date: Date = ContractFixtures.t0) throws
        -> LeadID
    {
        let id = try importedLead(lead, into: store)
        try store.transition(
            StageTransitionRequest(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: date))
        return id
    }

    /// Imports the lead named `name` and moves it to `mql`.
    @discardableResult
    static func mqlLead(_ name: String, in store: any ContractStore) throws -> LeadID {
        try mqlLead(lead(name), in: store)
    }

    /// Imports the lead named `name`, moves it to `mql` and hands it to `repID` at `date`
    /// (actor `system:router`).
    @discardableResult
    static func assignedLead(
        _ name: String, to repID: RepID, in store: any ContractStore, at date: Date = ContractFixtures.t0
    ) throws -> LeadID {
        let id = try mqlLead(name, in: store)
        try store.assign(leadID: id, to: repID, actor: "system:router", at: date)
        return id
    }

    // MARK: Reps

    /// A rep named `name`, email `<name>@sales.example.com`, active.
    static func rep(_ name: String, territory: String? = nil, capacity: Int = 50) -> Rep {
        Rep(
            name: name, email: EmailAddress("\(name.lowercased())@sales.example.com"), territory: territory,
            capacity: capacity)
    }

    /// Adds the rep named `name` and returns it.
    @discardableResult
    static func addedRep(_ name: String, to store: any ContractStore) throws -> Rep {
        let added = Self.rep(name)
        try store.addRep(added)
        return added
    }

    // MARK: Scoring and events

    /// Saves a scoring-model version (scores and scoring moves must name one) and returns it.
    static func savedModel(in store: any ContractStore, at date: Date = ContractFixtures.t0) throws -> Int {
        try store.saveScoringModel(document: #"{"name": "contract"}"#, createdBy: "admin:test", note: nil, at: date)
    }

    /// A score of `total` fit points (qualified from 50), explained by two fit rules, largest first.
    static func score(
        _ leadID: LeadID, _ total: Double, version: Int, grade: Grade = .b, at date: Date = ContractFixtures.t0
    ) -> LeadScore {
        LeadScore(
            leadID: leadID, fit: total, engagement: 0, total: total, grade: grade, qualified: total >= 50,
            modelVersion: version,
            contributions: [
                ScoreContribution(ruleID: "fit.size", label: "Company size", points: total * 0.75, kind: .fit),
                ScoreContribution(ruleID: "fit.country", label: "Works in Brazil", points: total * 0.25, kind: .fit),
            ], scoredAt: date)
    }

    /// An engagement event with the dedupe key derived from its content (so the same event built
    /// twice has one key).
    static func event(_ leadID: LeadID, _ type: String, at date: Date, value: Double? = nil) -> EngagementEvent {
        EngagementEvent(leadID: leadID, type: type, occurredAt: date, value: value)
    }

    // MARK: Sync

    /// A device mutation of `client` (`device-1` by default).
    static func mutation(
        _ id: Int64, _ leadID: LeadID, _ intent: MutationIntent, client: String = "device-1",
        expectedStage: LifecycleStage? = nil
    ) -> Mutation {
        Mutation(clientID: client, mutationID: id, leadID: leadID, intent: intent, expectedStage: expectedStage)
    }

    /// Applies one push of `mutations` (all of one client) for `repID` and returns the outcomes in order.
    static func push(
        _ mutations: [Mutation], by repID: RepID, at date: Date, in store: any ContractStore
    ) throws -> [PushOutcome] {
        let client = mutations.first?.clientID ?? "device-1"
        return try store.applyPush(repID: repID, clientID: client, mutations: mutations, at: date).map(\.outcome)
    }

    /// A device-token hash: 64 lower-case hex digits, all `digit`.
    static func tokenHash(_ digit: Character) -> String {
        String(repeating: String(digit), count: 64)
    }
}

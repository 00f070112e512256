import Foundation
internal import LeadModel
internal import LeadPipeline
internal import StoreContract
internal import SyncAPI

extension LeadRelayAPI {
    /// `POST /v1/admin/leads/batch`: creates or updates up to 1,000 leads and scores the changed
    /// ones in one transaction (``BatchIntake``), deduplicated like a CSV import (external id,
    /// else email).
    func upsertLeads(_ input: Operations.UpsertLeads.Input) async throws -> Operations.UpsertLeads.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        guard (1...1_000).contains(body.leads.count) else {
            throw APIProblem.validationFailed("leads: send 1 to 1000 leads, not \(body.leads.count)")
        }
        var leads: [(lead: Lead, dedupeKey: String)] = []
        for (index, item) in body.leads.enumerated() {
            let lead: Lead
            do {
                lead = try Lead(wire: item, field: "leads[\(index)]")
            } catch {
                throw APIProblem.validationFailed(error.description)
            }
            guard let key = lead.apiDedupeKey else {
                throw APIProblem.validationFailed("leads[\(index)]: a lead needs an externalID or an email")
            }
            leads.append((lead, key))
        }
        let upserts: [LeadUpsert]
        do {
            upserts = try domain { try backend.batchIntake(clock: now).upsert(leads) }
        } catch let refused as BatchIntake.RefusedLead {
            throw APIProblem.validationFailed("leads[\(refused.index)].email: \(refused.error.description)")
        }
        var result = Components.Schemas.LeadBatchResult(created: 0, updated: 0, unchanged: 0, results: [])
        for (index, upsert) in upserts.enumerated() {
            let outcome: Components.Schemas.LeadBatchResult.ResultsPayloadPayload.OutcomePayload
            let id: LeadID
            switch upsert.outcome {
            case .created(let leadID):
                (outcome, id) = (.created, leadID)
                result.created += 1
            case .updated(let leadID):
                (outcome, id) = (.updated, leadID)
                result.updated += 1
            case .unchanged(let leadID):
                (outcome, id) = (.unchanged, leadID)
                result.unchanged += 1
            case .merged(let leadID):
                (outcome, id) = (.merged, leadID)
                result.unchanged += 1
            }
            var entry = Components.Schemas.LeadBatchResult.ResultsPayloadPayload(
                index: index, leadID: id.description, outcome: outcome)
            switch upsert.identity {
            case .dedupeKey: entry.identity = .dedupeKey
            case .emailOfIdentifiedLead: entry.identity = .emailOfIdentifiedLead
            case .adoptedExternalID: entry.identity = .adoptedExternalID
            case .sharesEmailWith(let others):
                entry.identity = .sharesEmail
                entry.sharesEmailWith = others
            }
            result.results.append(entry)
        }
        return .ok(.init(body: .json(result)))
    }

    /// `POST /v1/admin/events/batch`: records engagement events; an event already known (same
    /// dedupe key) counts once.
    func addEvents(_ input: Operations.AddEvents.Input) async throws -> Operations.AddEvents.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        guard (1...1_000).contains(body.events.count) else {
            throw APIProblem.validationFailed("events: send 1 to 1000 events, not \(body.events.count)")
        }
        var events: [EngagementEvent] = []
        let now = now()
        for (index, item) in body.events.enumerated() {
            do {
                events.append(try EngagementEvent(wire: item, field: "events[\(index)]"))
            } catch {
                throw APIProblem.validationFailed(error.description)
            }
            if let problem = EngagementEvent.futureDateProblem(item.occurredAt, now: now) {
                throw APIProblem.validationFailed("events[\(index)].occurredAt: \(problem)")
            }
        }
        let recorded: Int
        do {
            recorded = try backend.batchIntake(clock: self.now).record(events)
        } catch let error as LeadStoreError {
            if case .leadNotFound = error { throw APIProblem.validationFailed("events: \(error.description)") }
            throw error
        }
        return .ok(.init(body: .json(.init(recorded: recorded, duplicates: events.count - recorded))))
    }

    /// `POST /v1/admin/leads/{leadID}/assign`: hands the lead to the rep (LeadAssignment), which
    /// logs an upsert in the rep's scope and, on a reassignment, a `reassigned` removal in the
    /// previous rep's.
    func assignLead(_ input: Operations.AssignLead.Input) async throws -> Operations.AssignLead.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let leadID = try Self.leadID(input.path.leadID, field: "leadID")
        let repID = try Self.repID(body.repID, field: "repID")
        let change = try domain { try assignment.assign(leadID, to: repID, actor: "admin-api") }
        return .ok(
            .init(
                body: .json(
                    .init(
                        leadID: change.leadID.description, repID: change.rep.description,
                        stage: .init(change.stageChange.to)))))
    }
}

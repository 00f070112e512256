import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// The `--json` shape of one lead: the synced lead's fields, the stage the rep sees, the pending
/// verdict, and (for `show`) the rep's verdicts on it.
struct LeadJSON: Encodable {
    /// One outbox row about this lead.
    struct Verdict: Encodable {
        var mutationID: Int64
        var intent: String
        var state: String
        var refusalCode: String?
        var queuedAt: Date
    }

    var lead: SyncedLead
    var effectiveStage: LifecycleStage
    var pendingVerdict: String?
    var verdicts: [Verdict]?

    init(_ local: LocalLead, history: [OutboxEntry]? = nil) {
        lead = local.lead
        effectiveStage = local.effectiveStage
        pendingVerdict = local.pendingVerdict.map(LeadFormatting.intent)
        verdicts = history?.map {
            Verdict(
                mutationID: $0.mutation.mutationID, intent: LeadFormatting.intent($0.mutation.intent),
                state: $0.state.rawValue, refusalCode: $0.refusalCode?.rawValue, queuedAt: $0.queuedAt)
        }
    }

    func encode(to encoder: any Encoder) throws {
        try lead.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(effectiveStage, forKey: .effectiveStage)
        try container.encodeIfPresent(pendingVerdict, forKey: .pendingVerdict)
        try container.encodeIfPresent(verdicts, forKey: .verdicts)
    }

    private enum Keys: String, CodingKey { case effectiveStage, pendingVerdict, verdicts }
}

import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// Checks a verdict against the stage the rep sees and queues it in the outbox (offline).
enum VerdictQueue {
    /// The stages a verdict may start from: ``MutationRules/allowedStages(for:)``, read off the
    /// one transition table the server applies too. The server checks again on push.
    static func allowedStages(for intent: MutationIntent) -> Set<LifecycleStage> {
        MutationRules.allowedStages(for: intent)
    }

    /// Resolves `leadPrefix`, checks `intent` against the lead's stage, and queues it.
    /// - Returns: the lead and the queued mutation.
    /// - Throws: ``CommandFailure`` (user error) when the lead's stage does not allow it, or a
    ///   ``LocalStoreError`` for an unknown or ambiguous lead.
    static func queue(_ intent: MutationIntent, leadPrefix: String, home: HomeOptions) throws -> (LocalLead, Mutation) {
        let (database, _) = try home.openSession()
        let local = try database.lead(matching: leadPrefix)
        let stage = local.effectiveStage
        guard allowedStages(for: intent).contains(stage) else {
            let allowed = allowedStages(for: intent).map(\.rawValue).sorted().joined(separator: " or ")
            throw CommandFailure.user(
                "lead \(LeadFormatting.shortID(local.lead.leadID)) (\(local.label)) is \(stage.rawValue); \(intent.name) needs a lead that is \(allowed)"
            )
        }
        // A verdict names the stage it was decided on: the server refuses it `stale` rather than
        // overturn what another of the rep's devices did meanwhile.
        let mutation = try database.enqueue(
            intent, leadID: local.lead.leadID, leadLabel: local.label, at: ClientEnvironment.current.now(),
            expectedStage: intent.isVerdict ? stage : nil)
        return (local, mutation)
    }

    /// The confirmation line printed after queuing.
    static func confirmation(_ local: LocalLead, _ mutation: Mutation) -> String {
        "Queued \(LeadFormatting.intent(mutation.intent)) for \(LeadFormatting.shortID(local.lead.leadID)) (\(local.label)); it goes to the server on the next 'leadrelay sync'."
    }
}

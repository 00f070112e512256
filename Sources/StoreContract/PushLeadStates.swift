package import Foundation
package import LeadModel
package import SyncProtocol

/// The leads one push's mutations name, each with its stage and whether the pushing rep owns it,
/// as the push's mutations before the current one have left them; both stores decide each mutation
/// through it (``MutationRules``) and persist the effect it answers. A lead missing here does not
/// exist (or has a stage this build does not know).
package struct PushLeadStates {
    private var states: [String: LeadMutationState]

    /// The states read from the store before the push's first mutation.
    /// - Parameter states: lead id as stored (lower-case UUID text) → its state.
    package init(_ states: [String: LeadMutationState]) {
        self.states = states
    }

    /// What `mutation` does to the lead as the push has left it (``MutationRules/effect(of:expectedStage:on:at:)``),
    /// with the lead's state moved on to the effect's stage and owner.
    /// - Parameters:
    ///   - lead: the mutation's lead id as stored.
    ///   - date: the server time of the push (cool-downs are counted from it).
    /// - Returns: the effect to persist, or the code the mutation is refused with.
    package mutating func decide(_ mutation: Mutation, on lead: String, at date: Date)
        -> Result<MutationEffect, MutationRejectionCode>
    {
        let decided = MutationRules.effect(
            of: mutation.intent, expectedStage: mutation.expectedStage, on: states[lead], at: date)
        if case .success(let effect) = decided {
            if let move = effect.stageMove { states[lead]?.stage = move.to }
            if effect.leavesScope != nil { states[lead]?.isOwnedByPusher = false }
        }
        return decided
    }

    /// The lead's stage as the push has left it (`nil` for a lead this push does not know).
    package func stage(of lead: String) -> LifecycleStage? {
        states[lead]?.stage
    }
}

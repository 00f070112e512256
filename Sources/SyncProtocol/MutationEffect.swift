public import Foundation
public import LeadModel

/// What one valid mutation does to its lead (``MutationRules``): the values a store writes, and
/// nothing it has to decide.
public struct MutationEffect: Hashable, Sendable {
    /// A move of the lead's stage, checked against `StageTransitionTable`.
    public struct StageMove: Hashable, Sendable {
        /// The stage the lead is in when the mutation applies.
        public var from: LifecycleStage
        /// The stage it moves to.
        public var to: LifecycleStage
        /// What moves it (`accept`, `convert`, `reject_recyclable`, `reject_terminal`).
        public var trigger: StageTrigger
        /// The reject's reason, for a reject.
        public var reason: ReasonCode?
        /// The reject's note, trimmed; `nil` when blank or absent.
        public var note: String?
    }

    /// The stage move, or `nil` (a note, a contact correction).
    public var stageMove: StageMove?
    /// When a recycling reject's cool-down ends: the rep's re-entry date for `bad_timing`, else the
    /// push's time plus the reason's cool-down days.
    public var coolDownUntil: Date?
    /// Why the lead leaves the rep's scope (converted, recycled, disqualified), or `nil` when it
    /// stays.
    public var leavesScope: RemovalReason?
    /// A note to keep, as the rep wrote it (non-blank).
    public var note: String?
    /// Contact fields to store, trimmed, each present one non-blank; a corrected email is a valid
    /// address.
    public var contactCorrection: ContactCorrection?

    /// An effect; every part absent by default.
    public init(
        stageMove: StageMove? = nil, coolDownUntil: Date? = nil, leavesScope: RemovalReason? = nil,
        note: String? = nil, contactCorrection: ContactCorrection? = nil
    ) {
        self.stageMove = stageMove
        self.coolDownUntil = coolDownUntil
        self.leavesScope = leavesScope
        self.note = note
        self.contactCorrection = contactCorrection
    }
}

public import Foundation
public import LeadModel

/// The one place that decides what a mutation does to a lead (SPEC §3.1, §3.2, §5 rule 5): pure,
/// over the lead's state and the clock. The server's store applies the effect it returns and
/// decides nothing; the device checks a verdict offline with ``allowedStages(for:)``, derived from
/// the same `StageTransitionTable`.
///
/// It lives in SyncProtocol because both sides need it and the mutation types are here: the
/// server's store (which may not import LeadPipeline) and the device's CLI (which may not import
/// the server's modules).
public enum MutationRules {
    /// The effect of `intent` on a lead in `state`, or why it is refused:
    /// - `too_large`: a text over the contract's limit (``MutationIntent/textOverLimit``);
    /// - `unknown_lead`: no such lead (`state` is `nil`);
    /// - `not_assigned`: not the pusher's lead, or out of a rep's scope;
    /// - `stale`: a verdict decided on another stage than the lead's (`expectedStage`);
    /// - `invalid_transition`: the stage table has no such move;
    /// - `unknown_reason`, `note_required`: a reject's reason is not in the table, or needs a note;
    /// - `invalid_mutation`: a blank note, an empty or blank contact correction, a corrected
    ///   email that is not an email.
    /// - Parameters:
    ///   - date: the push's server time (a cool-down counts from it).
    public static func effect(
        of intent: MutationIntent, expectedStage: LifecycleStage?, on state: LeadMutationState?, at date: Date
    ) -> Result<MutationEffect, MutationRejectionCode> {
        if intent.textOverLimit != nil { return .failure(.tooLarge) }
        guard let state else { return .failure(.unknownLead) }
        guard state.isOwnedByPusher, state.stage.isInRepScope else { return .failure(.notAssigned) }
        let stage = state.stage
        if let expectedStage, expectedStage != stage, intent.isVerdict { return .failure(.stale) }

        switch intent {
        case .accept:
            return move(from: stage, to: .accepted, trigger: .accept).map { MutationEffect(stageMove: $0) }
        case .convert:
            return move(from: stage, to: .converted, trigger: .convert).map {
                MutationEffect(stageMove: $0, leavesScope: .converted)
            }
        case .reject(let reasonText, let note, let reentryDate):
            guard let reason = ReasonCode(rawValue: reasonText) else { return .failure(.unknownReason) }
            let entry = reason.entry
            let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.requiresNote, trimmedNote?.isEmpty ?? true { return .failure(.noteRequired) }
            let kept = trimmedNote?.isEmpty == false ? trimmedNote : nil
            return move(
                from: stage, to: entry.disposition.targetStage, trigger: entry.disposition.trigger, reason: reason,
                note: kept
            ).map { stageMove in
                switch entry.disposition {
                case .recycle(let coolDownDays):
                    let standard = date + Double(coolDownDays) * 86_400
                    let until = entry.acceptsReentryDate ? reentryDate ?? standard : standard
                    return MutationEffect(stageMove: stageMove, coolDownUntil: until, leavesScope: .recycled)
                case .disqualify:
                    return MutationEffect(stageMove: stageMove, leavesScope: .disqualified)
                }
            }
        case .addNote(let text):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .failure(.invalidMutation)
            }
            return .success(MutationEffect(note: text))
        case .correctContact(let correction):
            return cleaned(correction).map { MutationEffect(contactCorrection: $0) }
        }
    }

    /// The stages a rep may act on a lead from with `intent`, read off `StageTransitionTable`:
    /// accept from `assigned`; convert from `accepted`; reject from any stage a recyclable or a
    /// terminal reject leaves; a note or a contact correction on any lead in the rep's scope.
    public static func allowedStages(for intent: MutationIntent) -> Set<LifecycleStage> {
        let triggers: [StageTrigger]
        switch intent {
        case .accept: triggers = [.accept]
        case .convert: triggers = [.convert]
        case .reject: triggers = [.rejectRecyclable, .rejectTerminal]
        case .addNote, .correctContact: return Set(LifecycleStage.allCases.filter(\.isInRepScope))
        }
        return Set(StageTransitionTable.allowed.filter { triggers.contains($0.trigger) }.map(\.from))
    }

    private static func move(
        from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger, reason: ReasonCode? = nil, note: String? = nil
    ) -> Result<MutationEffect.StageMove, MutationRejectionCode> {
        guard StageTransitionTable.allows(from: from, to: to, trigger: trigger) else {
            return .failure(.invalidTransition)
        }
        return .success(MutationEffect.StageMove(from: from, to: to, trigger: trigger, reason: reason, note: note))
    }

    /// The correction with every given field trimmed; refused when it is empty, a given field is
    /// blank, or the email is not an email.
    private static func cleaned(_ correction: ContactCorrection) -> Result<ContactCorrection, MutationRejectionCode> {
        guard !correction.isEmpty else { return .failure(.invalidMutation) }
        var cleaned = correction
        for keyPath in [
            \ContactCorrection.firstName, \.lastName, \.email, \.phone, \.title, \.company,
        ] {
            guard let value = correction[keyPath: keyPath] else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return .failure(.invalidMutation) }
            cleaned[keyPath: keyPath] = trimmed
        }
        if let email = cleaned.email, !EmailAddress(email).isValid { return .failure(.invalidMutation) }
        return .success(cleaned)
    }
}

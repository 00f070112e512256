/// Why the server refused one mutation: a stable machine code (the raw value) that the device
/// stores and shows (`leadrelay status`).
public enum MutationRejectionCode: String, CaseIterable, Codable, Sendable {
    /// The lead is not (or no longer) in this rep's scope, for example reassigned meanwhile.
    case notAssigned = "not_assigned"
    /// The lead's current stage does not allow the intent (accepting an accepted lead,
    /// converting an `assigned` one), per the transition table of SPEC §3.1.
    case invalidTransition = "invalid_transition"
    /// The reject names a reason code that is not in the table of SPEC §3.2.
    case unknownReason = "unknown_reason"
    /// The reason code requires a note (`other`) and none was given.
    case noteRequired = "note_required"
    /// The mutation id is not the next one after the client's last applied id; nothing was
    /// recorded, send the missing ids first. Not permanent.
    case gap
    /// The id was already used by this client with another payload.
    case conflict
    /// No lead has this id.
    case unknownLead = "unknown_lead"
    /// The intent is malformed: an empty note, an empty correction, an empty corrected field.
    case invalidMutation = "invalid_mutation"
    /// A text of the intent is over its contract limit (a note over
    /// ``MutationIntent/maximumNoteLength`` characters, a corrected field over its length);
    /// refused alone, the rest of the push goes on.
    case tooLarge = "too_large"
    /// The verdict was made on a stage the lead no longer has (``Mutation/expectedStage``):
    /// another device of the rep applied a verdict first. Pull, look again, act again.
    case stale
}

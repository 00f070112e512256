public import Foundation
public import LeadModel

/// What a rep did to a lead on the device (SPEC §5 rule 5): an intent, re-validated by the server
/// against the lead's current state, never a blind overwrite.
public enum MutationIntent: Hashable, Codable, Sendable {
    /// Sales accepts the lead: `assigned` → `accepted`.
    case accept
    /// Not qualified. `reason` is a reason code's raw value (``ReasonCode``, SPEC §3.2); kept as
    /// text so that a code this server does not know is answered
    /// ``MutationRejectionCode/unknownReason`` instead of failing the whole request. `note` is
    /// required for `other`; `reentryDate` is read for `bad_timing` only.
    case reject(reason: String, note: String?, reentryDate: Date?)
    /// The lead became an opportunity: `accepted` → `converted`.
    case convert
    /// A note on the lead (non-empty text).
    case addNote(text: String)
    /// Corrected contact fields.
    case correctContact(ContactCorrection)

    /// A reject with a known reason code.
    public static func rejecting(_ code: ReasonCode, note: String? = nil, reentryDate: Date? = nil) -> Self {
        .reject(reason: code.rawValue, note: note, reentryDate: reentryDate)
    }

    /// The texts the rep wrote into the intent, in a fixed order (absent ones `nil`): a reject's
    /// reason and note; a note's text; a correction's first name, last name, email, phone, title
    /// and company. Empty for `accept` and `convert`.
    public var textFields: [String?] {
        switch self {
        case .accept, .convert: return []
        case .reject(let reason, let note, _): return [reason, note]
        case .addNote(let text): return [text]
        case .correctContact(let correction):
            return [
                correction.firstName, correction.lastName, correction.email, correction.phone, correction.title,
                correction.company,
            ]
        }
    }

    /// Whether the intent is a verdict that moves the lead's stage (accept, reject, convert), as
    /// opposed to a note or a contact correction.
    public var isVerdict: Bool {
        switch self {
        case .accept, .reject, .convert: return true
        case .addNote, .correctContact: return false
        }
    }

    /// The intent's name on the wire and in logs: `accept`, `reject`, `convert`, `addNote`,
    /// `correctContact`.
    public var name: String {
        switch self {
        case .accept: return "accept"
        case .reject: return "reject"
        case .convert: return "convert"
        case .addNote: return "addNote"
        case .correctContact: return "correctContact"
        }
    }
}

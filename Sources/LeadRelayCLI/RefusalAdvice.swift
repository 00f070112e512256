import SyncProtocol

/// What a refusal code means to the rep and what to do next, in words (`leadrelay status`,
/// `leadrelay show`). The codes are the server's (``MutationRejectionCode``, SPEC §5 rule 5).
enum RefusalAdvice {
    /// `code: meaning; next step`, one line.
    static func text(for code: MutationRejectionCode?) -> String {
        guard let code else { return "refused with a code this version does not know; update leadrelay" }
        return "\(code.rawValue): \(advice(for: code))"
    }

    /// The meaning and the next step for one code.
    static func advice(for code: MutationRejectionCode) -> String {
        switch code {
        case .notAssigned:
            return "the lead is no longer yours (reassigned or recycled meanwhile); nothing to do"
        case .invalidTransition:
            return
                "the lead's stage on the server does not allow this; run 'leadrelay sync', then 'leadrelay show LEAD' and act again"
        case .unknownReason:
            return
                "the server does not know this reason code; see 'leadrelay reasons' and reject the lead again with one of those"
        case .noteRequired:
            return "this reason needs a note; reject the lead again with '--note TEXT'"
        case .gap:
            return "sent out of order; it is sent again by the next 'leadrelay sync'"
        case .conflict:
            return
                "this change's number was already used for another change on the server; make the change again"
        case .unknownLead:
            return "the server has no such lead (deleted); nothing to do"
        case .invalidMutation:
            return "the change is empty or malformed; make it again"
        case .stale:
            return
                "another of your devices acted on this lead first; run 'leadrelay sync', then 'leadrelay show LEAD' and act again"
        case .tooLarge:
            return
                "a text is over the server's limit (notes: \(MutationIntent.maximumNoteLength) characters); make the change again with a shorter text"
        }
    }
}

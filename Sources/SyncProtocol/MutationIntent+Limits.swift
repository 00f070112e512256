extension MutationIntent {
    /// The longest note a reject or an `addNote` may carry: 4,000 characters (Unicode scalars, as
    /// JSON Schema's `maxLength` counts them), the contract's `maxLength` in `api-schema/`.
    public static let maximumNoteLength = 4_000

    /// The longest value of each corrected contact field, in Unicode scalars: the contract's
    /// `maxLength` of the same lead field (`ContactFields` and `LeadInput` in `api-schema/`).
    public static let maximumContactFieldLengths: [(field: String, limit: Int)] = [
        ("firstName", 200), ("lastName", 200), ("email", 320), ("phone", 64), ("title", 200), ("company", 200),
    ]

    /// A text of the intent over its contract limit: the field's name, its limit and its length
    /// (Unicode scalars); `nil` when every text is within its limit. The server refuses such a
    /// mutation alone (``MutationRejectionCode/tooLarge``); the CLI refuses it when it is typed.
    public var textOverLimit: (field: String, limit: Int, length: Int)? {
        switch self {
        case .accept, .convert: return nil
        case .reject(_, let note, _):
            return note.flatMap { Self.over("note", $0, Self.maximumNoteLength) }
        case .addNote(let text): return Self.over("text", text, Self.maximumNoteLength)
        case .correctContact(let correction):
            let values = [
                correction.firstName, correction.lastName, correction.email, correction.phone, correction.title,
                correction.company,
            ]
            for (value, limit) in zip(values, Self.maximumContactFieldLengths) {
                if let value, let over = Self.over(limit.field, value, limit.limit) { return over }
            }
            return nil
        }
    }

    private static func over(_ field: String, _ text: String, _ limit: Int) -> (field: String, limit: Int, length: Int)?
    {
        let length = text.unicodeScalars.count
        return length > limit ? (field, limit, length) : nil
    }
}

extension Decoder {
    /// Refuses a keyed object with a key `Keys` does not list, so a typo such as `pionts` is an
    /// error instead of a silently ignored rule part (issue 3: "a model with an unknown field").
    /// - Throws: `ScoringModelError` (`.unknownKey`) naming the first unknown key in sorted order.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let known = Set(Keys.allCases.map(\.stringValue))
        let container = try container(keyedBy: AnyCodingKey.self)
        let unknown = container.allKeys.filter { !known.contains($0.stringValue) }
            .sorted { $0.stringValue < $1.stringValue }
        if let first = unknown.first {
            throw ScoringModelError(
                keyPath: ScoringModelError.render(codingPath + [first]), reason: .unknownKey(first.stringValue))
        }
    }

    /// This decoder's position in document spelling (`fitRules[3]`).
    var keyPath: String { ScoringModelError.render(codingPath) }
}

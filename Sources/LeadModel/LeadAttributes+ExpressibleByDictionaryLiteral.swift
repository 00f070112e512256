extension LeadAttributes: ExpressibleByDictionaryLiteral {
    /// `["origin": .text("API"), "visits": .number(2)]`; a name given twice keeps the last value.
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        self.init(keyTable: AttributeKeyTable.of(elements.map(\.0)))
        for (name, value) in elements { self[name] = value }
    }
}

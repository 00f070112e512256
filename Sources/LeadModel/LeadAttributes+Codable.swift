extension LeadAttributes: Codable {
    /// Reads the JSON object `{"name": <AttributeValue>, …}` (the dictionary's form).
    /// - Throws: `DecodingError` when it is not such an object.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: AttributeValue].self))
    }

    /// Writes exactly what a `[String: AttributeValue]` with these entries writes (encoded as the
    /// dictionary itself, so a coder's dictionary handling applies as before).
    /// - Throws: what the encoder throws (say for a NaN number).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dictionary)
    }
}

extension LeadAttributes: CustomStringConvertible {
    /// The entries as a dictionary prints them, names sorted: `["origin": …, "visits": …]`.
    public var description: String {
        guard !isEmpty else { return "[:]" }
        let entries = sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
        return "[" + entries.joined(separator: ", ") + "]"
    }
}

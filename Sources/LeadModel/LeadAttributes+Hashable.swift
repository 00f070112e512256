extension LeadAttributes: Hashable {
    /// Equal when both hold the same names with the same values, whatever their key tables.
    public static func == (lhs: LeadAttributes, rhs: LeadAttributes) -> Bool {
        if lhs.keyTable === rhs.keyTable { return lhs.slots == rhs.slots }
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs where rhs[key] != value { return false }
        return true
    }

    /// Hashes the content independently of slot order (as `Dictionary` does), so equal values
    /// over different key tables hash alike.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in self {
            var entry = Hasher()
            entry.combine(key)
            entry.combine(value)
            combined ^= entry.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

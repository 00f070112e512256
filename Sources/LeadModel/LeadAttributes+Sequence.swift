extension LeadAttributes: Sequence {
    /// One present attribute, as a dictionary's element.
    public typealias Element = (key: String, value: AttributeValue)

    /// Iterates the present values in slot order.
    public struct Iterator: IteratorProtocol {
        let keyTable: AttributeKeyTable
        let slots: [AttributeValue?]
        var slot = 0

        /// The next present attribute, or `nil` at the end.
        public mutating func next() -> Element? {
            while slot < slots.count {
                defer { slot += 1 }
                if let value = slots[slot] { return (keyTable.names[slot], value) }
            }
            return nil
        }
    }

    /// An iterator over the present attributes, in slot order.
    public func makeIterator() -> Iterator {
        Iterator(keyTable: keyTable, slots: slots)
    }

    /// The number of present attributes.
    public var underestimatedCount: Int { count }
}

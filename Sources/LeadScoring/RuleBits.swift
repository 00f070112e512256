/// A set of rule numbers as a bit array over caller-provided words (stack memory from
/// `withUnsafeTemporaryAllocation`), so scoring a lead allocates nothing to remember which rules
/// held. Iterating yields the numbers in ascending order (document order for fit rules).
struct RuleBits {
    /// The words; bit `n % 64` of word `n / 64` is rule `n`.
    let words: UnsafeMutableBufferPointer<UInt64>

    /// A view over `words`, cleared.
    init(clearing words: UnsafeMutableBufferPointer<UInt64>) {
        words.initialize(repeating: 0)
        self.words = words
    }

    /// Adds rule `number`.
    @inline(__always)
    func insert(_ number: Int32) {
        let index = Int(number)
        words[index &>> 6] |= 1 &<< UInt64(index & 63)
    }

    /// Adds every rule of `numbers`.
    @inline(__always)
    func insert(_ numbers: [Int32]) {
        numbers.withUnsafeBufferPointer { numbers in
            for number in numbers { insert(number) }
        }
    }

    /// Calls `body` with each rule number in the set, ascending.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                body(index &<< 6 | remaining.trailingZeroBitCount)
                remaining &= remaining &- 1
            }
        }
    }

    /// How many rule numbers are in the set.
    var count: Int {
        words.reduce(0) { $0 + $1.nonzeroBitCount }
    }
}

/// Comparisons whose running time does not depend on where two secrets differ.
enum ConstantTime {
    /// True when `lhs` and `rhs` hold the same bytes. Every byte of the longer input is read
    /// whatever the contents, so the time taken says nothing about the first difference (the
    /// lengths compared here are digest lengths, which are public).
    static func equal(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        var difference = UInt8(lhs.count == rhs.count ? 0 : 1)
        let left = Array(lhs)
        let right = Array(rhs)
        let count = max(left.count, right.count)
        for index in 0..<count {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}

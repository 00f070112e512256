import Foundation

extension PushRequest {
    /// The most bytes of JSON a device puts in one push body: 3 MiB, a quarter under the
    /// contract's default request limit of 4 MiB (`413 payload_too_large` above it), for the
    /// envelope and the HTTP client's own escaping.
    public static let bodyBudget = 3 * 1024 * 1024

    /// The longest prefix of `mutations` whose JSON fits in `budget` bytes; at least the first
    /// mutation, which the contract's text limits keep far below any budget (a mutation over them
    /// is sent all the same, to be answered `too_large` on its own).
    public static func prefix(of mutations: [Mutation], within budget: Int) -> [Mutation] {
        let encoder = JSONEncoder()
        var used = 0
        var count = 0
        for mutation in mutations {
            // A mutation that cannot be encoded is still sent: the transport reports its error.
            let size = ((try? encoder.encode(mutation))?.count ?? 0) + 1
            if count > 0 && used + size > budget { break }
            used += size
            count += 1
        }
        return Array(mutations.prefix(count))
    }
}

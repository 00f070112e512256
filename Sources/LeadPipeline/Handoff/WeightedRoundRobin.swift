public import LeadModel

/// Smooth weighted round robin (the nginx algorithm): each pick adds every candidate's weight to
/// its running credit, takes the candidate with the most credit, and takes the total weight off
/// the winner. Over a run each rep gets a share proportional to its weight, interleaved rather
/// than in bursts. The router weighs reps by remaining capacity (open leads below the cap).
public struct WeightedRoundRobin: Sendable {
    /// Each rep's running credit; kept between routing runs by the store, so a new run goes on
    /// where the last one stopped instead of favouring the earliest rep again.
    public private(set) var credit: [RepID: Int]

    /// A state with `credit` (empty: every rep starts even).
    public init(credit: [RepID: Int] = [:]) {
        self.credit = credit
    }

    /// Picks the next rep among `candidates` (in a stable order: ties go to the earlier one);
    /// candidates of weight 0 or less are skipped.
    /// - Returns: the rep, or `nil` when no candidate has a positive weight.
    public mutating func next(among candidates: [RepID], weight: (RepID) -> Int) -> RepID? {
        var total = 0
        var best: RepID?
        var bestCredit = Int.min
        for rep in candidates {
            let repWeight = weight(rep)
            guard repWeight > 0 else { continue }
            total += repWeight
            let newCredit = credit[rep, default: 0] + repWeight
            credit[rep] = newCredit
            if newCredit > bestCredit {
                bestCredit = newCredit
                best = rep
            }
        }
        if let best { credit[best, default: 0] -= total }
        return best
    }
}

import LeadModel

/// The router's and the SLA escalation's view of the reps during one run: who is active, how much
/// capacity each has left, and the round-robin state.
struct RepPool {
    private var byEmail: [String: Rep] = [:]
    private var active: [Rep]
    private var remaining: [RepID: Int] = [:]
    private var roundRobin: WeightedRoundRobin

    /// The round robin's credits, to store at the end of the run.
    var roundRobinCredits: [RepID: Int] { roundRobin.credit }

    /// The pool from the roster, the open-lead counts and the stored round-robin credits.
    init(reps: [Rep], openCounts: [RepID: Int], roundRobinCredits: [RepID: Int] = [:]) {
        roundRobin = WeightedRoundRobin(credit: roundRobinCredits)
        active = reps.filter(\.isActive).sorted { $0.email.normalized < $1.email.normalized }
        for rep in reps {
            byEmail[rep.email.normalized] = rep
            remaining[rep.id] = max(0, rep.capacity - openCounts[rep.id, default: 0])
        }
    }

    /// Whether the rep exists and is active.
    func isActive(_ repID: RepID) -> Bool { active.contains { $0.id == repID } }

    /// Emails (as written) that name no rep or an inactive one.
    func unavailable(_ emails: [EmailAddress]) -> [String] {
        var seen = Set<String>()
        return emails.filter { byEmail[$0.normalized]?.isActive != true && seen.insert($0.normalized).inserted }
            .map(\.address)
    }

    /// Left capacity of a rep.
    func remainingCapacity(of repID: RepID) -> Int { remaining[repID, default: 0] }

    /// The next active rep with capacity among `emails` (every active rep when `nil`), by
    /// weighted round robin on remaining capacity, never `excluded`.
    mutating func next(for emails: [EmailAddress]?, excluding excluded: RepID?) -> Rep? {
        let reps: [Rep]
        if let emails {
            var seen = Set<RepID>()
            reps = emails.compactMap { byEmail[$0.normalized] }.filter { $0.isActive && seen.insert($0.id).inserted }
        } else {
            reps = active
        }
        let candidates = reps.filter { $0.id != excluded }
        let remaining = self.remaining
        guard let id = roundRobin.next(among: candidates.map(\.id), weight: { remaining[$0, default: 0] }) else {
            return nil
        }
        return candidates.first { $0.id == id }
    }

    /// Counts one more open lead against the rep.
    mutating func took(_ repID: RepID) { remaining[repID, default: 0] -= 1 }

    /// Gives back one open lead's capacity (a lead that left the rep).
    mutating func released(_ repID: RepID) { remaining[repID, default: 0] += 1 }
}

/// What one `route` run did.
public struct RoutingSummary: Hashable, Codable, Sendable {
    /// `mql` leads handed to a rep.
    public var routed: Int
    /// Leads of deactivated reps handed to another rep.
    public var rerouted: Int
    /// `mql` leads merged into an earlier lead with the same normalised email (moved to nurturing).
    public var mergedDuplicates: Int
    /// Leads left waiting in the overflow queue.
    public var overflow: Int
    /// Open leads (`assigned` or `accepted`) of deactivated reps that no other rep could take:
    /// taken out of their scope and waiting, in their stage, in the overflow queue.
    public var releasedToOverflow: Int
    /// Leads handed to each rep in this run, by rep email.
    public var perRep: [String: Int]
    /// Rep emails named in the rules that match no rep, or only an inactive one.
    public var unavailableRepEmails: [String]

    /// A summary.
    public init(
        routed: Int = 0, rerouted: Int = 0, mergedDuplicates: Int = 0, overflow: Int = 0,
        releasedToOverflow: Int = 0, perRep: [String: Int] = [:], unavailableRepEmails: [String] = []
    ) {
        self.routed = routed
        self.rerouted = rerouted
        self.mergedDuplicates = mergedDuplicates
        self.overflow = overflow
        self.releasedToOverflow = releasedToOverflow
        self.perRep = perRep
        self.unavailableRepEmails = unavailableRepEmails
    }
}

public import Foundation
public import LeadModel
public import StoreContract

/// The re-entry rule for recycled leads (SPEC §3 "Recycling", issue 6 item 3): a lead rejected
/// with a recyclable reason may become `mql` again only after its cool-down and only on new
/// engagement: its score total must be at least the score it had when rejected plus ``margin``.
///
/// A pure function of its inputs. The scoring run (`ScoringRun.score(_:scorer:now:into:)` of the
/// scoring branch) must ask it before it adds a `nurturing` → `mql` move: per page, read
/// ``HandoffStore/rejections(leadIDs:)`` and ``HandoffStore/mergeTargets(leadIDs:)``, call
/// ``decide(rejection:coolDownEnd:currentScore:now:mergedInto:)`` with the rejection's
/// ``RecordedRejection/coolDownUntil`` and the new score's total, and leave the lead in
/// `nurturing` unless ``ReentryDecision/allowsRequalification``. Leads never rejected nor merged
/// are absent from both reads and pass. ``Recycling/requalifyIfEngaged(leadID:now:)`` does exactly
/// this for one lead.
public struct ReentryGate: Hashable, Sendable {
    /// The default margin: 10 points.
    public static let defaultMargin: Double = 10

    /// Points the score must rise above the score at rejection (a rejection of an unscored lead
    /// counts from 0).
    public var margin: Double

    /// A gate with a margin in points.
    public init(margin: Double = Self.defaultMargin) { self.margin = margin }

    /// The decision for one lead.
    /// - Parameters:
    ///   - rejection: its latest reject, or `nil` when never rejected.
    ///   - coolDownEnd: when its cool-down ends (`nil`: none recorded, so none pending).
    ///   - currentScore: its score total now, in points (`nil`: not scored).
    ///   - now: the clock reading.
    ///   - mergedInto: the lead it was merged into as a duplicate, if any.
    public func decide(
        rejection: RecordedRejection?, coolDownEnd: Date?, currentScore: Double?, now: Date, mergedInto: LeadID? = nil
    ) -> ReentryDecision {
        if let mergedInto { return .merged(into: mergedInto) }
        guard let rejection else { return .notRejected }
        if let coolDownEnd, now < coolDownEnd { return .coolingDown(until: coolDownEnd) }
        let required = (rejection.scoreAtRejection ?? 0) + margin
        guard let currentScore, currentScore >= required else {
            return .needsEngagement(required: required, current: currentScore)
        }
        return .allowed
    }
}

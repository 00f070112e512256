import Foundation
internal import LeadModel
internal import LeadPipeline
internal import SyncAPI

// The wire forms of LeadPipeline's hand-off results. They live here, beside the handlers, not in
// SyncAPI: SyncAPI may not import LeadPipeline (scripts/allowed-imports.txt), as for the stored
// scoring model. Each is field for field the JSON the matching `leadrelay-server ... --json` prints.

extension Components.Schemas.QualityReport {
    /// The wire form of the quality report (`report quality --json`).
    init(_ report: LeadPipeline.QualityReport) {
        self.init(
            generatedAt: report.generatedAt, since: report.since, slaHours: report.slaHours,
            overall: .init(report.overall), converted: report.converted,
            bySource: report.bySource.map(Components.Schemas.AcceptanceRow.init),
            byScoreBand: report.byScoreBand.map(Components.Schemas.AcceptanceRow.init),
            byGrade: report.byGrade.map(Components.Schemas.AcceptanceRow.init),
            byRule: report.byRule.map(Components.Schemas.AcceptanceRow.init),
            rejectionReasons: report.rejectionReasons.map(Components.Schemas.ReasonCount.init),
            reps: report.reps.map(Components.Schemas.RepQuality.init), overflow: report.overflow)
    }
}

extension Components.Schemas.FunnelReport {
    /// The wire form of the funnel report (`report funnel --json`).
    init(_ report: LeadPipeline.FunnelReport) {
        self.init(
            generatedAt: report.generatedAt, since: report.since, leads: report.leads,
            stages: report.stages.compactMap { count in
                LifecycleStage(rawValue: count.stage).map { .init(stage: .init($0), count: count.count) }
            },
            conversion: .init(report.conversion),
            bySource: report.bySource.map(Components.Schemas.FunnelConversion.init),
            timeInStage: report.timeInStage.compactMap { duration in
                LifecycleStage(rawValue: duration.stage).map {
                    .init(stage: .init($0), medianHours: duration.medianHours, stays: duration.stays)
                }
            },
            overflow: report.overflow)
    }
}

extension Components.Schemas.FunnelConversion {
    /// The wire form of one conversion row (rates 0–1, absent when their base is 0).
    init(_ row: LeadPipeline.FunnelConversion) {
        self.init(
            group: row.group, mql: row.mql, handed: row.handed, accepted: row.accepted, converted: row.converted,
            mqlToAccepted: row.mqlToAccepted, acceptedToConverted: row.acceptedToConverted,
            mqlToConverted: row.mqlToConverted)
    }
}

extension Components.Schemas.AcceptanceRow {
    /// The wire form of one acceptance row (rate 0–1, absent when nothing was handed).
    init(_ row: LeadPipeline.AcceptanceRow) {
        self.init(
            group: row.group, handed: row.handed, reviewed: row.reviewed, accepted: row.accepted,
            rejected: row.rejected, pending: row.pending, pendingPastSLA: row.pendingPastSLA,
            oldestPendingHours: row.oldestPendingHours, acceptanceRate: row.acceptanceRate)
    }
}

extension Components.Schemas.ReasonCount {
    /// The wire form of one rejection reason's count.
    init(_ count: LeadPipeline.ReasonCount) {
        self.init(reason: count.reason, label: count.label, count: count.count)
    }
}

extension Components.Schemas.RepQuality {
    /// The wire form of one rep's line of the quality report (rates 0–1).
    init(_ rep: LeadPipeline.RepQuality) {
        self.init(
            name: rep.name, email: rep.email, handed: rep.handed, reviewed: rep.reviewed, accepted: rep.accepted,
            acceptedShare: rep.acceptedShare, onTime: rep.onTime, late: rep.late, breaches: rep.breaches,
            slaCompliance: rep.slaCompliance)
    }
}

extension Components.Schemas.RoutingSummary {
    /// The wire form of a routing run (`route --json`).
    init(_ summary: LeadPipeline.RoutingSummary) {
        self.init(
            routed: summary.routed, rerouted: summary.rerouted, mergedDuplicates: summary.mergedDuplicates,
            overflow: summary.overflow, releasedToOverflow: summary.releasedToOverflow,
            perRep: .init(additionalProperties: summary.perRep), unavailableRepEmails: summary.unavailableRepEmails)
    }
}

extension Components.Schemas.SLARunSummary {
    /// The wire form of a follow-up SLA run (`sla run --json`).
    init(_ summary: LeadPipeline.SLARunSummary) {
        self.init(
            checked: summary.checked, breached: summary.breached, escalated: summary.escalated,
            unescalated: summary.unescalated, breaches: summary.breaches.map(Components.Schemas.SLABreach.init))
    }
}

extension Components.Schemas.RecycleRunSummary {
    /// The wire form of a recycling run (`recycle run --json`).
    init(_ summary: LeadPipeline.RecycleRunSummary) {
        self.init(
            recycled: summary.recycled, returnedToNurturing: summary.returnedToNurturing,
            stillCoolingDown: summary.stillCoolingDown, merged: summary.merged,
            routedToAccountOwner: summary.routedToAccountOwner,
            returnedLeadIDs: summary.returnedLeadIDs.map(\.description),
            followUps: summary.followUps.map(Components.Schemas.DispositionFollowUp.init))
    }
}

public import Foundation
import LeadModel
import StoreContract

/// Builds the funnel and quality reports (issue 6 item 4) from the store: leads, the stage
/// history, the hand-off snapshots and the SLA breaches. Reads everything in a few bulk reads,
/// then counts in memory (tens of thousands of leads fit easily).
public struct HandoffReports: Sendable {
    /// The label of leads without a source.
    public static let noSourceLabel = "(none)"

    private let store: any HandoffStoreServices
    private let now: @Sendable () -> Date

    /// A report builder with an injected clock (the report's date, and "past its deadline" for
    /// open hand-offs).
    public init(store: any HandoffStoreServices, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// The funnel report.
    /// - Parameter since: only leads with a stage change at or after it (all leads when `nil`).
    /// - Throws: a store error.
    public func funnel(since: Date? = nil) throws -> FunnelReport {
        let data = try ReportData(store: store, since: since)
        var stageCounts: [LifecycleStage: Int] = [:]
        for lead in data.leads { stageCounts[lead.stage, default: 0] += 1 }
        var bySource: [String: [Lead]] = [:]
        for lead in data.leads { bySource[lead.source ?? Self.noSourceLabel, default: []].append(lead) }
        var stays: [LifecycleStage: [Double]] = [:]
        for lead in data.leads {
            let history = data.history[lead.id] ?? []
            for (entered, left) in zip(history, history.dropFirst()) where left.from == entered.to {
                stays[entered.to, default: []].append(left.at.timeIntervalSince(entered.at) / 3_600)
            }
        }
        return FunnelReport(
            generatedAt: now(), since: since, leads: data.leads.count,
            stages: LifecycleStage.allCases.map { StageCount(stage: $0.rawValue, count: stageCounts[$0] ?? 0) },
            conversion: conversion("all", data.leads, data),
            bySource: bySource.map { conversion($0.key, $0.value, data) }.sorted {
                ($0.mql, $1.group) > ($1.mql, $0.group)
            },
            timeInStage: LifecycleStage.allCases.map {
                StageDuration(
                    stage: $0.rawValue, medianHours: ReportMath.median(stays[$0] ?? []), stays: stays[$0]?.count ?? 0)
            },
            overflow: try store.overflow().count)
    }

    /// The quality report.
    /// - Parameters:
    ///   - since: only leads with a stage change at or after it (all leads when `nil`).
    ///   - slaHours: the follow-up SLA the compliance figures measure against, in hours.
    /// - Throws: a store error.
    public func quality(since: Date? = nil, slaHours: Double = SLAEscalation.defaultHours) throws -> QualityReport {
        let date = now()
        let data = try ReportData(store: store, since: since)
        let handoffs = Dictionary(grouping: try store.handoffs(), by: \.leadID)
        let handed = data.leads.filter { handoffs[$0.id] != nil }
        var pendingHours: [LeadID: Double] = [:]
        for lead in handed where lead.stage == .assigned && !Self.isReviewed(lead, data) {
            let lastHandoff = handoffs[lead.id]!.map(\.handedAt).max() ?? date
            pendingHours[lead.id] = max(0, date.timeIntervalSince(lastHandoff) / 3_600)
        }
        let pending = PendingReview(hours: pendingHours, slaHours: slaHours)
        var groups: [String: [String: [Lead]]] = [:]
        for lead in handed {
            let first = handoffs[lead.id]![0]
            groups["source", default: [:]][lead.source ?? Self.noSourceLabel, default: []].append(lead)
            groups["band", default: [:]][ReportMath.scoreBand(first.scoreTotal), default: []].append(lead)
            groups["grade", default: [:]][first.grade?.rawValue ?? "ungraded", default: []].append(lead)
            var rules = Set<String>()
            for contribution in first.contributions where contribution.points != 0 {
                let rule = "\(contribution.ruleID): \(contribution.label)"
                if rules.insert(rule).inserted { groups["rule", default: [:]][rule, default: []].append(lead) }
            }
        }
        func rows(_ name: String) -> [AcceptanceRow] {
            (groups[name] ?? [:]).map { row($0.key, $0.value, data, pending) }
        }

        var reasons: [ReasonCode: Int] = [:]
        for lead in handed {
            for change in data.history[lead.id] ?? [] where change.isReject {
                if let reason = change.reason { reasons[reason, default: 0] += 1 }
            }
        }
        let breaches = try store.breaches()
        let breachKeys = Set(breaches.map { "\($0.leadID)|\($0.repID)|\($0.assignedAt.timeIntervalSince1970)" })
        var repRows: [RepQuality] = []
        for rep in try store.reps() {
            let actor = "rep:\(rep.id)"
            var leads = Set<LeadID>()
            var accepted = Set<LeadID>()
            var reviewed = Set<LeadID>()
            var onTime = 0
            var late = 0
            for lead in handed {
                let history = data.history[lead.id] ?? []
                for handoff in handoffs[lead.id]! where handoff.repID == rep.id {
                    leads.insert(lead.id)
                    if history.contains(where: { $0.trigger == .accept && $0.actor == actor }) {
                        accepted.insert(lead.id)
                    }
                    if history.contains(where: { $0.actor == actor && ($0.trigger == .accept || $0.isReject) }) {
                        reviewed.insert(lead.id)
                    }
                    let deadline = handoff.handedAt + slaHours * 3_600
                    let key = "\(lead.id)|\(rep.id)|\(handoff.handedAt.timeIntervalSince1970)"
                    let answer = history.first {
                        $0.actor == actor && $0.at >= handoff.handedAt && ($0.trigger == .accept || $0.isReject)
                    }
                    if breachKeys.contains(key) {
                        late += 1
                    } else if let answer {
                        if answer.at <= deadline { onTime += 1 } else { late += 1 }
                    } else if lead.stage == .assigned, date > deadline {
                        late += 1
                    }
                }
            }
            guard !leads.isEmpty || breaches.contains(where: { $0.repID == rep.id }) else { continue }
            repRows.append(
                RepQuality(
                    name: rep.name, email: rep.email.address, handed: leads.count, reviewed: reviewed.count,
                    accepted: accepted.count,
                    onTime: onTime, late: late, breaches: breaches.filter { $0.repID == rep.id }.count))
        }
        let byHanded: (AcceptanceRow, AcceptanceRow) -> Bool = { ($0.handed, $1.group) > ($1.handed, $0.group) }
        return QualityReport(
            generatedAt: date, since: since, slaHours: slaHours, overall: row("all", handed, data, pending),
            converted: handed.filter { data.reached($0.id, .converted) }.count,
            bySource: rows("source").sorted(by: byHanded),
            byScoreBand: rows("band").sorted {
                ReportMath.scoreBandOrder($0.group) < ReportMath.scoreBandOrder($1.group)
            },
            byGrade: rows("grade").sorted { $0.group < $1.group },
            byRule: rows("rule").sorted(by: byHanded),
            rejectionReasons: reasons.map { ReasonCount(reason: $0.key.rawValue, count: $0.value) }.sorted {
                ($0.count, $1.reason) > ($1.count, $0.reason)
            },
            reps: repRows.sorted { $0.email < $1.email },
            overflow: try store.overflow().count)
    }

    private func conversion(_ group: String, _ leads: [Lead], _ data: ReportData) -> FunnelConversion {
        FunnelConversion(
            group: group, mql: leads.filter { data.reached($0.id, .mql) }.count,
            handed: leads.filter { data.reached($0.id, .assigned) }.count,
            accepted: leads.filter { data.reached($0.id, .accepted) }.count,
            converted: leads.filter { data.reached($0.id, .converted) }.count)
    }

    /// The leads waiting for review: hours since each was handed over, against the SLA.
    private struct PendingReview {
        let hours: [LeadID: Double]
        let slaHours: Double
    }

    /// Whether a rep has reviewed the lead: accepted it (converted ones were) or rejected it.
    private static func isReviewed(_ lead: Lead, _ data: ReportData) -> Bool {
        data.reached(lead.id, .accepted) || (data.history[lead.id] ?? []).contains(where: \.isReject)
    }

    private func row(_ group: String, _ leads: [Lead], _ data: ReportData, _ pending: PendingReview) -> AcceptanceRow {
        let waiting = leads.compactMap { pending.hours[$0.id] }
        return AcceptanceRow(
            group: group, handed: leads.count, reviewed: leads.filter { Self.isReviewed($0, data) }.count,
            accepted: leads.filter { data.reached($0.id, .accepted) }.count,
            rejected: leads.filter { lead in (data.history[lead.id] ?? []).contains(where: \.isReject) }.count,
            pending: waiting.count, pendingPastSLA: waiting.filter { $0 > pending.slaHours }.count,
            oldestPendingHours: waiting.max())
    }
}

import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@Suite("funnel and quality reports")
struct HandoffReportsTests {
    /// Five leads handed out and judged two hours later: one converted, one accepted, two rejected
    /// (no_budget, not_icp), one spam (left out of every figure).
    static func judgedWorld(source evil: String = "ads") throws -> HandoffWorld {
        let world = try HandoffWorld()
        try world.rep("Ana")
        try world.rep("Bo")
        let converted = try world.mql("s1", score: 85, source: "web", grade: .a)
        let noBudget = try world.mql("s2", score: 45, source: "web", grade: .c)
        let accepted = try world.mql("s3", score: 65, source: evil, grade: .b)
        let notICP = try world.mql("s4", score: 72, source: evil, grade: .b)
        let spam = try world.mql("s5", score: 99, source: "web", grade: .a)
        try world.router().route()
        world.clock.advance(2 * 3_600)
        func owner(_ id: LeadID) throws -> RepID { try #require(try world.store.owner(of: id)) }
        try world.push(try owner(converted), converted, .accept)
        world.clock.advance(10 * 3_600)
        try world.push(try owner(converted), converted, .convert)
        world.clock.set(HandoffWorld.t0 + 2 * 3_600)
        try world.push(try owner(noBudget), noBudget, .rejecting(.noBudget))
        try world.push(try owner(accepted), accepted, .accept)
        try world.push(try owner(notICP), notICP, .rejecting(.notICP))
        try world.push(try owner(spam), spam, .rejecting(.spam))
        return world
    }

    @Test func qualityCountsAcceptanceByEveryCut() throws {
        let world = try Self.judgedWorld()
        let report = try HandoffReports(store: world.store, now: { HandoffWorld.t0 + 86_400 }).quality()
        #expect(report.overall == AcceptanceRow(group: "all", handed: 4, reviewed: 4, accepted: 2, rejected: 2))
        #expect(report.overall.acceptanceRate == 0.5)
        #expect(report.converted == 1)
        #expect(
            report.bySource == [
                AcceptanceRow(group: "ads", handed: 2, reviewed: 2, accepted: 1, rejected: 1),
                AcceptanceRow(group: "web", handed: 2, reviewed: 2, accepted: 1, rejected: 1),
            ])
        #expect(report.byScoreBand.map(\.group) == ["40–49", "60–69", "70–79", "80–89"])
        #expect(report.byScoreBand.map(\.accepted) == [0, 1, 0, 1])
        #expect(
            report.byGrade == [
                AcceptanceRow(group: "A", handed: 1, reviewed: 1, accepted: 1, rejected: 0),
                AcceptanceRow(group: "B", handed: 2, reviewed: 2, accepted: 1, rejected: 1),
                AcceptanceRow(group: "C", handed: 1, reviewed: 1, accepted: 0, rejected: 1),
            ])
        #expect(
            report.byRule == [
                AcceptanceRow(group: "fit.size: Rule fit.size", handed: 4, reviewed: 4, accepted: 2, rejected: 2)
            ])
        #expect(
            report.rejectionReasons == [
                ReasonCount(reason: "no_budget", count: 1), ReasonCount(reason: "not_icp", count: 1),
            ])
        #expect(report.reps.map(\.handed).reduce(0, +) == 4)
        #expect(report.reps.map(\.accepted).reduce(0, +) == 2)
        #expect(report.reps.allSatisfy { $0.slaCompliance == 1 && $0.late == 0 })
    }

    /// Issue 15 item 9: 1 accepted and 2 rejected is 33.3 %, however many leads still wait.
    @Test func acceptanceIsOverReviewedLeadsAndPendingOnesAreCountedApart() throws {
        let world = try HandoffWorld()
        let ana = try world.rep("Ana", capacity: 1_000)
        let ids = try (0..<10).map { try world.mql("p\($0)", score: 70) }
        try world.router().route()
        world.clock.advance(3_600)
        try world.push(ana.id, ids[0], .accept)
        try world.push(ana.id, ids[1], .rejecting(.noBudget))
        try world.push(ana.id, ids[2], .rejecting(.noNeed))
        let report = try HandoffReports(store: world.store, now: { HandoffWorld.t0 + 30 * 3_600 }).quality(
            slaHours: 24)
        #expect(report.overall.handed == 10)
        #expect(report.overall.reviewed == 3)
        #expect(report.overall.acceptanceRate == 1.0 / 3)
        #expect(report.overall.pending == 7)
        #expect(report.overall.pendingPastSLA == 7)
        #expect(report.overall.oldestPendingHours == 30)
        #expect(report.rejectionReasons.map(\.label) == ["no money for it now", "no problem we solve"])
        #expect(report.reps.first?.reviewed == 3)
        #expect(report.reps.first?.acceptedShare == 1.0 / 3)
        let early = try HandoffReports(store: world.store, now: { HandoffWorld.t0 + 2 * 3_600 }).quality(slaHours: 24)
        #expect(early.overall.pendingPastSLA == 0)
        #expect(early.overall.oldestPendingHours == 2)
    }

    @Test func slaComplianceCountsBreachesAndLateAnswers() throws {
        let world = try HandoffWorld()
        let ana = try world.rep("Ana")
        let lead = try world.mql("lead")
        try world.router().route()
        let bo = try world.rep("Bo")
        try SLAEscalation(store: world.store).run(now: HandoffWorld.t0 + 25 * 3_600)
        world.clock.set(HandoffWorld.t0 + 26 * 3_600)
        try world.push(bo.id, lead, .accept)
        let report = try HandoffReports(store: world.store, now: { HandoffWorld.t0 + 48 * 3_600 }).quality()
        let byEmail = Dictionary(uniqueKeysWithValues: report.reps.map { ($0.email, $0) })
        let anaRow = try #require(byEmail[ana.email.address])
        #expect(anaRow.breaches == 1)
        #expect(anaRow.late == 1)
        #expect(anaRow.slaCompliance == 0)
        #expect(anaRow.accepted == 0)
        let boRow = try #require(byEmail[bo.email.address])
        #expect(boRow.onTime == 1)
        #expect(boRow.acceptedShare == 1)
    }

    @Test func funnelCountsStagesConversionAndTimeInStage() throws {
        let world = try Self.judgedWorld()
        let report = try HandoffReports(store: world.store, now: { HandoffWorld.t0 + 86_400 }).funnel()
        #expect(report.leads == 4)
        let stages = Dictionary(uniqueKeysWithValues: report.stages.map { ($0.stage, $0.count) })
        #expect(
            stages == [
                "new": 0, "nurturing": 0, "mql": 0, "assigned": 0, "accepted": 1, "converted": 1, "recycled": 1,
                "disqualified": 1,
            ])
        #expect(report.conversion == FunnelConversion(group: "all", mql: 4, handed: 4, accepted: 2, converted: 1))
        #expect(report.conversion.mqlToAccepted == 0.5)
        #expect(report.conversion.acceptedToConverted == 0.5)
        let hours = Dictionary(uniqueKeysWithValues: report.timeInStage.map { ($0.stage, $0.medianHours) })
        #expect(hours["mql"] == 0)
        #expect(hours["assigned"] == 2)
        #expect(hours["accepted"] == 10)
        #expect(report.bySource.map(\.group) == ["ads", "web"])
    }

    @Test func sinceKeepsOnlyLeadsActiveSinceThen() throws {
        let world = try Self.judgedWorld()
        let late = try world.mql("late", score: 70)
        world.clock.set(HandoffWorld.t0 + 5 * 86_400)
        _ = late
        let reports = HandoffReports(store: world.store)
        #expect(try reports.funnel(since: HandoffWorld.t0 + 3 * 3_600).leads == 1)
        #expect(try reports.funnel(since: nil).leads == 5)
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "'+1"), ("-2", "'-2"), ("@cmd", "'@cmd"), ("plain", "plain"),
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=1,2", "\"'=1,2\""), ("\tx", "'\tx"),
    ])
    func csvCellsAreSafeInSpreadsheets(value: String, expected: String) {
        #expect(SpreadsheetCSV.cell(value) == expected)
    }

    @Test func reportCSVNeutralisesFormulasFromTheData() throws {
        let world = try Self.judgedWorld(source: "=HYPERLINK(\"http://evil\")")
        let csv = try HandoffReports(store: world.store).quality().csv
        #expect(csv.hasPrefix("section,group,metric,value\r\n"))
        #expect(csv.contains("source,\"'=HYPERLINK(\"\"http://evil\"\")\",handed,2\r\n"))
        #expect(csv.contains("overall,all,acceptance_rate,0.5000\r\n"))
        #expect(!csv.contains(",=HYPERLINK"))
        let funnel = try HandoffReports(store: world.store).funnel().csv
        #expect(funnel.contains("conversion,all,converted,1\r\n"))
    }

    @Test func htmlIsOneSelfContainedPageWithEscapedValues() throws {
        let world = try Self.judgedWorld(source: "<script>alert('x')</script>")
        let html = try HandoffReports(store: world.store).quality().html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("http"))
        #expect(html.components(separatedBy: "<svg").count == 3)
        #expect(html.contains("Acceptance by score band"))
        let funnel = try HandoffReports(store: world.store).funnel().html
        #expect(funnel.contains("<svg"))
        #expect(!funnel.contains("<script"))
    }
}

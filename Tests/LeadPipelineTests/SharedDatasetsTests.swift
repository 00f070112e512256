import Foundation
import LeadModel
import LeadPipeline
import Testing

/// The three public data sets under `../shared/data`, through the shipped mappings.
@Suite("Shared data sets")
struct SharedDatasetsTests {
    @Test("Leads.csv gives 9,240 leads, no problems, Select never kept and Google folded to google")
    func xEducationLeads() throws {
        let intake = try LeadIntake(
            path: Fixtures.data("x-education-leads/Leads.csv"), mapping: try Fixtures.mapping("x-education.yaml"))
        let (records, problems) = try Fixtures.drain(intake)
        #expect(records.count == 9_240)
        #expect(problems.isEmpty)
        #expect(intake.rowsRead == 9_240)
        #expect(Set(records.map(\.dedupeKey)).count == 9_240)
        #expect(records.filter { $0.lead.outcome?.won == true }.count == 3_561)

        let everyValue = records.flatMap {
            Array($0.lead.attributes.values) + Array($0.lead.postContactAttributes.values)
        }
        #expect(!everyValue.contains(.text("Select")))
        #expect(!records.contains { $0.lead.city == "Select" })
        #expect(records.filter { $0.lead.attributes["specialization"] == nil }.count == 1_438 + 1_942)

        let sources = records.compactMap(\.lead.source)
        #expect(sources.filter { $0 == "google" }.count == 2_868 + 5)
        #expect(!sources.contains("Google"))
        #expect(records.filter(\.lead.doNotEmail).count == 734)
        #expect(records.filter(\.lead.doNotCall).count == 2)

        let first = try #require(records.first)
        #expect(first.rowNumber == 2)
        #expect(first.dedupeKey == "ext:7927b2df-8bba-4d29-b9a2-b6e0beafe620")
        #expect(first.lead.source == "olark chat")
        #expect(first.lead.country == nil)
        #expect(first.lead.attributes["total_visits"] == .number(0))
        #expect(first.lead.attributes["lead_origin"] == .text("API"))
        #expect(first.lead.attributes["search"] == .bool(false))
        #expect(first.lead.attributes["tags"] == nil)
        #expect(first.lead.postContactAttributes["tags"] == .text("Interested in other courses"))
        #expect(first.lead.postContactAttributes["asymmetrique_activity_score"] == .number(15))
        #expect(first.lead.outcome == LeadOutcome(won: false, label: "0"))
        let banking = records.filter {
            $0.lead.attributes["specialization"] == .text("Banking, Investment And Insurance")
        }
        #expect(banking.count == 338)
    }

    @Test("Olist gives 8,000 leads of which the 842 closed deals are won, with their details")
    func olistMQLs() throws {
        let intake = try LeadIntake(
            path: Fixtures.data("olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv"),
            mapping: try Fixtures.mapping("olist-mql.yaml"))
        let (records, problems) = try Fixtures.drain(intake)
        #expect(records.count == 8_000)
        #expect(problems.isEmpty)
        let won = records.filter { $0.lead.outcome?.won == true }
        #expect(won.count == 842)
        #expect(records.allSatisfy { $0.lead.outcome != nil })
        #expect(records.filter { $0.lead.attributes["origin"] == nil }.count == 1_099 + 60)
        #expect(!records.contains { $0.lead.attributes["origin"] == .text("unknown") })

        let first = try #require(records.first)
        #expect(first.dedupeKey == "ext:dac32acd4db4c29c230538b72f8dd87d")
        #expect(first.lead.createdAt == ISO8601DateFormatter().date(from: "2018-02-01T00:00:00Z"))
        #expect(first.lead.attributes["origin"] == .text("social"))

        let deal = try #require(records.first { $0.lead.externalID == "5420aad7fec3549a85876ba1c529bd84" })
        #expect(
            deal.lead.outcome?.details == [
                "sdr_id": "a8387c01a09e99ce014107505b92388c", "sr_id": "4ef15afb4b2723d8f3d81e51ec7afefe",
                "won_date": "2018-02-26 19:58:54", "business_segment": "pet", "lead_type": "online_medium",
            ])
    }

    @Test("bank.csv gives 4,521 leads, 521 won, keyed by row, duration kept post-contact")
    func bankMarketing() throws {
        let intake = try LeadIntake(
            path: Fixtures.data("bank-marketing/bank.csv"), mapping: try Fixtures.mapping("bank.yaml"))
        let (records, problems) = try Fixtures.drain(intake)
        #expect(records.count == 4_521)
        #expect(problems.isEmpty)
        #expect(records.filter { $0.lead.outcome?.won == true }.count == 521)
        #expect(Set(records.map(\.dedupeKey)).count == 4_521)

        let first = try #require(records.first)
        #expect(first.dedupeKey == "row:bank.csv:2")
        #expect(first.lead.attributes["age"] == .number(30))
        #expect(first.lead.attributes["job"] == .text("unemployed"))
        #expect(first.lead.attributes["balance"] == .number(1_787))
        #expect(first.lead.attributes["has_credit_in_default"] == .bool(false))
        #expect(first.lead.attributes["poutcome"] == nil)
        #expect(first.lead.attributes["duration"] == nil)
        #expect(first.lead.postContactAttributes["duration"] == .number(79))
        #expect(first.lead.outcome == LeadOutcome(won: false, label: "no"))
        #expect(!records.contains { $0.lead.attributes.values.contains(.text("unknown")) })
    }
}

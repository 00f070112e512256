import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import Testing

/// The shipped models read only what the shipped mappings produce (issue 3: models and mappings
/// aligned), and never a post-contact column.
@Suite("shipped models and mappings agree")
struct ModelMappingAlignmentTests {
    @Test(arguments: [("x-education.json", "x-education.yaml"), ("olist.json", "olist-mql.yaml")])
    func everyRuleReadsAScoredAttributeOrAMappedField(model: String, mapping: String) throws {
        let loaded = try ScoringModelLoader.load(
            path: Fixtures.packageRoot.appendingPathComponent("models/\(model)").path)
        let columns = try Fixtures.mapping(mapping).columns
        var attributes: Set<String> = []
        var postContact: Set<String> = []
        var fields: Set<String> = ["emailValid", "emailDomain", "doNotEmail", "doNotCall"]  // always derivable
        for column in columns {
            switch column.target {
            case .attribute(let name) where column.postContact: postContact.insert(name)
            case .attribute(let name):
                attributes.insert(name)
                if column.type == .date { attributes.formUnion([name + ".month", name + ".weekday"]) }
            case .field(let field): fields.insert(field.rawValue)
            }
        }
        for rule in loaded.fitRules {
            switch rule.subject {
            case .attribute(let name):
                #expect(attributes.contains(name), "\(model): rule \(rule.id) reads '\(name)', not in \(mapping)")
                #expect(!postContact.contains(name))
            case .field(let field):
                #expect(fields.contains(field.rawValue), "\(model): rule \(rule.id) reads field \(field.rawValue)")
            }
        }
    }

    @Test func olistFirstContactDateIsBothCreatedAtAndADateAttribute() throws {
        let intake = try LeadIntake(
            path: Fixtures.data("olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv"),
            mapping: try Fixtures.mapping("olist-mql.yaml"))
        guard case .record(let record)? = try intake.next() else {
            Issue.record("no first record")
            return
        }
        let createdAt = try #require(record.lead.createdAt)
        #expect(record.lead.attributes["first_contact_date"] == .date(createdAt))
        #expect(record.lead.value(of: .attribute("first_contact_date.month")) != nil)
    }

    @Test func theListFormRefusesTheSameColumnTwiceToTheSameTarget() {
        let yaml = """
            columns:
              - {column: a, attribute: x}
              - {column: a, attribute: x}
            """
        #expect(throws: IntakeError.self) { try ImportMapping(yaml: yaml, path: "m.yaml") }
    }
}

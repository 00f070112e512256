import Foundation
import LeadModel
import LeadScoring
import Testing

@Suite struct DerivedDateTests {
    private func date(_ text: String) -> Date {
        try! Date(text + "T00:00:00Z", strategy: .iso8601)
    }

    @Test(arguments: [
        ("2018-03-15", "2018-03", "thursday"), ("1969-12-31", "1969-12", "wednesday"),
        ("2000-02-29", "2000-02", "tuesday"), ("2017-06-14", "2017-06", "wednesday"),
    ])
    func dateAttributeIsReadableByMonthAndWeekday(day: String, month: String, weekday: String) {
        let lead = Lead(attributes: ["first_contact_date": .date(date(day))])
        #expect(lead.value(of: .attribute("first_contact_date.month")) == .text(month))
        #expect(lead.value(of: .attribute("first_contact_date.weekday")) == .text(weekday))
        #expect(lead.value(of: .attribute("first_contact_date.year")) == nil)
        #expect(Lead().value(of: .attribute("first_contact_date.month")) == nil)
    }

    @Test func ruleOnAMonthMatches() throws {
        let model = Fixture.model(fit: [
            Fixture.rule(
                "spring", .attribute("first_contact_date.month"), .oneOf([.text("2018-03"), .text("2018-04")]),
                points: 40)
        ])
        let lead = Lead(attributes: ["first_contact_date": .date(date("2018-04-02"))])
        #expect(try LeadScorer(model: model).score(lead, now: Fixture.now).fit == 40)
    }

    @Test func calibrationReadsDatesByMonth() {
        let leads = (0..<40).map { index in
            Lead(attributes: ["first_contact_date": .date(date(index % 2 == 0 ? "2018-01-10" : "2018-02-10"))])
        }
        let labels = (0..<40).map { $0 % 2 == 0 }
        let model = CalibratedModel(fitting: leads, labels: labels)
        #expect(model.encoder.features.map(\.subject) == [.attribute("first_contact_date.month")])
        #expect(model.probability(of: leads[0]) > 0.8)
        #expect(model.probability(of: leads[1]) < 0.2)
    }
}

import LeadModel
import Testing

@Suite("Spreadsheet damage")
struct SpreadsheetDamageTests {
    @Test(arguments: ["1.23457E+15", "1E+15", "4,47712E+11", "-2.5e-3", "9.99999E+999"])
    func roundedNumbersAreRecognised(_ value: String) {
        #expect(SpreadsheetDamage.isScientificNotation(value))
    }

    /// Olist's `mql_id` values are hexadecimal: row 5212 has `…745e566…`, which is not damage.
    @Test(arguments: [
        "401013266745e5661589292315434968", "12e5", "1.5E15", "E+15", "1.E+15", "007", "1.5", "2e+1234",
        "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
    ])
    func idsThatMerelyContainAnEAreNot(_ value: String) {
        #expect(!SpreadsheetDamage.isScientificNotation(value))
    }
}

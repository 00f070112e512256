import LeadModel
import Testing

@Suite struct EmailAddressTests {
    @Test func caseAndSurroundingSpacesFoldToOneKey() {
        #expect(EmailAddress("  John.Doe@Example.com ").normalized == "john.doe@example.com")
        #expect(EmailAddress("  John.Doe@Example.com ").address == "John.Doe@Example.com")
    }

    @Test(
        "valid addresses",
        arguments: ["niamh.o'brien@example.ie", "ana.silva@example.com", "a+tag@sub.example.co.uk", "x@y.io"])
    func valid(_ address: String) {
        #expect(EmailAddress(address).isValid)
    }

    @Test(
        "invalid addresses",
        arguments: [
            "not-an-email", "", "@example.com", "a@", "a@b", "a@@b.com", "a b@c.com", "a@b..com", ".a@b.com",
            "a.@b.com", "a@-b.com", "a@b.c0m",
        ])
    func invalid(_ address: String) {
        #expect(!EmailAddress(address).isValid)
    }
}

import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import Testing

@Suite("Device tokens")
struct DeviceTokenTests {
    @Test func issuedTokenVerifiesToItsRepAndOnlyItsHashIsStored() throws {
        let world = try SyncWorld()
        let token = try world.tokens.issue(repID: world.r1)
        #expect(token.count == DeviceTokens.tokenLength)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(try world.tokens.verify(token) == world.r1)
        let record = try #require(try world.store.deviceToken(hash: DeviceTokens.hash(token)))
        #expect(record.repID == world.r1 && record.revokedAt == nil && record.hash != token)
        #expect(try world.tokens.issue(repID: world.r1) != token)
    }

    /// A token starting with `-` was read as an option by `leadrelay login --token T` (the rep-loop
    /// test failed about once in 64 runs). Without the redraw, 500 tokens all avoid a leading dash
    /// with probability (63/64)^500, about 0.04 %.
    @Test func noTokenStartsWithADashSoItNeverReadsAsAnOption() throws {
        let world = try SyncWorld()
        for _ in 0..<500 {
            let token = try world.tokens.issue(repID: world.r1)
            #expect(!token.hasPrefix("-"), "token \(token) would read as a command-line option")
        }
    }

    @Test func unknownMalformedAndRevokedTokensDoNotVerify() throws {
        let world = try SyncWorld()
        let token = try world.tokens.issue(repID: world.r1)
        let other = try world.tokens.issue(repID: world.r1)
        let r2Token = try world.tokens.issue(repID: world.r2)
        #expect(try world.tokens.verify("") == nil)
        #expect(try world.tokens.verify(String(token.dropLast()) + (token.last == "A" ? "B" : "A")) == nil)
        #expect(try world.tokens.verify(token + "=") == nil)
        #expect(try world.tokens.revoke(token))
        #expect(try !world.tokens.revoke(token))
        #expect(try world.tokens.verify(token) == nil)
        #expect(try world.tokens.verify(other) == world.r1)
        #expect(try world.tokens.revokeAll(repID: world.r1) == 1)
        #expect(try world.tokens.verify(other) == nil)
        #expect(try world.tokens.verify(r2Token) == world.r2)
        #expect(throws: LeadStoreError.repNotFound(RepID(uuidString: "00000000-0000-0000-0000-000000000009")!)) {
            try world.tokens.issue(repID: RepID(uuidString: "00000000-0000-0000-0000-000000000009")!)
        }
    }

    /// NIST FIPS 180-4 examples and a multi-block message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 1_000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func tokenHashIsSHA256(input: String, expected: String) {
        #expect(DeviceTokens.hash(input) == expected)
    }

    @Test func constantTimeComparisonComparesEveryByte() {
        #expect(DeviceTokens.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!DeviceTokens.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!DeviceTokens.constantTimeEqual([9, 2, 3], [1, 2, 3]))
        #expect(!DeviceTokens.constantTimeEqual([1, 2], [1, 2, 3]))
    }
}

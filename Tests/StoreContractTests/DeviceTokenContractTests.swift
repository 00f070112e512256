import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Device tokens (``SyncStore/saveDeviceToken(hash:repID:at:)`` and its reads): only hashes are
/// stored, a revocation is seen on the next lookup, a deactivated rep's tokens act for nobody.
@Suite("Store contract: device tokens")
struct DeviceTokenContractTests {
    let t0 = ContractFixtures.t0

    @Test(arguments: StoreKind.available)
    func aTokenIsFoundByItsHashAndRevokedOnce(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let hash = ContractFixtures.tokenHash("a")
            let unknown = ContractFixtures.tokenHash("b")
            try store.saveDeviceToken(hash: hash, repID: rita.id, at: t0)

            #expect(
                try store.deviceToken(hash: hash)
                    == DeviceTokenRecord(hash: hash, repID: rita.id, createdAt: t0, revokedAt: nil, repIsActive: true))
            #expect(try store.deviceToken(hash: unknown) == nil)

            #expect(try store.revokeDeviceToken(hash: hash, at: t0 + 60))
            #expect(try store.deviceToken(hash: hash)?.revokedAt == t0 + 60)
            #expect(try store.revokeDeviceToken(hash: hash, at: t0 + 120) == false)
            #expect(try store.deviceToken(hash: hash)?.revokedAt == t0 + 60)
            #expect(try store.revokeDeviceToken(hash: unknown, at: t0 + 120) == false)
        }
    }

    @Test(arguments: StoreKind.available)
    func revokingARepsTokensRevokesAndCountsOnlyTheirLiveOnes(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let (early, phone, tablet, omars) = (
                ContractFixtures.tokenHash("1"), ContractFixtures.tokenHash("2"), ContractFixtures.tokenHash("3"),
                ContractFixtures.tokenHash("4")
            )
            for hash in [early, phone, tablet] {
                try store.saveDeviceToken(hash: hash, repID: rita.id, at: t0)
            }
            try store.saveDeviceToken(hash: omars, repID: omar.id, at: t0)
            #expect(try store.revokeDeviceToken(hash: early, at: t0 + 30))

            #expect(try store.revokeDeviceTokens(repID: rita.id, at: t0 + 60) == 2)
            #expect(try store.revokeDeviceTokens(repID: rita.id, at: t0 + 120) == 0)
            #expect(try store.deviceToken(hash: early)?.revokedAt == t0 + 30)
            #expect(try store.deviceToken(hash: phone)?.revokedAt == t0 + 60)
            #expect(try store.deviceToken(hash: tablet)?.revokedAt == t0 + 60)
            let omarsRecord = try #require(try store.deviceToken(hash: omars))
            #expect(omarsRecord.revokedAt == nil)
            #expect(omarsRecord.repID == omar.id)
        }
    }

    @Test(arguments: StoreKind.available)
    func aTokenForAnUnknownRepIsRefusedAndADeactivatedRepsTokenActsForNobody(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let ghost = RepID()
            let orphan = ContractFixtures.tokenHash("c")
            #expect(throws: LeadStoreError.repNotFound(ghost)) {
                try store.saveDeviceToken(hash: orphan, repID: ghost, at: t0)
            }
            #expect(try store.deviceToken(hash: orphan) == nil)

            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let hash = ContractFixtures.tokenHash("d")
            try store.saveDeviceToken(hash: hash, repID: rita.id, at: t0)
            #expect(try store.deviceToken(hash: hash)?.repIsActive == true)
            try store.deactivateRep(id: rita.id)
            let record = try #require(try store.deviceToken(hash: hash))
            #expect(record.repIsActive == false)
            #expect(record.revokedAt == nil)
        }
    }
}

import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// The sales roster (``LeadStore/addRep(_:)`` and its reads): one rep per normalised email,
/// listed by name, found by id or email, deactivated for good.
@Suite("Store contract: reps")
struct RepContractTests {
    @Test(arguments: StoreKind.available)
    func repsAreAddedListedByNameAndFoundByIDOrEmail(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let zoe = Rep(name: "Zoe", email: EmailAddress("Zoe@Sales.io"), territory: "BR", capacity: 10)
            let adam = Rep(name: "Adam", email: EmailAddress("adam@sales.io"))
            try store.addRep(zoe)
            try store.addRep(adam)
            #expect(try store.reps() == [adam, zoe])
            #expect(try store.rep(id: zoe.id) == zoe)
            #expect(try store.rep(email: EmailAddress(" zoe@sales.IO ")) == zoe)
            #expect(try store.rep(id: RepID()) == nil)
            #expect(try store.rep(email: EmailAddress("nobody@sales.io")) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func aSecondRepWithTheSameEmailIsRefused(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let zoe = Rep(name: "Zoe", email: EmailAddress("zoe@sales.io"))
            try store.addRep(zoe)
            #expect(throws: LeadStoreError.repEmailTaken("zoe@sales.io")) {
                try store.addRep(Rep(name: "Zoe Two", email: EmailAddress(" ZOE@sales.io")))
            }
            #expect(try store.reps() == [zoe])
        }
    }

    @Test(arguments: StoreKind.available)
    func deactivationIsIdempotentAndAnUnknownRepIsNotFound(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let zoe = try ContractFixtures.addedRep("Zoe", to: store)
            let adam = try ContractFixtures.addedRep("Adam", to: store)
            try store.deactivateRep(id: zoe.id)
            try store.deactivateRep(id: zoe.id)
            #expect(try store.rep(id: zoe.id)?.isActive == false)
            #expect(try store.rep(id: adam.id)?.isActive == true)
            #expect(try store.reps().map(\.isActive) == [true, false])
            let ghost = RepID()
            #expect(throws: LeadStoreError.repNotFound(ghost)) { try store.deactivateRep(id: ghost) }
        }
    }
}

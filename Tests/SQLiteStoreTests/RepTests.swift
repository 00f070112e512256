import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Testing

@Suite("Reps")
struct RepTests {
    @Test func repsAreAddedListedByNameAndFound() throws {
        let store = try StoreFixtures.store()
        let zoe = Rep(name: "Zoe", email: EmailAddress("Zoe@Sales.io"), territory: "BR", capacity: 10)
        let adam = Rep(name: "adam", email: EmailAddress("adam@sales.io"))
        try store.addRep(zoe)
        try store.addRep(adam)
        #expect(try store.reps() == [adam, zoe])
        #expect(try store.rep(id: zoe.id) == zoe)
        #expect(try store.rep(email: EmailAddress(" zoe@sales.IO ")) == zoe)
        #expect(try store.rep(id: RepID()) == nil)
    }

    @Test func duplicateEmailIsRepEmailTaken() throws {
        let store = try StoreFixtures.store()
        try store.addRep(Rep(name: "Zoe", email: EmailAddress("zoe@sales.io")))
        #expect(throws: LeadStoreError.repEmailTaken("zoe@sales.io")) {
            try store.addRep(Rep(name: "Zoe Two", email: EmailAddress(" ZOE@sales.io")))
        }
        #expect(try store.reps().count == 1)
    }

    @Test func negativeCapacityIsRefusedByTheSchema() throws {
        let store = try StoreFixtures.store()
        #expect(throws: (any Error).self) {
            try store.addRep(Rep(name: "Neg", email: EmailAddress("neg@sales.io"), capacity: -1))
        }
    }

    @Test func deactivationIsIdempotentAndUnknownRepIsNotFound() throws {
        let store = try StoreFixtures.store()
        let rep = Rep(name: "Zoe", email: EmailAddress("zoe@sales.io"))
        try store.addRep(rep)
        try store.deactivateRep(id: rep.id)
        try store.deactivateRep(id: rep.id)
        #expect(try store.rep(id: rep.id)?.isActive == false)
        let ghost = RepID()
        #expect(throws: LeadStoreError.repNotFound(ghost)) { try store.deactivateRep(id: ghost) }
    }
}

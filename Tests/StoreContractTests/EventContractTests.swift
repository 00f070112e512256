import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Engagement events (``LeadStore/addEvents(_:)``): stored once per dedupe key, read back oldest
/// first, for one lead or a batch of leads.
@Suite("Store contract: engagement events")
struct EventContractTests {
    let t0 = ContractFixtures.t0

    @Test(arguments: StoreKind.available)
    func eventsAreStoredOncePerKeyAndReadOldestFirst(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.storedLead("E-a", in: store)
            let b = try ContractFixtures.storedLead("E-b", in: store)
            let quiet = try ContractFixtures.storedLead("E-c", in: store)
            let view = ContractFixtures.event(a, "page_view", at: t0 + 120, value: 35)
            let form = ContractFixtures.event(a, "form_submit", at: t0 + 60)
            let webinar = ContractFixtures.event(b, "webinar", at: t0)
            #expect(try store.addEvents([view, form, webinar]) == 3)

            // The same events delivered again (new ids, same keys) are skipped; only the new one counts.
            let opened = ContractFixtures.event(b, "email_open", at: t0 + 30)
            let resent = [
                ContractFixtures.event(a, "page_view", at: t0 + 120, value: 35),
                ContractFixtures.event(b, "webinar", at: t0), opened,
            ]
            #expect(try store.addEvents(resent) == 1)

            #expect(try store.events(leadID: a) == [form, view])
            #expect(try store.events(leadID: b) == [webinar, opened])
            #expect(try store.events(leadID: quiet).isEmpty)

            let byLead = try store.events(leadIDs: [a, b, quiet])
            #expect(byLead.count == 2)
            #expect(byLead[a] == [form, view])
            #expect(byLead[b] == [webinar, opened])
            #expect(byLead[quiet] == nil)
            #expect(try store.events(leadIDs: []).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func anEventOfAnUnknownLeadIsLeadNotFoundAndStoresNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.storedLead("E-a", in: store)
            let ghost = LeadID()
            #expect(throws: LeadStoreError.leadNotFound(ghost)) {
                try store.addEvents([
                    ContractFixtures.event(a, "page_view", at: t0), ContractFixtures.event(ghost, "page_view", at: t0),
                ])
            }
            #expect(try store.events(leadID: a).isEmpty)
            #expect(try store.addEvents([ContractFixtures.event(a, "page_view", at: t0)]) == 1)
        }
    }
}

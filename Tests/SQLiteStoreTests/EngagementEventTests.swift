import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Testing

@Suite("Engagement events")
struct EngagementEventTests {
    let t0 = StoreFixtures.t0

    @Test func sameEventDeliveredTwiceIsStoredOnce() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        let view = EngagementEvent(leadID: id, type: "page_view", occurredAt: t0 + 10, value: 30)
        let open = EngagementEvent(leadID: id, type: "email_open", occurredAt: t0, dedupeKey: "esp-123")
        #expect(try store.addEvents([view, open, view]) == 2)
        var redelivered = view
        redelivered.id = EventID()
        #expect(try store.addEvents([redelivered]) == 0)
        #expect(try store.events(leadID: id) == [open, view])
    }

    @Test func eventForUnknownLeadStoresNothing() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        let ghost = LeadID()
        #expect(throws: LeadStoreError.leadNotFound(ghost)) {
            try store.addEvents([
                EngagementEvent(leadID: id, type: "page_view", occurredAt: t0),
                EngagementEvent(leadID: ghost, type: "page_view", occurredAt: t0),
            ])
        }
        #expect(try store.events(leadID: id).isEmpty)
    }

    @Test func eventsOfSeveralLeadsAreGroupedByLead() throws {
        let store = try StoreFixtures.store()
        let a = try StoreFixtures.storedLead(store, email: "a@example.com")
        let b = try StoreFixtures.storedLead(store, email: "b@example.com")
        let c = try StoreFixtures.storedLead(store, email: "c@example.com")
        let events = [
            EngagementEvent(leadID: a, type: "webinar", occurredAt: t0 + 5),
            EngagementEvent(leadID: b, type: "page_view", occurredAt: t0),
            EngagementEvent(leadID: a, type: "page_view", occurredAt: t0),
        ]
        try store.addEvents(events)
        let grouped = try store.events(leadIDs: [a, b, c])
        #expect(grouped[a] == [events[2], events[0]])
        #expect(grouped[b] == [events[1]])
        #expect(grouped[c] == nil)
    }
}

import Foundation
import LeadModel
import SyncProtocol
import Testing

/// The effect of every intent on every stage, as a table, without a database (issue 16 step 1).
@Suite("Mutation rules")
struct MutationRulesTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    static func effect(_ intent: MutationIntent, on stage: LifecycleStage?, expected: LifecycleStage? = nil)
        -> Result<MutationEffect, MutationRejectionCode>
    {
        MutationRules.effect(
            of: intent, expectedStage: expected, on: stage.map { LeadMutationState(stage: $0, isOwnedByPusher: true) },
            at: now)
    }

    @Test(arguments: [
        (MutationIntent.accept, LifecycleStage.assigned, LifecycleStage?.some(.accepted), RemovalReason?.none),
        (.accept, .accepted, nil, nil),
        (.convert, .accepted, .converted, .converted),
        (.convert, .assigned, nil, nil),
        (.rejecting(.noBudget), .assigned, .recycled, .recycled),
        (.rejecting(.noBudget), .accepted, .recycled, .recycled),
        (.rejecting(.notICP), .assigned, .disqualified, .disqualified),
    ])
    func verdictsMoveTheStageTheTableAllows(
        intent: MutationIntent, from: LifecycleStage, to: LifecycleStage?, leaves: RemovalReason?
    ) {
        switch Self.effect(intent, on: from) {
        case .success(let effect):
            #expect(effect.stageMove?.from == from)
            #expect(effect.stageMove?.to == to)
            #expect(effect.leavesScope == leaves)
        case .failure(let code):
            #expect(to == nil)
            #expect(code == .invalidTransition)
        }
    }

    @Test func refusalsNameTheirCode() {
        #expect(Self.effect(.accept, on: nil) == .failure(.unknownLead))
        #expect(
            MutationRules.effect(
                of: .accept, expectedStage: nil, on: LeadMutationState(stage: .assigned, isOwnedByPusher: false),
                at: Self.now) == .failure(.notAssigned))
        #expect(Self.effect(.accept, on: .recycled) == .failure(.notAssigned))
        #expect(Self.effect(.accept, on: .accepted, expected: .assigned) == .failure(.stale))
        #expect(
            Self.effect(.reject(reason: "nope", note: nil, reentryDate: nil), on: .assigned) == .failure(.unknownReason)
        )
        #expect(Self.effect(.rejecting(.other), on: .assigned) == .failure(.noteRequired))
        #expect(Self.effect(.addNote(text: "  "), on: .assigned) == .failure(.invalidMutation))
        #expect(Self.effect(.addNote(text: String(repeating: "n", count: 4_001)), on: .assigned) == .failure(.tooLarge))
        #expect(
            Self.effect(.correctContact(ContactCorrection(email: "not an email")), on: .assigned)
                == .failure(.invalidMutation))
        #expect(
            Self.effect(.correctContact(ContactCorrection(phone: "  ")), on: .assigned) == .failure(.invalidMutation))
    }

    @Test func coolDownsCountFromThePushOrTheReentryDate() throws {
        let budget = try Self.effect(.rejecting(.noBudget), on: .assigned).get()
        #expect(budget.coolDownUntil == Self.now + 30 * 86_400)
        let reentry = Self.now + 45 * 86_400
        let timing = try Self.effect(
            .reject(reason: "bad_timing", note: "  call in spring ", reentryDate: reentry), on: .assigned
        ).get()
        #expect(timing.coolDownUntil == reentry)
        #expect(timing.stageMove?.note == "call in spring")
        let correction = try Self.effect(.correctContact(ContactCorrection(company: " Acme ")), on: .accepted).get()
        #expect(correction.contactCorrection?.company == "Acme")
        #expect(correction.stageMove == nil && correction.leavesScope == nil)
    }

    /// The device's offline check reads the same table as the server.
    @Test func allowedStagesComeFromTheTransitionTable() {
        #expect(MutationRules.allowedStages(for: .accept) == [.assigned])
        #expect(MutationRules.allowedStages(for: .convert) == [.accepted])
        #expect(MutationRules.allowedStages(for: .rejecting(.noBudget)) == [.assigned, .accepted])
        #expect(MutationRules.allowedStages(for: .addNote(text: "x")) == [.assigned, .accepted])
    }
}

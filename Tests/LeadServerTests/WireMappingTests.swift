import Foundation
import LeadModel
import SyncAPI
import SyncProtocol
import Testing

/// The contract and the domain list the same names: every domain case has a wire case (the
/// mapping would trap otherwise) and round-trips.
@Suite struct WireMappingTests {
    @Test(arguments: MutationRejectionCode.allCases)
    func everyRejectionCodeIsInTheContract(_ code: MutationRejectionCode) {
        #expect(MutationRejectionCode(Components.Schemas.MutationRejectionCode(code)) == code)
    }

    @Test(arguments: LifecycleStage.allCases)
    func everyStageIsInTheContract(_ stage: LifecycleStage) {
        #expect(LifecycleStage(Components.Schemas.LifecycleStage(stage)) == stage)
    }

    @Test(arguments: RemovalReason.allCases)
    func everyRemovalReasonIsInTheContract(_ reason: RemovalReason) {
        #expect(RemovalReason(Components.Schemas.RemovalReason(reason)) == reason)
    }

    @Test func everySyncErrorCodeIsAProblemCode() {
        for code in SyncError.allCodes {
            #expect(Components.Schemas.ProblemCode(rawValue: code) != nil, "\(code) missing from ProblemCode")
        }
    }

    @Test func everyReasonCodeIsInTheContract() {
        #expect(Set(ReasonCode.allCases.map(\.rawValue)) == Set(Components.Schemas.ReasonCode.allCases.map(\.rawValue)))
    }

    @Test func pushRequestRoundTripsThroughTheWire() throws {
        let lead = LeadID()
        let request = PushRequest(
            clientID: "d1",
            mutations: [
                Mutation(clientID: "d1", mutationID: 1, leadID: lead, intent: .accept),
                Mutation(clientID: "d1", mutationID: 2, leadID: lead, intent: .rejecting(.badTiming, note: "Q3")),
                Mutation(clientID: "d1", mutationID: 3, leadID: lead, intent: .addNote(text: "called")),
                Mutation(
                    clientID: "d1", mutationID: 4, leadID: lead, intent: .correctContact(ContactCorrection(phone: "+1"))
                ),
                Mutation(clientID: "d1", mutationID: 5, leadID: lead, intent: .convert),
            ])
        #expect(try PushRequest(wire: Components.Schemas.PushRequest(request)) == request)
    }
}

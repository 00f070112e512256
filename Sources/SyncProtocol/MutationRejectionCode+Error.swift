/// A rejection code is the failure side of ``MutationRules/effect(of:expectedStage:on:at:)``'s
/// `Result`: a permanent answer to one mutation, never thrown across a push.
extension MutationRejectionCode: Error {}

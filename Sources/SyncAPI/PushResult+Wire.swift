internal import Foundation
package import SyncProtocol

extension Components.Schemas.PushResult {
    /// The wire form of a push's answer: its results in the order the mutations were sent, and
    /// the client's last applied id before the push.
    package init(_ answer: PushAnswer, protocolVersion: SyncProtocolVersion = .current) {
        self.init(
            protocolVersion: Int32(clamping: protocolVersion.rawValue),
            results: answer.results.map(Components.Schemas.MutationResult.init),
            lastAppliedMutationID: answer.lastAppliedBefore)
    }
}

extension PushAnswer {
    /// The domain form of a wire push answer (the device side).
    package init(wire: Components.Schemas.PushResult) {
        self.init(
            results: wire.results.map(SyncProtocol.PushResult.init(wire:)),
            lastAppliedBefore: wire.lastAppliedMutationID)
    }
}

extension Components.Schemas.MutationResult {
    /// The wire form of one mutation's outcome: `applied`, `duplicate`, or `rejected` with its code.
    package init(_ result: SyncProtocol.PushResult) {
        switch result.outcome {
        case .applied: self.init(mutationID: result.mutationID, status: .applied)
        case .duplicate: self.init(mutationID: result.mutationID, status: .duplicate)
        case .rejected(let code):
            self.init(mutationID: result.mutationID, status: .rejected, code: .init(code))
        }
    }
}

extension SyncProtocol.PushResult {
    /// The domain form of a wire mutation result (the device side). A `rejected` result without a
    /// code is read as `invalid_mutation`.
    package init(wire: Components.Schemas.MutationResult) {
        let outcome: PushOutcome
        switch wire.status {
        case .applied: outcome = .applied
        case .duplicate: outcome = .duplicate
        case .rejected: outcome = .rejected(wire.code.map(MutationRejectionCode.init) ?? .invalidMutation)
        }
        self.init(mutationID: wire.mutationID, outcome: outcome)
    }
}

extension Components.Schemas.MutationRejectionCode {
    /// The wire form of a rejection code (same names).
    package init(_ code: MutationRejectionCode) {
        self = Self(rawValue: code.rawValue)!
    }
}

extension MutationRejectionCode {
    /// The domain form of a wire rejection code (same names).
    package init(_ wire: Components.Schemas.MutationRejectionCode) {
        self = Self(rawValue: wire.rawValue)!
    }
}

internal import Foundation
internal import LeadModel
package import SyncProtocol

extension SyncProtocol.PushRequest {
    /// The domain push request of a wire one: every mutation gets the request's client id.
    /// - Throws: ``WireMappingError`` naming `mutations[i].leadID` when a lead id is not a UUID.
    package init(wire: Components.Schemas.PushRequest) throws(WireMappingError) {
        var mutations: [Mutation] = []
        mutations.reserveCapacity(wire.mutations.count)
        for (index, mutation) in wire.mutations.enumerated() {
            let leadID = try WireIdentifiers.leadID(mutation.leadID, field: "mutations[\(index)].leadID")
            mutations.append(
                Mutation(
                    clientID: wire.clientID, mutationID: mutation.mutationID, leadID: leadID,
                    intent: MutationIntent(mutation.intent),
                    expectedStage: mutation.expectedStage.map(LifecycleStage.init)
                ))
        }
        self.init(
            protocolVersion: SyncProtocolVersion(rawValue: Int(wire.protocolVersion)), clientID: wire.clientID,
            mutations: mutations, acknowledgedThrough: wire.acknowledgedThrough)
    }
}

extension Components.Schemas.PushRequest {
    /// The wire form of a domain push request (the device side).
    package init(_ request: SyncProtocol.PushRequest) {
        self.init(
            protocolVersion: Int32(clamping: request.protocolVersion.rawValue), clientID: request.clientID,
            mutations: request.mutations.map {
                Components.Schemas.Mutation(
                    mutationID: $0.mutationID, leadID: $0.leadID.description, intent: .init($0.intent),
                    expectedStage: $0.expectedStage.map(Components.Schemas.LifecycleStage.init))
            }, acknowledgedThrough: request.acknowledgedThrough)
    }
}

extension MutationIntent {
    /// The domain form of a wire intent. The reject reason stays text: an unknown code is the
    /// server's to refuse per mutation (`unknown_reason`), not a decoding failure.
    package init(_ wire: Components.Schemas.MutationIntent) {
        switch wire {
        case .accept: self = .accept
        case .convert: self = .convert
        case .addNote(let note): self = .addNote(text: note.text)
        case .correctContact(let correction): self = .correctContact(ContactCorrection(correction.fields))
        case .reject(let reject):
            self = .reject(reason: reject.reason, note: reject.note, reentryDate: reject.reentryDate)
        }
    }
}

extension Components.Schemas.MutationIntent {
    /// The wire form of a domain intent.
    package init(_ intent: MutationIntent) {
        switch intent {
        case .accept: self = .accept(.init(kind: .accept))
        case .convert: self = .convert(.init(kind: .convert))
        case .addNote(let text): self = .addNote(.init(kind: .addNote, text: text))
        case .correctContact(let correction):
            self = .correctContact(.init(kind: .correctContact, fields: .init(correction)))
        case .reject(let reason, let note, let reentryDate):
            self = .reject(.init(kind: .reject, reason: reason, note: note, reentryDate: reentryDate))
        }
    }
}

extension ContactCorrection {
    /// The domain form of wire contact fields.
    package init(_ wire: Components.Schemas.ContactFields) {
        self.init(
            firstName: wire.firstName, lastName: wire.lastName, email: wire.email, phone: wire.phone,
            title: wire.title, company: wire.company)
    }
}

extension Components.Schemas.ContactFields {
    /// The wire form of a contact correction.
    package init(_ correction: ContactCorrection) {
        self.init(
            email: correction.email, phone: correction.phone, firstName: correction.firstName,
            lastName: correction.lastName, title: correction.title, company: correction.company)
    }
}

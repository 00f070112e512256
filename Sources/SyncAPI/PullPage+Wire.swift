internal import Foundation
internal import LeadModel
package import SyncProtocol

extension Components.Schemas.PullPage {
    /// The wire form of a pull page, stamped with `protocolVersion`.
    package init(_ page: PullPage, protocolVersion: SyncProtocolVersion = .current) {
        self.init(
            protocolVersion: Int32(clamping: protocolVersion.rawValue), cursor: page.cursor.text,
            hasMore: page.hasMore, upserts: page.upserts.map(Components.Schemas.SyncedLead.init),
            removals: page.removals.map {
                Components.Schemas.LeadRemoval(leadID: $0.leadID.description, reason: .init($0.reason))
            },
            scopeCount: page.scopeCount, scopeHash: page.scopeHash, repID: page.repID?.description,
            limits: page.limits.map {
                Components.Schemas.SyncLimits(
                    maxRequestBytes: $0.maxRequestBytes, maxMutationsPerPush: $0.maxMutationsPerPush,
                    maxNoteLength: $0.maxNoteLength)
            })
    }
}

extension PullPage {
    /// The domain pull page of a wire one (the device side).
    /// - Throws: ``WireMappingError`` naming the field when an id or the cursor does not parse.
    package init(wire: Components.Schemas.PullPage) throws(WireMappingError) {
        let cursor: SyncCursor
        do {
            cursor = try SyncCursor(parsing: wire.cursor)
        } catch {
            throw WireMappingError(field: "cursor", problem: error.description)
        }
        var upserts: [SyncedLead] = []
        upserts.reserveCapacity(wire.upserts.count)
        for (index, lead) in wire.upserts.enumerated() {
            upserts.append(try SyncedLead(wire: lead, field: "upserts[\(index)]"))
        }
        var removals: [LeadRemoval] = []
        for (index, removal) in wire.removals.enumerated() {
            let id = try WireIdentifiers.leadID(removal.leadID, field: "removals[\(index)].leadID")
            removals.append(LeadRemoval(leadID: id, reason: RemovalReason(removal.reason)))
        }
        var repID: RepID?
        if let text = wire.repID {
            guard let id = RepID(uuidString: text) else {
                throw WireMappingError(field: "repID", problem: "'\(text)' is not a UUID")
            }
            repID = id
        }
        self.init(
            cursor: cursor, hasMore: wire.hasMore, upserts: upserts, removals: removals,
            scopeCount: wire.scopeCount, scopeHash: wire.scopeHash, repID: repID,
            limits: wire.limits.map {
                SyncLimits(
                    maxRequestBytes: $0.maxRequestBytes, maxMutationsPerPush: $0.maxMutationsPerPush,
                    maxNoteLength: $0.maxNoteLength)
            })
    }
}

extension Components.Schemas.RemovalReason {
    /// The wire form of a removal reason.
    package init(_ reason: RemovalReason) {
        switch reason {
        case .reassigned: self = .reassigned
        case .recycled: self = .recycled
        case .disqualified: self = .disqualified
        case .converted: self = .converted
        case .deleted: self = .deleted
        }
    }
}

extension RemovalReason {
    /// The domain form of a wire removal reason.
    package init(_ wire: Components.Schemas.RemovalReason) {
        switch wire {
        case .reassigned: self = .reassigned
        case .recycled: self = .recycled
        case .disqualified: self = .disqualified
        case .converted: self = .converted
        case .deleted: self = .deleted
        }
    }
}

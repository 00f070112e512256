internal import Foundation
internal import LeadModel
package import SyncProtocol

extension Components.Schemas.SyncedLead {
    /// The wire form of a lead in a rep's scope.
    package init(_ lead: SyncedLead) {
        self.init(
            leadID: lead.leadID.description, version: lead.version, externalID: lead.externalID,
            firstName: lead.firstName, lastName: lead.lastName, email: lead.email, phone: lead.phone,
            company: lead.company, title: lead.title, country: lead.country, city: lead.city, source: lead.source,
            doNotEmail: lead.doNotEmail, doNotCall: lead.doNotCall, stage: .init(lead.stage),
            scoreTotal: lead.scoreTotal, fitScore: lead.fitScore, engagementScore: lead.engagementScore,
            grade: lead.grade.map(Components.Schemas.Grade.init), modelVersion: lead.modelVersion,
            topContributions: lead.topContributions.map(Components.Schemas.ScoreContribution.init),
            assignedAt: lead.assignedAt,
            notes: lead.notes.map { Components.Schemas.SyncedNote(text: $0.text, createdAt: $0.createdAt) })
    }
}

extension SyncedLead {
    /// The domain form of a wire lead (the device side).
    /// - Parameter field: the lead's JSON path, built only for an error.
    /// - Throws: ``WireMappingError`` naming `field.leadID` when the id is not a UUID.
    package init(wire: Components.Schemas.SyncedLead, field: @autoclosure () -> String) throws(WireMappingError) {
        self.init(
            leadID: try WireIdentifiers.leadID(wire.leadID, field: "\(field()).leadID"), version: wire.version,
            externalID: wire.externalID, firstName: wire.firstName, lastName: wire.lastName, email: wire.email,
            phone: wire.phone, company: wire.company, title: wire.title, country: wire.country, city: wire.city,
            source: wire.source, doNotEmail: wire.doNotEmail, doNotCall: wire.doNotCall,
            stage: LifecycleStage(wire.stage), scoreTotal: wire.scoreTotal, fitScore: wire.fitScore,
            engagementScore: wire.engagementScore, grade: wire.grade.map(Grade.init), modelVersion: wire.modelVersion,
            topContributions: wire.topContributions.map(ScoreContribution.init), assignedAt: wire.assignedAt,
            notes: wire.notes.map { SyncedNote(text: $0.text, createdAt: $0.createdAt) })
    }
}

import LeadModel
import StoreContract

extension ImportSummary {
    /// Counts what one row's upsert did: its outcome, and how it found its lead.
    mutating func count(_ upsert: LeadUpsert, of record: IntakeRecord) {
        switch upsert.outcome {
        case .created: created += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .merged(let leadID):
            merged.append(MergedRow(row: record.rowNumber, leadID: leadID, dedupeKey: record.dedupeKey))
        }
        switch upsert.identity {
        case .dedupeKey: break
        case .emailOfIdentifiedLead: identifiedByEmail += 1
        case .adoptedExternalID: externalIDsAdopted += 1
        case .sharesEmailWith(let others):
            guard case .created(let leadID) = upsert.outcome else { break }
            sharedEmails.append(
                SharedEmailRow(
                    row: record.rowNumber, leadID: leadID, externalID: record.lead.externalID ?? "",
                    email: record.lead.email?.normalized ?? "", otherExternalIDs: others))
        }
    }
}

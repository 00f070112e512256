public import LeadModel

extension Lead {
    /// This stored lead with the imported content of `self` and `row` combined, for an import row
    /// that is this lead: each field, attribute and outcome is the winning side's where it has
    /// one, the other's otherwise; consent flags are or-ed (a "do not email" is respected whichever side
    /// said it). Identity, stage and history stay this lead's.
    ///
    /// A second row of the same run passes `rowWins: false` (the stored values win, the lead only
    /// gains what it lacked); a row found through its email passes `rowWins: true` (its values
    /// replace the lead's where it has them).
    public func combining(_ row: Lead, rowWins: Bool) -> Lead {
        let (winner, other) = rowWins ? (row, self) : (self, row)
        var combined = self
        combined.externalID = winner.externalID ?? other.externalID
        combined.firstName = winner.firstName ?? other.firstName
        combined.lastName = winner.lastName ?? other.lastName
        combined.email = winner.email ?? other.email
        combined.phone = winner.phone ?? other.phone
        combined.company = winner.company ?? other.company
        combined.title = winner.title ?? other.title
        combined.country = winner.country ?? other.country
        combined.city = winner.city ?? other.city
        combined.source = winner.source ?? other.source
        combined.doNotEmail = doNotEmail || row.doNotEmail
        combined.doNotCall = doNotCall || row.doNotCall
        combined.createdAt = winner.createdAt ?? other.createdAt
        combined.attributes = other.attributes.merging(winner.attributes) { _, kept in kept }
        combined.postContactAttributes = other.postContactAttributes.merging(winner.postContactAttributes) {
            _, kept in kept
        }
        combined.outcome = winner.outcome ?? other.outcome
        return combined
    }
}

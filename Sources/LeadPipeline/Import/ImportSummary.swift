import Foundation
public import LeadModel

/// What one import run did (SPEC §8; ../shared/cases/import/README.md): rows read, leads
/// created, updated, unchanged, merged, rows rejected with the place and reason of each.
public struct ImportSummary: Codable, Sendable, Hashable {
    /// The file imported, as given.
    public var file: String
    /// Data rows read (the header is not counted).
    public var rowsRead: Int
    /// Leads created by this run.
    public var created: Int
    /// Stored leads whose imported values changed.
    public var updated: Int
    /// Stored leads the file repeated exactly.
    public var unchanged: Int
    /// Rows that repeated a lead already written by this run (same dedupe key), with where they went.
    public var merged: [MergedRow]
    /// Rows not imported, each with its row number (header = row 1), column and reason.
    public var rejected: [RejectedRow]
    /// Rows without an external id that were the lead with an external id and the same
    /// normalised email (one person, one lead); counted within created/updated/unchanged/merged.
    public var identifiedByEmail: Int
    /// Leads without an external id that adopted a row's new external id (same normalised email).
    public var externalIDsAdopted: Int
    /// New leads whose normalised email other leads with different external ids already have:
    /// kept apart (different ids are different leads) and reported for a person to check.
    public var sharedEmails: [SharedEmailRow]
    /// Whether the run was committed: `false` when `--strict` refused it because a row was rejected.
    public var committed: Bool
    /// The scoring of the created and changed leads under the model in force; `nil` when no
    /// model is set or nothing was created or changed.
    public var scoring: ScoringRunSummary?
    /// Wall time of the whole run (scoring included), in seconds.
    public var durationSeconds: Double

    /// An empty summary for `file`.
    public init(file: String) {
        self.file = file
        self.rowsRead = 0
        self.created = 0
        self.updated = 0
        self.unchanged = 0
        self.merged = []
        self.rejected = []
        self.identifiedByEmail = 0
        self.externalIDsAdopted = 0
        self.sharedEmails = []
        self.committed = true
        self.scoring = nil
        self.durationSeconds = 0
    }
}

/// A row that repeated a lead the same run had already written.
public struct MergedRow: Codable, Sendable, Hashable {
    /// The row number (header = row 1).
    public var row: Int
    /// The lead it was merged into.
    public var leadID: LeadID
    /// The dedupe key both rows share (`email:john.doe@example.com`).
    public var dedupeKey: String

    /// A merged row.
    public init(row: Int, leadID: LeadID, dedupeKey: String) {
        self.row = row
        self.leadID = leadID
        self.dedupeKey = dedupeKey
    }
}

/// A row that was not imported.
public struct RejectedRow: Codable, Sendable, Hashable {
    /// The row number (header = row 1).
    public var row: Int
    /// The CSV column at fault, when one is.
    public var column: String?
    /// Why, in words a marketing-ops person can act on.
    public var reason: String

    /// A rejected row.
    public init(row: Int, column: String?, reason: String) {
        self.row = row
        self.column = column
        self.reason = reason
    }
}

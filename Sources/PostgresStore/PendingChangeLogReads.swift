/// What appending to a rep's change log reads, sent under its lock and not waited for yet
/// (``PostgresLeadStore/sendChangeLogReads(repID:leadIDs:in:)``).
struct PendingChangeLogReads {
    /// The leads whose latest rows were asked for (and as many sequence values).
    let leadIDs: Set<String>
    /// One row: the scope's digest (`scope_count`, `scope_hash`, `NULL` for an empty log), the
    /// leads with a row, their latest rows' `seq` and `kind` (arrays, `NULL` for none), and the
    /// sequence values.
    let reads: PostgresPendingRows
}

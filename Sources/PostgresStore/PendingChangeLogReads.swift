/// What appending to a rep's change log reads, sent under its lock and not waited for yet
/// (``PostgresLeadStore/sendChangeLogReads(repID:leadIDs:in:)``).
struct PendingChangeLogReads {
    /// The leads whose latest rows were asked for (and as many sequence values).
    let leadIDs: Set<String>
    let latestDigest: PostgresPendingRows
    let latestRows: PostgresPendingRows
    let sequenceValues: PostgresPendingRows
}

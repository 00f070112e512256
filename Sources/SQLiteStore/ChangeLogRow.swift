import StoreContract
import SyncProtocol

/// One `change_log` row as ``ChangeLogBatch`` sends it to SQLite: an element of the JSON array
/// its one `INSERT … SELECT` reads, `[seq, lead id, kind, removal reason, scope count, scope hash]`
/// (kind `upsert` or `removal`; the reason `null` for an upsert; the hash as a signed 64-bit
/// integer, as SQLite stores it).
struct ChangeLogRow: Encodable {
    var seq: Int64
    var leadID: String
    var removal: RemovalReason?
    var scopeCount: Int
    var scopeHash: Int64

    func encode(to encoder: any Encoder) throws {
        var row = encoder.unkeyedContainer()
        try row.encode(seq)
        try row.encode(leadID)
        try row.encode(removal == nil ? "upsert" : "removal")
        try row.encode(removal?.rawValue)
        try row.encode(scopeCount)
        try row.encode(scopeHash)
    }
}

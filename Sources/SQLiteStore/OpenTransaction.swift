import GRDB
import StoreContract

/// The write transaction ``SQLiteLeadStore/atomically(_:)`` holds open on the current thread
/// (bound through ``ThreadBoundTransaction``, keyed by the store's database writer): the store's
/// verbs called inside the scope run on its connection.
final class OpenTransaction {
    let database: Database

    init(_ database: Database) { self.database = database }

    /// The open transaction's connection on this thread for `writer`, if any.
    static func current(for writer: any DatabaseWriter) -> Database? {
        ThreadBoundTransaction.current(for: writer, as: OpenTransaction.self)?.database
    }
}

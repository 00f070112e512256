import Foundation
import GRDB
import StoreContract

/// The write transaction ``SQLiteLeadStore/atomically(_:)`` holds open on the current thread, so
/// that the store's verbs called inside it join it instead of opening their own.
///
/// GRDB runs a write's closure synchronously on the calling thread, so everything the closure
/// calls runs on that thread too: a thread-local binding reaches exactly the calls made inside it,
/// and never a request served concurrently on another thread. Keyed by the database writer, so a
/// second store used inside the scope keeps its own transactions.
final class OpenTransaction {
    private let database: Database
    private static let key = "LeadRelay.OpenTransaction"

    private init(_ database: Database) { self.database = database }

    /// The open transaction's connection on this thread for `writer`, if any.
    static func current(for writer: any DatabaseWriter) -> Database? {
        let bindings = Thread.current.threadDictionary[key] as? [ObjectIdentifier: OpenTransaction]
        return bindings?[ObjectIdentifier(writer)]?.database
    }

    /// Runs `body` with `database` bound as `writer`'s open transaction on this thread.
    static func bind<T>(_ database: Database, of writer: any DatabaseWriter, _ body: () throws -> T) rethrows -> T {
        let thread = Thread.current
        var bindings = thread.threadDictionary[key] as? [ObjectIdentifier: OpenTransaction] ?? [:]
        bindings[ObjectIdentifier(writer)] = OpenTransaction(database)
        thread.threadDictionary[key] = bindings
        defer {
            var remaining = thread.threadDictionary[key] as? [ObjectIdentifier: OpenTransaction] ?? [:]
            remaining[ObjectIdentifier(writer)] = nil
            thread.threadDictionary[key] = remaining.isEmpty ? nil : remaining
        }
        return try body()
    }
}

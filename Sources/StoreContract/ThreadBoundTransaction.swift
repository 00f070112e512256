import Foundation

/// The open transaction of a store's `atomically`, bound to the current thread so that the store's
/// verbs called inside the scope join it (``TransactionalStore/atomically(_:)``).
///
/// Both stores run a verb synchronously on its caller's thread, so a thread-local binding reaches
/// exactly the calls made inside the scope, and never a request served concurrently on another
/// thread. Bindings are keyed by an owner object (the store's database writer or connection pool),
/// so a second store used inside the scope keeps its own transactions.
package enum ThreadBoundTransaction {
    private static let key = "LeadRelay.ThreadBoundTransaction"

    /// The transaction bound on this thread for `owner`, if any.
    package static func current<Open: AnyObject>(for owner: AnyObject, as type: Open.Type = Open.self) -> Open? {
        let bindings = Thread.current.threadDictionary[key] as? [ObjectIdentifier: AnyObject]
        return bindings?[ObjectIdentifier(owner)] as? Open
    }

    /// Runs `body` with `open` bound as `owner`'s transaction on this thread.
    package static func bind<Open: AnyObject, T>(_ open: Open, to owner: AnyObject, _ body: () throws -> T) rethrows
        -> T
    {
        let thread = Thread.current
        var bindings = thread.threadDictionary[key] as? [ObjectIdentifier: AnyObject] ?? [:]
        bindings[ObjectIdentifier(owner)] = open
        thread.threadDictionary[key] = bindings
        defer {
            var remaining = thread.threadDictionary[key] as? [ObjectIdentifier: AnyObject] ?? [:]
            remaining[ObjectIdentifier(owner)] = nil
            thread.threadDictionary[key] = remaining.isEmpty ? nil : remaining
        }
        return try body()
    }
}

/// A store opened for one test, and what removes it afterwards (a temporary folder for a file
/// store, nothing for one in memory): the clean-up runs when the last reference goes away. Keep it
/// alive while the store is used (``StoreKind/withStore(_:)`` does).
final class OpenedStore: Sendable {
    /// The store under test, seen only through the contract's protocols.
    let store: any ContractStore
    /// Removes what the store left behind.
    private let cleanup: @Sendable () -> Void

    /// A store and its clean-up (none by default).
    init(store: any ContractStore, cleanup: @escaping @Sendable () -> Void = {}) {
        self.store = store
        self.cleanup = cleanup
    }

    deinit { cleanup() }
}

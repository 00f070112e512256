/// A store whose verbs can be grouped into one transaction: what a pipeline verb (a rep's
/// deactivation with its re-routing, a routing run, an import with its scoring) needs to be all or
/// nothing, whichever store implementation runs it.
public protocol TransactionalStore: Sendable {
    /// Runs `body` as one transaction: every call it makes on this store joins it, and they
    /// commit together when `body` returns, or none does when it throws. A call inside that throws
    /// leaves nothing of itself behind, even when `body` catches the error and goes on. Nested
    /// calls join the outer one.
    /// - Throws: what `body` throws, after the rollback; a store error.
    func atomically<T>(_ body: () throws -> T) throws -> T
}

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

    /// Inside ``atomically(_:)``: waits until no other transaction, in any process, holds the
    /// lock of the job `name`, then holds it until this transaction ends. Follow-up rounds (SLA,
    /// recycling), routing runs and deactivations take theirs, so two processes never run the
    /// same job over the same leads at once (two SLA rounds escalating one lead twice).
    /// - Throws: the store's contention error when the wait is longer than its lock timeout.
    func lockJob(_ name: String) throws
}

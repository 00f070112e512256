import NIOCore
import PostgresNIO

/// A statement's answer not waited for yet (``PostgresSession/sendRows(_:_:)``).
struct PostgresPendingRows {
    let answer: EventLoopFuture<PostgresQueryResult>
    let session: PostgresSession

    /// Waits for the statement's rows.
    /// - Throws: the server's error, or the error of a statement enqueued before it.
    func wait() throws -> [PostgresRandomAccessRow] {
        do {
            return try answer.wait().rows.map { $0.makeRandomAccess() }
        } catch {
            try session.flush()
            throw error
        }
    }
}

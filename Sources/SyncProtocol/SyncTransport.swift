/// The device sync engine's port to the server (implemented over HTTP by `SyncClient`, by an
/// in-memory fake in tests). Both sides agree on these shapes.
public protocol SyncTransport: Sendable {
    /// Pulls one page of changes after `request.cursor`.
    /// - Throws: ``SyncError`` for a refused request (`resync_required`,
    ///   `unsupported_protocol_version`, `unauthorized`, …); other errors are transport failures
    ///   (worth a retry).
    func pull(_ request: PullRequest) async throws -> PullPage

    /// Pushes mutations in order; answers one result per mutation, in the request's order, with
    /// the server's last applied id for the client before the push.
    /// - Throws: ``SyncError`` for a refused request (`forbidden` for a client id bound to
    ///   another rep, …); other errors are transport failures (retry: pushes are idempotent).
    func push(_ request: PushRequest) async throws -> PushAnswer
}

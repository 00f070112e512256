public import Hummingbird

/// Runs `app` (the HTTP server and its services, such as the removal pruner) until SIGTERM or
/// SIGINT, then shuts down gracefully: the listener closes, requests in flight finish, services
/// stop. Also returns when the calling task is cancelled.
/// - Throws: When the address cannot be bound or a service fails.
public func runUntilShutdown(_ app: LeadRelayApplication) async throws {
    try await app.runService()
}

import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The store's connections: opened on demand, kept idle for reuse up to ``maximumIdle``, each used
/// by one caller at a time. Connections run on NIO's shared event-loop group; the store waits for
/// them on its callers' threads.
final class PostgresConnectionPool: Sendable {
    /// Connections kept open between uses.
    static let maximumIdle = 8

    let location: PostgresStoreLocation
    private let logger: Logger
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)

    init(location: PostgresStoreLocation, logger: Logger = Logger(label: "LeadRelay.PostgresStore")) {
        self.location = location
        self.logger = logger
    }

    /// Runs `body` with a connection of its own, returned to the pool afterwards (closed instead
    /// when `body` threw a connection-level error).
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let result = try body(PostgresSession(connection: connection, logger: logger))
            checkIn(connection)
            return result
        } catch {
            if connection.isClosed { return try rethrow(error) }
            checkIn(connection)
            throw error
        }
    }

    private func rethrow<T>(_ error: any Error) throws -> T { throw error }

    private func checkOut() throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: location.connectionConfiguration, id: id,
            logger: logger
        ).wait()
        do {
            _ = try connection.query(
                "SET lock_timeout = '\(unescaped: String(PostgresContention.lockTimeoutSeconds))s'", logger: logger
            ).wait()
        } catch {
            let closing: EventLoopFuture<Void> = connection.close()
            try? closing.wait()
            throw error
        }
        return connection
    }

    private func checkIn(_ connection: PostgresConnection) {
        let surplus = idle.withLock { connections -> PostgresConnection? in
            guard connections.count < Self.maximumIdle else { return connection }
            connections.append(connection)
            return nil
        }
        if let surplus { let _: EventLoopFuture<Void> = surplus.close() }
    }

    deinit { close() }

    /// Closes the idle connections (the store is going away).
    func close() {
        for connection in idle.withLock({ connections in
            defer { connections = [] }; return connections
        }) {
            let closing: EventLoopFuture<Void> = connection.close()
            try? closing.wait()
        }
    }
}

import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import PostgresStore
import SQLiteStore
import StoreContract
import SyncProtocol
import TestSupport

/// A server's store (a temporary SQLite file, or a fresh PostgreSQL database) plus the admin verbs
/// the tests need (reps, tokens, leads handed to reps), and a live server over it (``LiveServer``).
final class SyncWorld: Sendable {
    let folder: TemporaryFolder
    let databasePath: String
    let store: any HandoffStoreServices
    let tokens: DeviceTokens
    let assignment: LeadAssignment
    let keepsDatabase: Bool
    /// The PostgreSQL server and database this world made, dropped with it (`nil` on SQLite).
    private let postgres: (server: PostgresStoreLocation, database: String)?

    /// The store options an admin verb takes to reach this world's store.
    var storeArguments: [String] {
        if let postgres { return ["--database", postgres.server.with(database: postgres.database).connectionURL] }
        return ["--db", databasePath]
    }

    /// A world with an empty store of the given kind (a fresh database on the test cluster for
    /// PostgreSQL).
    convenience init(_ kind: ServerStoreKind) throws {
        switch kind {
        case .sqlite: try self.init()
        case .postgres:
            guard let url = ServerStoreKind.postgresServerURL else { throw SeedError.noPostgresServer }
            try self.init(postgresServer: url)
        }
    }

    private init(postgresServer url: String) throws {
        folder = try TemporaryFolder()
        databasePath = folder.path("unused.sqlite")
        let server = try PostgresStoreLocation(url: url)
        let name = "leadrelay_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresDatabaseAdmin.create(name, on: server)
        postgres = (server, name)
        store = try PostgresLeadStore(location: server.with(database: name))
        tokens = DeviceTokens(store: store)
        assignment = LeadAssignment(store: store)
        keepsDatabase = false
    }

    /// A world with an empty store. `databaseFolder` puts the server's file elsewhere (a RAM disk
    /// for the large cases).
    init(databaseFolder: String? = nil) throws {
        folder = try TemporaryFolder()
        if let databaseFolder {
            let sub = URL(fileURLWithPath: databaseFolder).appendingPathComponent("leadrelay-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            databasePath = sub.appendingPathComponent("server.sqlite").path
        } else {
            databasePath = folder.path("server.sqlite")
        }
        store = try SQLiteLeadStore(path: databasePath)
        tokens = DeviceTokens(store: store)
        assignment = LeadAssignment(store: store)
        keepsDatabase = false
        postgres = nil
    }

    /// A world over the store file at `databasePath` (kept after the test: the benchmark seed).
    init(databasePath: String) throws {
        folder = try TemporaryFolder()
        self.databasePath = databasePath
        keepsDatabase = true
        store = try SQLiteLeadStore(path: databasePath)
        tokens = DeviceTokens(store: store)
        assignment = LeadAssignment(store: store)
        postgres = nil
    }

    deinit {
        if let postgres { try? PostgresDatabaseAdmin.drop(postgres.database, on: postgres.server) }
        if !keepsDatabase && !databasePath.hasPrefix(folder.url.path) {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: databasePath).deletingLastPathComponent())
        }
    }

    /// A device home folder in this world's temporary folder.
    func device(_ name: String) -> Device { Device(home: folder.path("home-\(name)")) }

    /// Adds an active rep and issues a device token for it.
    func rep(_ name: String) throws -> (RepID, String) {
        let rep = Rep(name: name, email: EmailAddress("\(name.lowercased())@example.com"))
        try store.addRep(rep)
        return (rep.id, try tokens.issue(repID: rep.id))
    }

    /// Imports `count` synthetic leads (scored 0…count-1 with the given model version when set)
    /// and moves them to `mql`. Returns their ids in import order.
    func seedQualifiedLeads(_ count: Int, prefix: String = "L") throws -> [LeadID] {
        let now = Date()
        let leads = (0..<count).map { index in
            Lead(
                externalID: "\(prefix)\(index)", firstName: "First\(index)", lastName: "Last\(index)",
                email: EmailAddress("\(prefix.lowercased())\(index)@example.com"), company: "Company \(index % 97)",
                title: "Head of Things", country: "India", city: "Mumbai", source: "google", createdAt: now)
        }
        var ids: [LeadID] = []
        ids.reserveCapacity(count)
        for chunk in stride(from: 0, to: count, by: 5_000) {
            let outcomes = try store.importLeads(runID: ImportRunID()) { session in
                try leads[chunk..<min(count, chunk + 5_000)].map {
                    try session.upsert($0, dedupeKey: $0.externalID!).outcome
                }
            }
            for outcome in outcomes {
                guard case .created(let id) = outcome else { throw SeedError.notCreated }
                ids.append(id)
            }
        }
        // Bulk: every move in one transaction, as a scoring run would make them.
        try store.transition(
            ids.map { StageTransitionRequest(leadID: $0, to: .mql, trigger: .score, actor: "test:score", at: now) })
        return ids
    }

    /// `new` → `mql`, as a scoring run would do for a qualified lead.
    func toMQL(_ id: LeadID) throws {
        try store.transition(
            StageTransitionRequest(leadID: id, to: .mql, trigger: .score, actor: "test:score", at: Date()))
    }

    /// Hands leads to a rep, in one transaction.
    func assign(_ ids: [LeadID], to rep: RepID) throws {
        try assignment.assign(ids, to: rep, actor: "admin:test")
    }

    /// The lead's stage on the server.
    func stage(_ id: LeadID) throws -> LifecycleStage? { try store.lead(id: id)?.stage }

    enum SeedError: Error { case notCreated, noPostgresServer }
}

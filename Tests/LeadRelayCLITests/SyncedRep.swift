import LeadModel
import LeadServer

/// The opening of most end-to-end cases: rep R1 with qualified leads handed to them, the server
/// live on port 0 over a new world, and R1's device D1 logged in and synced.
struct SyncedRep {
    let world: SyncWorld
    let rep: RepID
    let token: String
    let leads: [LeadID]
    let server: LiveServer
    let device: Device

    struct OpeningFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts it all.
    /// - Parameters:
    ///   - count: the leads handed to R1.
    ///   - maxRequestBodyBytes: the server's body limit.
    ///   - kind: the server's store.
    /// - Throws: ``OpeningFailed`` when the login or the first sync fails.
    static func start(
        leads count: Int, maxRequestBodyBytes: Int = ServerConfiguration.defaultMaxRequestBodyBytes,
        store kind: ServerStoreKind = .sqlite
    ) async throws -> SyncedRep {
        let world = try SyncWorld(kind)
        let (rep, token) = try world.rep("R1")
        let leads = try world.seedQualifiedLeads(count)
        try world.assign(leads, to: rep)
        let server = try await LiveServer.start(world, maxRequestBodyBytes: maxRequestBodyBytes)
        let device = world.device("D1")
        let login = await device.run("login", "--server", server.url, "--token", token)
        guard login.status == 0 else { throw OpeningFailed(description: "login: \(login.errorOutput)") }
        let sync = await device.run("sync")
        guard sync.status == 0 else { throw OpeningFailed(description: "first sync: \(sync.errorOutput)") }
        return SyncedRep(world: world, rep: rep, token: token, leads: leads, server: server, device: device)
    }
}

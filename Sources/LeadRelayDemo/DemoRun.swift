import CommandLineSupport
import Foundation
import LeadModel
import LeadPipeline
import SyncProtocol

/// One demo run: each step is a real `leadrelay-server` or `leadrelay` command run in process,
/// followed by what it did, read back from the server's store.
public struct DemoRun: Sendable {
    /// What the demo runs on.
    public struct Settings: Sendable {
        /// The leads CSV.
        public var leadsFile: String
        /// Its column mapping (YAML).
        public var mappingFile: String
        /// The scoring model (JSON or YAML).
        public var modelFile: String
        /// How many reps to create (at least 2: one works the leads, another is left to log in as).
        public var repCount: Int
        /// The folder for the server's store (`server.sqlite`) and the reps' CLI homes.
        public var home: String
        /// Whether to leave the server running until Ctrl-C.
        public var keepRunning: Bool
        /// A PostgreSQL store's `postgres://` URL (`--database`): the server's store is there,
        /// instead of `server.sqlite` in `home`. The database must hold no leads yet.
        public var databaseURL: String? = nil
        /// Whether `home` is a temporary folder the demo made and removes when it ends (no `--home`,
        /// no `--keep-running`).
        public var removesHome: Bool

        /// Settings; files must exist and `home` must not hold a store yet.
        public init(
            leadsFile: String, mappingFile: String, modelFile: String, repCount: Int, home: String, keepRunning: Bool,
            removesHome: Bool = false
        ) {
            self.removesHome = removesHome
            self.leadsFile = leadsFile
            self.mappingFile = mappingFile
            self.modelFile = modelFile
            self.repCount = repCount
            self.home = home
            self.keepRunning = keepRunning
        }
    }

    /// What it runs on.
    public let settings: Settings

    /// A run with these settings.
    public init(settings: Settings) { self.settings = settings }

    var databasePath: String { URL(fileURLWithPath: settings.home).appendingPathComponent("server.sqlite").path }

    /// The store options every admin verb of the demo takes.
    var storeArguments: [String] {
        if let url = settings.databaseURL { return ["--database", url] }
        return ["--db", databasePath]
    }

    /// Where the server's store is, as the transcript names it (a URL without its password).
    var storeDescription: String {
        if let url = settings.databaseURL,
            let location = try? StoreLocation.choose(
                databaseURL: url, path: databasePath, environment: [:])
        {
            return "\(location) (PostgreSQL)"
        }
        return "\(databasePath) (embedded SQLite)"
    }

    func repHome(_ number: Int) -> String {
        URL(fileURLWithPath: settings.home).appendingPathComponent("rep-\(number)").path
    }

    static func repEmail(_ number: Int) -> String { "rep\(number)@demo.leadrelay.example" }

    /// Runs every step, printing the transcript to ``DemoOutput/current``.
    /// - Returns: the figures it printed.
    /// - Throws: ``DemoFailure`` naming the step that failed.
    public func run() async throws -> DemoFigures {
        let out = DemoOutput.current
        var figures = DemoFigures()
        do {
            try FileManager.default.createDirectory(atPath: settings.home, withIntermediateDirectories: true)
        } catch {
            throw DemoFailure("cannot create the demo folder \(settings.home): \(error.localizedDescription)")
        }
        out.line("LeadRelay demo: the whole hand-off on real data, through the real command code.")
        out.line("Store: \(storeDescription)")
        out.line()

        // 1. Import.
        out.line("1. Import: leadrelay-server import leads \(settings.leadsFile) --mapping \(settings.mappingFile)")
        let imported = await CapturedCommand.server(
            [
                "import", "leads", settings.leadsFile, "--mapping", settings.mappingFile,
            ] + storeArguments)
        out.indented(imported.output)
        let store = try openStore()
        figures.imported = try store.leadCount()
        // Rejected rows give exit status 1 with the good rows kept: the demo goes on with those.
        if figures.imported == 0 { _ = try imported.checked("leadrelay-server import leads") }
        out.line("   => leads imported: \(NumberText.grouped(figures.imported))")
        out.line()

        // 2. Score.
        out.line("2. Score: leadrelay-server model set \(settings.modelFile)")
        let scored = try await CapturedCommand.server(
            [
                "model", "set", settings.modelFile, "--note", "leadrelay-demo",
            ] + storeArguments
        ).checked("leadrelay-server model set")
        out.indented(scored)
        figures.mqls = try store.leadCountsByStage()[.mql] ?? 0
        out.line(
            "   => MQLs: \(NumberText.grouped(figures.mqls)) of \(NumberText.grouped(figures.imported)) leads meet the qualification definition"
        )
        out.line()

        // 3. Reps and device tokens.
        let capacity = max(1, (figures.mqls + settings.repCount - 1) / settings.repCount)
        out.line(
            "3. Reps: \(settings.repCount) reps (capacity \(NumberText.grouped(capacity)) open leads each), one device token each"
        )
        var tokens: [String] = []
        for number in 1...settings.repCount {
            let email = Self.repEmail(number)
            _ = try await CapturedCommand.server(
                [
                    "reps", "add", "Rep \(number)", "--email", email, "--capacity", String(capacity),
                ] + storeArguments
            ).checked("leadrelay-server reps add")
            let issued = try await CapturedCommand.server(["tokens", "issue", "--rep", email] + storeArguments)
                .checked("leadrelay-server tokens issue")
            guard let token = issued.split(separator: "\n").first.map(String.init), !token.isEmpty else {
                throw DemoFailure("`leadrelay-server tokens issue` printed no token")
            }
            tokens.append(token)
            out.line("   Rep \(number) <\(email)>: token \(token.prefix(6))… issued")
        }
        out.line()

        // 4. Route.
        out.line(
            "4. Route: leadrelay-server route (handoff's router: territory, remaining capacity, highest score first)")
        let routedJSON = try await CapturedCommand.server(["route", "--json"] + storeArguments).checked(
            "leadrelay-server route")
        let routing = try JSONDecoder().decode(RoutingSummary.self, from: Data(routedJSON.utf8))
        figures.leadsPerRep = routing.perRep
        figures.overflow = routing.overflow
        out.line(
            "   routed \(NumberText.grouped(routing.routed)), merged duplicates \(routing.mergedDuplicates), overflow \(routing.overflow)"
        )
        for number in 1...settings.repCount {
            let email = Self.repEmail(number)
            out.line("   => leads for Rep \(number): \(NumberText.grouped(routing.perRep[email] ?? 0))")
        }
        out.line()

        // 5. Server.
        let server = try await DemoServer.start(storeArguments: storeArguments, adminToken: UUID().uuidString)
        figures.serverURL = server.url
        out.line("5. Serve: leadrelay-server serve --port 0 => listening on \(server.url)")
        out.line()
        do {
            try await repSession(server: server, token: tokens[0], store: store, figures: &figures)
        } catch {
            await server.stop()
            throw error
        }

        // 8. Quality report.
        out.line("8. Quality report: leadrelay-server report quality")
        let report = try await CapturedCommand.server(["report", "quality"] + storeArguments).checked(
            "leadrelay-server report quality")
        out.indented(report)
        figures.qualityReportPrinted = !report.isEmpty
        out.line()

        try await finish(server: server, secondToken: tokens[1])
        return figures
    }

    /// Steps 6 and 7: rep 1's CLI against the live server, then what the server made of it.
    func repSession(server: DemoServer, token: String, store: LeadRelayBackend, figures: inout DemoFigures)
        async throws
    {
        let out = DemoOutput.current
        let home = repHome(1)
        out.line(
            "6. Rep 1 on the rep's CLI (the real `leadrelay` command code; every command below takes --home \(home))")
        let client = { (arguments: [String]) async throws -> String in
            let shown = arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
            out.line("   $ leadrelay \(shown)")
            var full = arguments
            full.insert(contentsOf: ["--home", home], at: 1)
            let output = try await CapturedCommand.client(full).checked("leadrelay \(arguments[0])")
            out.indented(output, prefix: "     ")
            return output
        }
        // `--token=T`: a token may start with `-`, which would read as an option after a space.
        _ = try await client(["login", "--server", server.url, "--token=\(token)"])
        let firstSync = try await client(["sync"])
        figures.pulled = Self.count(after: "pulled ", in: firstSync) ?? 0
        out.line("   => leads pulled: \(NumberText.grouped(figures.pulled))")
        _ = try await client(["leads", "--limit", "5"])
        let listed = try await CapturedCommand.client(["leads", "--json", "--home", home]).checked(
            "leadrelay leads --json")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let leads = try decoder.decode([SyncedLead].self, from: Data(listed.utf8))
        guard leads.count >= 4 else {
            throw DemoFailure("rep 1 has \(leads.count) leads; the demo needs 4 (give more leads or fewer --reps)")
        }
        let acceptedID = leads[0].leadID
        let rejections: [(LeadID, String, String)] = [
            (leads[1].leadID, "no_budget", "no budget until next fiscal year"),
            (leads[2].leadID, "bad_timing", "call back next quarter"),
        ]
        _ = try await client(["accept", Self.short(acceptedID)])
        for (id, reason, note) in rejections {
            _ = try await client(["reject", Self.short(id), "--reason", reason, "--note", note])
        }
        // A verdict on a lead that left the rep while the device was offline: the server refuses
        // it (`not_assigned`, case S11) and `leadrelay status` shows why.
        let reassignedID = leads[3].leadID
        _ = try await client(["accept", Self.short(reassignedID)])
        out.line("   (meanwhile the sales manager reassigns \(Self.short(reassignedID)) to Rep 2)")
        _ = try await CapturedCommand.server(
            ["leads", "assign", reassignedID.description, "--rep", Self.repEmail(2)] + storeArguments
        ).checked("leadrelay-server leads assign")
        let secondSync = try await client(["sync"])
        _ = try await client(["status"])
        out.line()

        out.line("7. On the server")
        // `pushed` counts the mutations the server applied (or had applied); `refused` the others.
        let pushed = Self.count(after: "pushed ", in: secondSync) ?? 0
        let refused = Self.count(after: "refused ", in: secondSync) ?? 0
        figures.verdictsApplied = pushed
        figures.verdictsRefused = refused
        out.line("   => verdicts applied: \(figures.verdictsApplied) (pushed \(pushed), refused \(refused))")
        if try store.lead(id: acceptedID)?.stage == .accepted { figures.accepted = 1 }
        out.line("   => accepted: \(figures.accepted) (\(Self.short(acceptedID)))")
        var recycledText: [String] = []
        for (id, _, _) in rejections {
            guard let change = try store.stageHistory(leadID: id).last(where: { $0.to == .recycled }) else { continue }
            let reason = change.reason?.rawValue ?? "?"
            figures.recycled[id.description] = reason
            recycledText.append("\(Self.short(id)) \(reason)" + (change.note.map { " (\"\($0)\")" } ?? ""))
        }
        out.line("   => leads recycled: \(figures.recycled.count): " + recycledText.joined(separator: ", "))
        out.line()
    }

    /// Stops the server, or with `keepRunning` prints how to log in as rep 2 and waits for Ctrl-C.
    func finish(server: DemoServer, secondToken: String) async throws {
        let out = DemoOutput.current
        guard settings.keepRunning else {
            await server.stop()
            if settings.removesHome {
                out.line("Done: the server has stopped and the temporary folder \(settings.home) is removed.")
                out.line("Run again with --home DIR to keep the store, or --keep-running to log in as another rep.")
            } else {
                out.line("Done: the server has stopped. Its store stays in \(storeDescription).")
                out.line("Run again with --keep-running to keep the server up and log in as another rep.")
            }
            return
        }
        out.line("The server keeps running at \(server.url). Log in as Rep 2 from another terminal:")
        out.line("   token: \(secondToken)")
        let tokenArgument = secondToken.hasPrefix("-") ? "--token=\(secondToken)" : "--token \(secondToken)"
        out.line("   swift run leadrelay login --home \(repHome(2)) --server \(server.url) \(tokenArgument)")
        out.line("   swift run leadrelay sync --home \(repHome(2))")
        out.line("   swift run leadrelay leads --limit 10 --home \(repHome(2))")
        let storeOption = settings.databaseURL == nil ? "--db \(databasePath)" : "--database <the same URL>"
        out.line("Admin verbs work on the same store: swift run leadrelay-server report funnel \(storeOption)")
        out.line("Press Ctrl-C to stop the server.")
        await server.waitUntilStopped()
        out.line("Server stopped.")
    }

    func openStore() throws -> LeadRelayBackend {
        do {
            return try LeadRelayBackend.open(
                StoreLocation.choose(databaseURL: settings.databaseURL, path: databasePath, environment: [:]))
        } catch {
            throw DemoFailure("cannot open the demo store \(storeDescription): \(error)")
        }
    }

    /// The first 8 characters of a lead id: a unique prefix the CLI accepts.
    static func short(_ id: LeadID) -> String { String(id.description.prefix(8)) }

    /// The number after `label` in a summary line (`pulled 12`).
    static func count(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}

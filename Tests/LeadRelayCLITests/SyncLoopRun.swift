import Foundation
import GRDB
import LeadModel
import LeadPipeline
import LeadScoring
import LocalStore
import PostgresStore
import SQLiteStore
import StoreContract
import SyncProtocol
import TestSupport

/// One model-based run of the whole loop (issue 14): the real server store and sync service in
/// process, three real device stores and sync engines in a temporary folder (two devices of one
/// rep, one of another), driven by a list of ``SyncLoopOperation``s. Every push is checked
/// against ``SyncLoopModel`` as the server answers it; every page as it is served; every device
/// after every step and at the end.
///
/// Driven by one task at a time: the state is not shared between tasks (hence unchecked).
final class SyncLoopRun: @unchecked Sendable {
    /// What broke, with the step it broke at.
    struct Violation: Error, CustomStringConvertible {
        let description: String
    }

    /// A device: its home's database file, the store on it, its rep, and its copies.
    struct DeviceState {
        var path: String
        var database: LocalDatabase
        var rep: RepID
        var copies: [String] = []
    }

    /// Counts for the README's figures.
    struct Figures: Sendable {
        var steps = 0
        var faults = 0
        var syncs = 0
        var verdicts = 0
        var pushAnswersChecked = 0
        var pagesChecked = 0
    }

    static let serverURL = "http://in-process.leadrelay.test"

    let folder: TemporaryFolder
    var serverPath: String
    var store: any HandoffStoreServices
    /// The server's store kind; on PostgreSQL, its database (dropped with the run). Server
    /// backups and restores are the SQLite verbs: on PostgreSQL those steps change nothing (a
    /// PostgreSQL restore is pg_restore with a new epoch, docs/OPERATIONS.md).
    let kind: ServerStoreKind
    private let postgres: (server: PostgresStoreLocation, database: String)?
    var service: SyncService
    var model = SyncLoopModel()
    let reps: [RepID]
    var devices: [DeviceState] = []
    var serverBackups: [(path: String, model: SyncLoopModel)] = []
    /// Every lead each rep ever had in scope: a device holds no other lead.
    var everInScope: [RepID: Set<LeadID>] = [:]
    /// Every lead imported, with the lead as imported (for updates).
    var imported: [(id: LeadID, lead: Lead)] = []
    let scoringModel: ScoringModel
    var violations: [String] = []
    var figures = Figures()
    var fileCounter = 0

    init(kind: ServerStoreKind = .sqlite) throws {
        folder = try TemporaryFolder()
        serverPath = folder.path("server-0.sqlite")
        self.kind = kind
        if kind == .postgres, let url = ServerStoreKind.postgresServerURL {
            let server = try PostgresStoreLocation(url: url)
            let name = "leadrelay_mbt_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresDatabaseAdmin.create(name, on: server)
            postgres = (server, name)
        } else {
            postgres = nil
        }
        store = try Self.openServerStore(path: serverPath, postgres: postgres)
        service = SyncService(store: store)
        var reps: [RepID] = []
        for name in ["Rita", "Sam", "Uma"] {
            let rep = Rep(name: name, email: EmailAddress("\(name.lowercased())@example.com"))
            try store.addRep(rep)
            reps.append(rep.id)
        }
        self.reps = reps
        let document = """
            {"version": 1, "name": "webinars",
             "fitRules": [{"id": "india", "label": "In India", "field": "country", "equals": "India", "points": 10}],
             "engagementRules": [{"id": "webinar", "label": "Attended a webinar", "eventType": "webinar", "points": 15, "cap": 90}],
             "gradeBands": {"a": 80, "b": 40, "c": 10},
             "qualification": {"threshold": 5}}
            """
        var scoring = try JSONDecoder().decode(ScoringModel.self, from: Data(document.utf8))
        scoring.version = try store.saveScoringModel(document: document, createdBy: "test:mbt", note: nil, at: Date())
        scoringModel = scoring
        for (index, rep) in [reps[0], reps[0], reps[1]].enumerated() {
            let path = folder.path("device-\(index)-0.sqlite")
            let database = try LocalDatabase(path: path)
            try database.logIn(serverURL: Self.serverURL, token: "token-\(index)", repID: rep)
            devices.append(DeviceState(path: path, database: database, rep: rep))
        }
    }

    deinit {
        if let postgres { try? PostgresDatabaseAdmin.drop(postgres.database, on: postgres.server) }
    }

    private static func openServerStore(
        path: String, postgres: (server: PostgresStoreLocation, database: String)?
    ) throws -> any HandoffStoreServices {
        if let postgres { return try PostgresLeadStore(location: postgres.server.with(database: postgres.database)) }
        return try SQLiteLeadStore(path: path)
    }

    func nextPath(_ prefix: String) -> String {
        fileCounter += 1
        return folder.path("\(prefix)-\(fileCounter).sqlite")
    }

    // MARK: Running

    /// Runs `steps`, then stops the faults and brings every device up to date.
    /// - Returns: the first violation, or `nil` when every invariant held.
    func execute(_ steps: [SyncLoopOperation]) async -> String? {
        for (index, step) in steps.enumerated() {
            figures.steps += 1
            if step.isFault { figures.faults += 1 }
            do {
                try await perform(step)
                try checkDevicesHoldOnlyTheirReps()
            } catch {
                violations.append("step \(index) \(step): \(error)")
            }
            if let first = violations.first { return first }
        }
        do {
            try await finish()
        } catch {
            violations.append("at the end: \(error)")
        }
        return violations.first
    }

    func perform(_ step: SyncLoopOperation) async throws {
        switch step {
        case .addLeads(let count, let rep): try addLeads(count, rep: rep)
        case .updateLead(let lead): try updateLead(lead)
        case .reassign(let lead, let rep): try reassign(lead, rep: rep)
        case .deactivateRep(let rep): try deactivate(rep)
        case .engagement(let lead): try engagement(lead)
        case .verdict(let device, let lead, let kind): try verdict(device: device, lead: lead, kind: kind)
        case .sync(let device, let pageLimit): try await sync(device: device, pageLimit: pageLimit)
        case .cutSync(let device, let pageLimit, let cutAt):
            try await cutSync(device: device, pageLimit: pageLimit, cutAt: cutAt)
        case .restartServer:
            store = try Self.openServerStore(path: serverPath, postgres: postgres)
            service = SyncService(store: store)
        case .backUpServer:
            guard let sqlite = store as? SQLiteLeadStore else { return }
            let path = nextPath("backup")
            try sqlite.backup(to: path)
            serverBackups.append((path, model))
        case .restoreServer(let backup):
            guard !serverBackups.isEmpty, kind == .sqlite else { return }
            let chosen = serverBackups[Int(backup % UInt64(serverBackups.count))]
            let path = nextPath("server")
            try SQLiteLeadStore.restore(backup: chosen.path, to: path)
            serverPath = path
            store = try SQLiteLeadStore(path: path)
            service = SyncService(store: store)
            model = chosen.model
        case .backUpDevice(let index):
            let path = nextPath("device-\(index)-copy")
            try devices[index].database.backup(to: path)
            devices[index].copies.append(path)
        case .restoreDevice(let index, let copy):
            let copies = devices[index].copies
            guard !copies.isEmpty else { return }
            let path = nextPath("device-\(index)")
            try FileManager.default.copyItem(atPath: copies[Int(copy % UInt64(copies.count))], toPath: path)
            let database = try LocalDatabase(path: path)
            guard let rep = try database.session()?.repID else {
                throw Violation(description: "a device copy without its rep")
            }
            devices[index] = DeviceState(path: path, database: database, rep: rep, copies: copies)
        case .tamperDevice(let index, let pick, let edit):
            let leads = try devices[index].database.leads(sort: .age)
            guard !leads.isEmpty else { return }
            let id = leads[Int(pick % UInt64(leads.count))].lead.leadID
            let sql = [
                "DELETE FROM lead WHERE id = ?", "UPDATE lead SET stage = 'accepted' WHERE id = ?",
                "UPDATE lead SET score_total = coalesce(score_total, 0) + 1 WHERE id = ?",
                "UPDATE lead SET document = CAST(replace(CAST(document AS TEXT), 'example.com', 'example.org') AS BLOB) WHERE id = ?",
            ][edit % 4]
            let outside = try DatabaseQueue(path: devices[index].path)
            try await outside.write { db in try db.execute(sql: sql, arguments: [id.description]) }
            try outside.close()
        case .switchRep(let index, let pick):
            let others = reps.filter { $0 != devices[index].rep }
            let rep = others[Int(pick % UInt64(others.count))]
            try devices[index].database.wipe()
            try devices[index].database.logIn(serverURL: Self.serverURL, token: "token-\(index)-\(rep)", repID: rep)
            devices[index].rep = rep
        }
    }

    // MARK: The operator's and manager's steps

    var activeReps: [RepID] {
        get throws { try store.reps().filter(\.isActive).map(\.id).sorted() }
    }

    func addLeads(_ count: Int, rep pick: UInt64) throws {
        let active = try activeReps
        guard !active.isEmpty else { return }
        let rep = active[Int(pick % UInt64(active.count))]
        let first = imported.count + 1
        let leads = (0..<count).map { offset in
            let number = first + offset
            return Lead(
                externalID: "L\(number)", firstName: "First\(number)", lastName: "Last\(number)",
                email: EmailAddress("l\(number)@example.com"), company: "Company \(number % 7)",
                title: "Head of Things",
                country: "India", city: "Mumbai", source: "google", createdAt: Date())
        }
        let outcomes = try store.importLeads(runID: ImportRunID()) { session in
            try leads.map { try session.upsert($0, dedupeKey: $0.externalID!).outcome }
        }
        var ids: [LeadID] = []
        for (lead, outcome) in zip(leads, outcomes) {
            guard case .created(let id) = outcome else { throw Violation(description: "import did not create \(lead)") }
            ids.append(id)
            imported.append((id, lead))
        }
        try store.transition(
            ids.map { StageTransitionRequest(leadID: $0, to: .mql, trigger: .score, actor: "test:score", at: Date()) })
        try LeadAssignment(store: store).assign(ids, to: rep, actor: "admin:mbt")
        try noteScopes()
    }

    /// A lead among those still in the store, picked by `pick`.
    func existingLead(_ pick: UInt64, stage: Set<LifecycleStage>? = nil) throws -> (LeadID, Lead)? {
        var candidates: [(LeadID, Lead)] = []
        for (id, lead) in imported {
            guard let current = try store.lead(id: id) else { continue }
            if let stage, !stage.contains(current.stage) { continue }
            candidates.append((id, lead))
        }
        guard !candidates.isEmpty else { return nil }
        return candidates[Int(pick % UInt64(candidates.count))]
    }

    func updateLead(_ pick: UInt64) throws {
        guard let (_, lead) = try existingLead(pick) else { return }
        var changed = lead
        changed.title = "Title \(fileCounter)-\(pick % 1_000)"
        fileCounter += 1
        _ = try store.importLeads(runID: ImportRunID()) { session in
            try session.upsert(changed, dedupeKey: changed.externalID!)
        }
    }

    func reassign(_ pick: UInt64, rep repPick: UInt64) throws {
        guard let (id, _) = try existingLead(pick, stage: [.assigned]) else { return }
        let owner = try store.owner(of: id)
        let others = try activeReps.filter { $0 != owner }
        guard !others.isEmpty else { return }
        try LeadAssignment(store: store).assign(id, to: others[Int(repPick % UInt64(others.count))], actor: "admin:mbt")
        try noteScopes()
    }

    func deactivate(_ pick: UInt64) throws {
        let active = try activeReps
        guard active.count > 2 else { return }
        let rep = active[Int(pick % UInt64(active.count))]
        // Their open leads go to other reps or, when nobody can take one, out of their scope into
        // overflow, as in production.
        _ = try RepDeactivation(store: store).run(rep)
        try noteScopes()
    }

    func engagement(_ pick: UInt64) throws {
        guard let (id, _) = try existingLead(pick) else { return }
        _ = try store.addEvents([
            EngagementEvent(leadID: id, type: "webinar", occurredAt: Date().addingTimeInterval(-Double(pick % 86_400)))
        ])
        _ = try ScoringRun(store: store).run(model: scoringModel, leadIDs: [id])
        try noteScopes()
    }

    /// Records which leads each rep has in scope now.
    func noteScopes() throws {
        for (id, _) in imported {
            guard let lead = try store.lead(id: id), lead.stage.isInRepScope, let owner = try store.owner(of: id) else {
                continue
            }
            everInScope[owner, default: []].insert(id)
        }
    }

    // MARK: The rep's steps

    func verdict(device index: Int, lead pick: UInt64, kind: UInt64) throws {
        let database = devices[index].database
        let leads = try database.leads(sort: .age)
        guard !leads.isEmpty else { return }
        let local = leads[Int(pick % UInt64(leads.count))]
        let recyclable: [ReasonCode] = [.noBudget, .badTiming, .noNeed, .noResponse]
        let disqualifying: [ReasonCode] = [.notICP, .competitor, .spam]
        let intent: MutationIntent
        switch kind % 10 {
        case 0, 1, 2: intent = .accept
        case 3, 4: intent = .rejecting(recyclable[Int(kind / 10 % 4)], note: kind % 3 == 0 ? "budget frozen" : nil)
        case 5: intent = .rejecting(disqualifying[Int(kind / 10 % 3)])
        case 6: intent = .convert
        case 7: intent = .addNote(text: "called \(kind % 100)")
        case 8: intent = .reject(reason: "other", note: nil, reentryDate: nil)
        default:
            // What an older or hostile client could queue: this CLI refuses the first two when
            // typed; a contact correction, with a valid or an invalid email.
            switch kind / 10 % 4 {
            case 0: intent = .addNote(text: String(repeating: "x", count: SyncLoopModel.noteLimit + 1))
            case 1: intent = .reject(reason: "budget_frozen", note: nil, reentryDate: nil)
            case 2: intent = .correctContact(ContactCorrection(email: " new\(kind % 100)@example.com ", company: "Co"))
            default: intent = .correctContact(ContactCorrection(email: "not an email \(kind % 100)"))
            }
        }
        // As the CLI names it; past a verdict of its own that takes the lead out of the scope the
        // CLI refuses another, so this (older client's) verdict names none.
        let expected: LifecycleStage? =
            switch intent {
            case .accept, .reject, .convert: local.effectiveStage.isInRepScope ? local.effectiveStage : nil
            default: nil
            }
        try database.enqueue(
            intent, leadID: local.lead.leadID, leadLabel: local.label, at: Date(), expectedStage: expected)
        figures.verdicts += 1
    }

    func engine(_ index: Int, pageLimit: Int, store local: (any SyncLocalStore)? = nil) -> SyncEngine {
        SyncEngine(
            transport: InProcessTransport(run: self, rep: devices[index].rep), store: local ?? devices[index].database,
            pageLimit: pageLimit, retryPolicy: RetryPolicy(maximumAttempts: 1), sleep: { _ in }, jitter: { 0 })
    }

    func sync(device index: Int, pageLimit: Int) async throws {
        figures.syncs += 1
        let summary = try await engine(index, pageLimit: pageLimit).sync()
        if let failure = summary.pushFailure { throw Violation(description: "the push failed: \(failure)") }
        try await checkDeviceMatchesTheServer(index)
    }

    func cutSync(device index: Int, pageLimit: Int, cutAt: Int) async throws {
        figures.syncs += 1
        let cut = CutOffStore(inner: devices[index].database, cutAt: cutAt)
        do {
            _ = try await engine(index, pageLimit: pageLimit, store: cut).sync()
        } catch is CancellationError {
            return
        }
    }

    // MARK: The server, checked as it answers

    func servePull(rep: RepID, _ request: PullRequest) throws -> PullPage {
        let page = try service.pull(repID: rep, request)
        figures.pagesChecked += 1
        for lead in page.upserts {
            guard lead.stage.isInRepScope else {
                throw Violation(description: "a page served lead \(lead.leadID) in stage \(lead.stage)")
            }
            guard try store.owner(of: lead.leadID) == rep else {
                throw Violation(description: "a page served lead \(lead.leadID) of another rep")
            }
        }
        return page
    }

    func servePush(rep: RepID, _ request: PushRequest) throws -> PushAnswer {
        var leads: [LeadID: SyncLoopModel.LeadState] = [:]
        for mutation in request.mutations where leads[mutation.leadID] == nil {
            guard let lead = try store.lead(id: mutation.leadID) else { continue }
            leads[mutation.leadID] = SyncLoopModel.LeadState(stage: lead.stage, owner: try store.owner(of: lead.id))
        }
        var predicted = model
        let expected = predicted.answer(rep: rep, request: request, leads: leads)
        let actual = try service.answerPush(repID: rep, request)
        figures.pushAnswersChecked += 1
        guard actual == expected else {
            throw Violation(
                description:
                    "push \(request.mutations.map { "#\($0.mutationID) \($0.intent.name) \($0.leadID)" }) acknowledged \(request.acknowledgedThrough.map(String.init) ?? "-"): the server answered \(Self.text(actual)), the model \(Self.text(expected))"
            )
        }
        model = predicted
        return actual
    }

    static func text(_ answer: PushAnswer) -> String {
        let results = answer.results.map { result in
            switch result.outcome {
            case .applied: return "\(result.mutationID) applied"
            case .duplicate: return "\(result.mutationID) duplicate"
            case .rejected(let code): return "\(result.mutationID) \(code.rawValue)"
            }
        }
        return "[\(results.joined(separator: ", "))] after \(answer.lastAppliedBefore.map(String.init) ?? "none")"
    }

    // MARK: Invariants

    /// The rep's scope as a new device would get it: every page from no cursor.
    func serverScope(of rep: RepID) throws -> (leads: [LeadID: SyncedLead], digest: ScopeDigest?) {
        var cursor: SyncCursor?
        var leads: [LeadID: SyncedLead] = [:]
        var digest: ScopeDigest?
        repeat {
            let page = try service.pull(repID: rep, PullRequest(cursor: cursor, limit: PullRequest.maximumLimit))
            for lead in page.upserts { leads[lead.leadID] = lead }
            for removal in page.removals { leads[removal.leadID] = nil }
            cursor = page.cursor
            digest = page.scopeDigest
            if !page.hasMore { break }
        } while true
        return (leads, digest)
    }

    /// After a sync that completed: the device holds exactly its rep's scope, field for field.
    func checkDeviceMatchesTheServer(_ index: Int) async throws {
        let device = devices[index]
        let (expected, digest) = try serverScope(of: device.rep)
        let held = try device.database.leads(sort: .age).map(\.lead)
        let heldByID = Dictionary(uniqueKeysWithValues: held.map { ($0.leadID, $0) })
        guard Set(heldByID.keys) == Set(expected.keys) else {
            throw Violation(
                description:
                    "device \(index) holds \(heldByID.count) leads, its rep's scope is \(expected.count): missing \(Set(expected.keys).subtracting(heldByID.keys)), extra \(Set(heldByID.keys).subtracting(expected.keys))"
            )
        }
        for (id, lead) in expected where heldByID[id] != lead {
            throw Violation(description: "device \(index) holds lead \(id) as \(heldByID[id]!), the server as \(lead)")
        }
        let local = try await device.database.localDigest()
        guard local == digest else {
            throw Violation(description: "device \(index) digest \(local), the server's \(String(describing: digest))")
        }
    }

    /// No device ever holds a lead that was never in its rep's scope.
    func checkDevicesHoldOnlyTheirReps() throws {
        for (index, device) in devices.enumerated() {
            for lead in try device.database.leads(sort: .age) {
                guard everInScope[device.rep, default: []].contains(lead.lead.leadID) else {
                    throw Violation(description: "device \(index) holds lead \(lead.lead.leadID), never its rep's")
                }
            }
        }
    }

    /// Faults stop: every device syncs twice (the first round's pushes change other devices'
    /// scopes); each then holds exactly its rep's scope, every verdict it holds ends applied or
    /// refused with a code, and every stage history follows the transition table.
    func finish() async throws {
        for round in 0..<2 {
            for index in devices.indices {
                let summary = try await engine(index, pageLimit: 4).sync()
                if summary.leftUnsent > 0 || summary.pushFailure != nil {
                    throw Violation(
                        description:
                            "round \(round), device \(index): \(summary.leftUnsent) left unsent, push failure \(String(describing: summary.pushFailure))"
                    )
                }
            }
        }
        for index in devices.indices {
            try await checkDeviceMatchesTheServer(index)
            for entry in try devices[index].database.outbox() {
                switch entry.state {
                case .applied: continue
                case .refused where entry.refusalCode != nil: continue
                default:
                    throw Violation(
                        description:
                            "device \(index): mutation \(entry.mutation.mutationID) ends \(entry.state.rawValue)")
                }
            }
        }
        for (id, _) in imported {
            var previous: LifecycleStage?
            for change in try store.stageHistory(leadID: id) {
                guard StageTransitionTable.allows(from: change.from, to: change.to, trigger: change.trigger) else {
                    throw Violation(
                        description:
                            "lead \(id): \(change.from) → \(change.to) by \(change.trigger) is not in the table")
                }
                if let previous, previous != change.from {
                    throw Violation(
                        description: "lead \(id): history jumps from \(previous) to a move from \(change.from)")
                }
                previous = change.to
            }
        }
    }
}

/// The sync transport in process: the real sync service, checked by the run as it answers.
struct InProcessTransport: SyncTransport {
    let run: SyncLoopRun
    let rep: RepID

    func pull(_ request: PullRequest) async throws -> PullPage { try run.servePull(rep: rep, request) }

    func push(_ request: PushRequest) async throws -> PushAnswer { try run.servePush(rep: rep, request) }
}

/// A device store that dies (as the app killed) when asked to apply its `cutAt`-th page.
final class CutOffStore: ForwardingSyncLocalStore, @unchecked Sendable {
    let inner: any SyncLocalStore
    let cutAt: Int
    private var applied = 0

    init(inner: any SyncLocalStore, cutAt: Int) {
        self.inner = inner
        self.cutAt = cutAt
    }

    func apply(_ page: PullPage) async throws {
        applied += 1
        if applied == cutAt { throw CancellationError() }
        try await inner.apply(page)
    }
}

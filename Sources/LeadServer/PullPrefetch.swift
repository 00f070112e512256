import Foundation
internal import LeadModel
internal import LeadPipeline
internal import StoreContract
internal import SyncAPI
internal import SyncProtocol
import Synchronization

/// Pull pages built ahead of their request, so that during a first sync the server builds and
/// encodes page N+1 while the device decodes and commits page N (issue 5's first-sync goal).
///
/// Why here and not in the device's engine: a device that fetched page N+1 while committing page
/// N would, when killed during that commit, have been sent two pages it never committed, and the
/// resumed sync would re-send both; case S4 allows one. Building ahead on the server keeps the
/// device strictly one request at a time (a page's rows and cursor in one local transaction, in
/// order) and still overlaps the two sides' work.
///
/// Correctness: after answering a page with `hasMore`, the handler schedules the next page (same
/// rep, the answered cursor, the same page size). It is built by ``SyncService/pull(repID:_:)``
/// after reading a ``ChangeLogMark``, and encoded as the generated handler would encode it. It is
/// served only when the mark read at the request is the same: nothing was committed to the
/// change log and nothing of the rep's was pruned since, so the bytes are those a read at the
/// request would give. Otherwise, or when it is missing, failed, or older than ``lifetime``, the
/// request goes to the handler as usual. At most ``capacity`` pages are kept (a few MB each).
final class PullPrefetch: Sendable {
    /// What a page answers: the rep, the cursor it follows, the page size asked for.
    struct Key: Hashable, Sendable {
        var repID: RepID
        var cursor: String
        var limit: Int?
    }

    /// A page built ahead: its JSON body and what scheduling the next one needs.
    struct Page: Sendable {
        var body: Data
        var cursor: SyncCursor
        var hasMore: Bool
        var mark: ChangeLogMark
    }

    private struct Entry {
        var task: Task<Page?, Never>
        var scheduled: ContinuousClock.Instant
    }

    /// The most pages kept at once: 8.
    static let capacity = 8
    /// How long a page built ahead may wait for its request: 30 seconds.
    static let lifetime: Duration = .seconds(30)

    /// The most reps whose last answered cursor is remembered (emptied when full): 10,000.
    static let answeredCapacity = 10_000

    private let sync: SyncService
    private let backend: LeadRelayBackend
    private let entries = Mutex<[Key: Entry]>([:])
    /// Each rep's cursor of the last page this process answered with more to come.
    private let answered = Mutex<[RepID: String]>([:])

    /// Pages built with `sync`, checked against `store`'s change-log mark.
    init(sync: SyncService, backend: LeadRelayBackend) {
        self.sync = sync
        self.backend = backend
    }

    /// Whether a page answered to a request with `cursor` should have its next page built ahead
    /// here: for a first page, or when this process answered the page before it. Behind a load
    /// balancer that spreads one device's requests over several processes, the next request
    /// mostly goes to another process, where a page built here would be wasted work; there each
    /// process builds only the pages it is asked for.
    func buildsAhead(repID: RepID, after cursor: SyncCursor?) -> Bool {
        guard let cursor else { return true }
        return answered.withLock { $0[repID] } == cursor.text
    }

    /// Starts building the page that follows `cursor` for the rep, with the page size `limit`.
    func schedule(repID: RepID, after cursor: SyncCursor, limit: Int?) {
        let key = Key(repID: repID, cursor: cursor.text, limit: limit)
        answered.withLock { answered in
            if answered.count >= Self.answeredCapacity, answered[repID] == nil { answered.removeAll() }
            answered[repID] = cursor.text
        }
        let task = Task { [sync, backend] () -> Page? in
            do {
                let mark = try backend.changeLogMark(repID: repID)
                // Dropped (replaced, expired, over capacity) before the read: nothing to build.
                if Task.isCancelled { return nil }
                let page = try sync.pull(repID: repID, PullRequest(cursor: cursor, limit: limit))
                let body = try JSONEncoder.leadRelayWire().encode(Components.Schemas.PullPage(page))
                return Page(body: body, cursor: page.cursor, hasMore: page.hasMore, mark: mark)
            } catch {
                return nil
            }
        }
        let now = ContinuousClock.now
        let dropped = entries.withLock { entries -> [Entry] in
            var dropped: [Entry] = []
            for (staleKey, entry) in entries where now - entry.scheduled >= Self.lifetime || staleKey == key {
                dropped.append(entries.removeValue(forKey: staleKey)!)
            }
            while entries.count >= Self.capacity,
                let oldest = entries.min(by: { $0.value.scheduled < $1.value.scheduled })
            {
                dropped.append(entries.removeValue(forKey: oldest.key)!)
            }
            entries[key] = Entry(task: task, scheduled: now)
            return dropped
        }
        for entry in dropped { entry.task.cancel() }
    }

    /// Whether a page is kept (built or being built) for any request of the rep: a cheap check
    /// before a pull's body is read to look for one.
    func holdsPages(for repID: RepID) -> Bool {
        entries.withLock { entries in entries.keys.contains { $0.repID == repID } }
    }

    /// Waits until the page scheduled for this request is built, leaving it kept (tests).
    /// - Returns: whether a page is kept for it.
    func waitUntilBuilt(repID: RepID, cursor: String, limit: Int?) async -> Bool {
        let key = Key(repID: repID, cursor: cursor, limit: limit)
        guard let task = entries.withLock({ $0[key]?.task }) else { return false }
        return await task.value != nil
    }

    /// The page built ahead for this request, when it is still the page a read now would build;
    /// `nil` otherwise (the request then goes to the handler). Waits for a page still being built.
    func take(repID: RepID, cursor: String, limit: Int?) async -> Page? {
        let key = Key(repID: repID, cursor: cursor, limit: limit)
        guard let entry = entries.withLock({ $0.removeValue(forKey: key) }) else { return nil }
        guard ContinuousClock.now - entry.scheduled < Self.lifetime, let page = await entry.task.value else {
            return nil
        }
        guard let mark = try? backend.changeLogMark(repID: repID), mark == page.mark else { return nil }
        return page
    }
}

import TestSupport

/// One step of a model-based run. Choices are raw numbers resolved against the state when the
/// step runs (a lead among those on the device, a rep among the active ones), so that any
/// subsequence of a run is still a run: what shrinking needs.
enum SyncLoopOperation: Hashable, Sendable, CustomStringConvertible {
    /// Imports `count` new leads, qualifies them and hands them to a rep.
    case addLeads(count: Int, rep: UInt64)
    /// Re-imports a lead with another title (an upsert for its rep).
    case updateLead(lead: UInt64)
    /// A manager hands an `assigned` lead to another rep.
    case reassign(lead: UInt64, rep: UInt64)
    /// A rep is deactivated: their open leads are re-routed (or released into overflow).
    case deactivateRep(rep: UInt64)
    /// An engagement event on a lead, then its rescoring.
    case engagement(lead: UInt64)
    /// The rep on a device acts on one of the leads the device shows.
    case verdict(device: Int, lead: UInt64, kind: UInt64)
    /// A sync with pages of `pageLimit`.
    case sync(device: Int, pageLimit: Int)
    /// A sync that dies while applying its `cutAt`-th page (the app killed mid-page).
    case cutSync(device: Int, pageLimit: Int, cutAt: Int)
    /// The server process restarts on the same file.
    case restartServer
    /// An operator backs the server up.
    case backUpServer
    /// The server is restored from one of the backups (the latest when `backup` is beyond them).
    case restoreServer(backup: UInt64)
    /// A device's home is copied (a phone backup).
    case backUpDevice(device: Int)
    /// A device's home is restored from one of its copies.
    case restoreDevice(device: Int, copy: UInt64)
    /// Another rep logs in on the device with `--force` (the first rep's data is wiped).
    case switchRep(device: Int, rep: UInt64)
    /// A stored lead is deleted or edited outside the app (its stage, its score, its document).
    case tamperDevice(device: Int, lead: UInt64, edit: Int)

    /// Whether the step injects a fault (a cut, a restart, a restore, a rep switch).
    var isFault: Bool {
        switch self {
        case .cutSync, .restartServer, .restoreServer, .restoreDevice, .switchRep, .tamperDevice: return true
        default: return false
        }
    }

    var description: String {
        switch self {
        case .addLeads(let count, let rep): return ".addLeads(count: \(count), rep: \(rep))"
        case .updateLead(let lead): return ".updateLead(lead: \(lead))"
        case .reassign(let lead, let rep): return ".reassign(lead: \(lead), rep: \(rep))"
        case .deactivateRep(let rep): return ".deactivateRep(rep: \(rep))"
        case .engagement(let lead): return ".engagement(lead: \(lead))"
        case .verdict(let device, let lead, let kind):
            return ".verdict(device: \(device), lead: \(lead), kind: \(kind))"
        case .sync(let device, let pageLimit): return ".sync(device: \(device), pageLimit: \(pageLimit))"
        case .cutSync(let device, let pageLimit, let cutAt):
            return ".cutSync(device: \(device), pageLimit: \(pageLimit), cutAt: \(cutAt))"
        case .restartServer: return ".restartServer"
        case .backUpServer: return ".backUpServer"
        case .restoreServer(let backup): return ".restoreServer(backup: \(backup))"
        case .backUpDevice(let device): return ".backUpDevice(device: \(device))"
        case .restoreDevice(let device, let copy): return ".restoreDevice(device: \(device), copy: \(copy))"
        case .switchRep(let device, let rep): return ".switchRep(device: \(device), rep: \(rep))"
        case .tamperDevice(let device, let lead, let edit):
            return ".tamperDevice(device: \(device), lead: \(lead), edit: \(edit))"
        }
    }

    /// A run of `count` steps drawn from `seed`: mostly verdicts and syncs, with hand-offs,
    /// scoring, and now and then a fault.
    static func plan(seed: UInt64, count: Int, devices: Int) -> [SyncLoopOperation] {
        var generator = SeededGenerator(seed: seed)
        var steps: [SyncLoopOperation] = [.addLeads(count: 4, rep: 0), .addLeads(count: 3, rep: 2)]
        while steps.count < count {
            let device = Int.random(in: 0..<devices, using: &generator)
            let pick = UInt64.random(in: 0...UInt64.max, using: &generator)
            let other = UInt64.random(in: 0...UInt64.max, using: &generator)
            switch Int.random(in: 0..<100, using: &generator) {
            case 0..<8: steps.append(.addLeads(count: Int.random(in: 1...4, using: &generator), rep: pick))
            case 8..<12: steps.append(.updateLead(lead: pick))
            case 12..<17: steps.append(.reassign(lead: pick, rep: other))
            case 17..<18: steps.append(.deactivateRep(rep: pick))
            case 18..<23: steps.append(.engagement(lead: pick))
            case 23..<53: steps.append(.verdict(device: device, lead: pick, kind: other))
            case 53..<76: steps.append(.sync(device: device, pageLimit: Int.random(in: 1...6, using: &generator)))
            case 76..<81:
                steps.append(
                    .cutSync(
                        device: device, pageLimit: Int.random(in: 1...3, using: &generator),
                        cutAt: Int.random(in: 1...3, using: &generator)))
            case 81..<84: steps.append(.restartServer)
            case 84..<88: steps.append(.backUpServer)
            case 88..<91: steps.append(.restoreServer(backup: pick))
            case 91..<95: steps.append(.backUpDevice(device: device))
            case 95..<97: steps.append(.restoreDevice(device: device, copy: pick))
            case 97..<99:
                steps.append(.tamperDevice(device: device, lead: pick, edit: Int.random(in: 0..<4, using: &generator)))
            default: steps.append(.switchRep(device: device, rep: pick))
            }
        }
        return steps
    }
}

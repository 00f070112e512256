import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// One line per sync failure that says what to do.
enum SyncFailureText {
    /// The advice for a failure; `serverURL` names the server when known.
    static func text(for failure: SyncFailure, serverURL: String? = nil) -> String {
        switch failure {
        case .refused(.unauthorized):
            return
                "the server refused this device's token (expired or revoked); log in again with 'leadrelay login --server \(serverURL ?? "URL") --token NEW_TOKEN' (your queued changes are kept)"
        case .refused(.unsupportedProtocolVersion(let version)):
            return
                "the server does not speak sync protocol \(version) any more; update leadrelay (your queued changes are kept)"
        case .refused(.repDeactivated):
            return
                "your rep account was deactivated: the server applies nothing from this device any more and your leads went to other reps; your queued changes are kept here, ask your sales manager"
        case .refused(.forbidden):
            return "the server says this token may not sync this device's data; log out and log in with your own token"
        case .refused(let error): return "the server refused the sync: \(error.description)"
        case .unavailable(let detail, let attempts):
            return
                "cannot reach the server at \(serverURL ?? "its address") after \(attempts) attempts (\(detail)); your changes are kept, run 'leadrelay sync' again later"
        case .badResponse(let detail):
            return "the server's answer could not be read (\(detail)); run 'leadrelay sync' again later"
        case .integrity:
            return "\(failure.description); run 'leadrelay sync' again"
        case .localStore(let detail): return "the local store failed (\(detail)); check the data folder's disk space"
        }
    }
}

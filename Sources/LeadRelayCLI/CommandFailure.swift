import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// A command's error that a person must act on: printed on one line to standard error, with
/// exit status 1 for a user error and 2 for a sync or server failure.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong and what to do, in one line.
    let description: String
    /// The process's exit status: 1 or 2.
    let status: Int32

    /// A user error (exit status 1): bad input, not logged in, no such lead.
    static func user(_ description: String) -> CommandFailure {
        CommandFailure(description: description, status: 1)
    }

    /// A sync or server failure (exit status 2).
    static func sync(_ description: String) -> CommandFailure {
        CommandFailure(description: description, status: 2)
    }
}

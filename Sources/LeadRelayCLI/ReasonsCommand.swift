import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay reasons`: the reason-code table (SPEC §3.2).
struct ReasonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reasons", abstract: "List the reason codes for 'leadrelay reject' and what each does.")

    /// Accepted like every verb's (the table is the same for every device).
    @OptionGroup var home: HomeOptions

    func run() throws {
        var table = TextTable("CODE", "MEANING", "WHAT HAPPENS")
        for entry in ReasonCode.table {
            var effect: String
            switch entry.disposition {
            case .recycle(let days): effect = "back to marketing for nurturing (\(days)-day cool-down)"
            case .disqualify: effect = "disqualified for good"
            }
            if entry.requiresNote { effect += "; needs --note" }
            table.append([entry.code.rawValue, entry.meaning, effect])
        }
        Console.current.line(table.rendered())
    }
}

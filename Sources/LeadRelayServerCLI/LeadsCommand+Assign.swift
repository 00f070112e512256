import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LeadPipeline
import StoreContract

extension LeadsCommand {
    /// `leads assign LEAD --rep REP`: the admin hand-off of a lead to a rep (until routing
    /// exists); a lead already with another rep is reassigned (a `reassigned` removal for them).
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand a lead to a rep (or reassign it); it reaches the rep's device on the next sync.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The lead's id, id prefix or external id.") var lead: String
        @Option(help: "The rep's id or email.") var rep: String

        func run() throws {
            let backend = try store.openBackend()
            let found = try LeadLookup(backend: backend).lead(matching: lead)
            let target = try RepLookup(backend: backend).rep(matching: rep)
            let change: LeadAssignmentChange
            do {
                change = try backend.assignment().assign(found.id, to: target.id, actor: "admin-cli")
            } catch let error as LeadStoreError {
                throw CommandFailure(error.description)
            } catch let error as StageTransitionError {
                throw CommandFailure("lead \(found.id): \(error.description)")
            }
            let from = change.previousRep.map { $0 == target.id ? "" : " (reassigned from rep \($0))" } ?? ""
            Console.current.line("assigned lead \(found.id) to \(target.name) <\(target.email.address)>\(from)")
        }
    }
}

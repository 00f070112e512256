import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LeadPipeline

/// `tokens issue | revoke`: device tokens for reps (only their SHA-256 is stored).
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Issue and revoke reps' device tokens.",
        subcommands: [Issue.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a device token for a rep; it is printed once (first line) and never stored in clear.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The rep's id or email.") var rep: String

        func run() throws {
            let backend = try store.openBackend()
            let found = try RepLookup(backend: backend).rep(matching: rep)
            guard found.isActive else { throw CommandFailure("rep \(found.name) <\(found.email.address)> is inactive") }
            let token = try backend.deviceTokens().issue(repID: found.id)
            Console.current.line(token)
            Console.current.line(
                "token id \(DeviceTokens.hash(token)) for rep \(found.name) <\(found.email.address)>; "
                    + "the token above is shown only once")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke one device token (by its id or the token itself) or all of a rep's tokens.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The token id (64 hex digits, as `tokens issue` printed it) or the token.")
        var token: String?
        @Option(help: "Revoke every token of this rep (id or email) instead.") var rep: String?

        func validate() throws {
            guard (token == nil) != (rep == nil) else {
                throw ValidationError("give either a TOKEN-ID or --rep REP")
            }
        }

        func run() throws {
            let backend = try store.openBackend()
            if let rep {
                let found = try RepLookup(backend: backend).rep(matching: rep)
                let count = try backend.deviceTokens().revokeAll(repID: found.id)
                Console.current.line(
                    "revoked \(count) token\(count == 1 ? "" : "s") of rep \(found.name) <\(found.email.address)>")
                return
            }
            guard let token else { return }
            let isID = token.utf8.count == 64 && token.allSatisfy(\.isHexDigit)
            let id = isID ? token.lowercased() : DeviceTokens.hash(token)
            guard try backend.deviceToken(hash: id) != nil else {
                throw CommandFailure("no device token with id \(id); see the id `tokens issue` printed")
            }
            _ = try backend.revokeDeviceToken(hash: id, at: Date())
            Console.current.line("revoked token \(id)")
        }
    }
}

import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `recycle run`: returns recycled leads to nurturing after their cool-down.
struct RecycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recycle", abstract: "Recycling: rejected leads back to marketing after their cool-down.",
        subcommands: [Run.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Move recycled leads whose cool-down ended to nurturing; record duplicate merges and account owners.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions
        @Option(help: "The clock reading to use (ISO 8601; default: now).") var now: ISODateArgument?

        func run() throws {
            let summary = try store.openBackend().recycling.run(now: now?.date ?? Date())
            if format.json {
                Console.current.line(try JSONOutput.render(summary))
                return
            }
            Console.current.line(
                "\(summary.returnedToNurturing) of \(summary.recycled) recycled leads back in nurturing, "
                    + "\(summary.stillCoolingDown) still cooling down; \(summary.merged) duplicates merged, "
                    + "\(summary.routedToAccountOwner) existing customers routed to their account owner")
        }
    }
}

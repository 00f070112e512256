import Foundation
import LeadRelayServerCLI

exit(await LeadRelayServerCommand.execute(arguments: Array(CommandLine.arguments.dropFirst())))

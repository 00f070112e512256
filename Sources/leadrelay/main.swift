import Foundation
import LeadRelayCLI

exit(await LeadRelayCommand.execute(arguments: Array(CommandLine.arguments.dropFirst())))

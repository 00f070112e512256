import Foundation
import LeadRelayDemo

exit(await LeadRelayDemoCommand.execute(arguments: Array(CommandLine.arguments.dropFirst())))

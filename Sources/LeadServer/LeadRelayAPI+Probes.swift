import Foundation
internal import HTTPTypes
internal import LeadPipeline
internal import Logging
internal import SyncAPI

extension LeadRelayAPI {
    /// Liveness: answers while the process runs.
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    /// Readiness: 200 when the store answers a read, else `503 unavailable`.
    func getReady(_ input: Operations.GetReady.Input) async throws -> Operations.GetReady.Output {
        do {
            _ = try backend.leadCount()
        } catch {
            logger.warning("store not ready", metadata: ["error": .string(String(describing: error))])
            throw APIProblem(status: .serviceUnavailable, code: .unavailable, detail: "The store did not answer.")
        }
        return .ok(.init(body: .json(.init(status: "ready"))))
    }
}

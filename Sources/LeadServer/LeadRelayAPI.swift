import Foundation
internal import HTTPTypes
internal import LeadModel
internal import LeadPipeline
internal import LeadScoring
internal import Logging
internal import StoreContract
internal import SyncAPI
internal import SyncProtocol

/// The generated `APIProtocol` implemented over LeadPipeline's services and the store: each
/// handler maps the wire input to domain values (SyncAPI's mapping), calls one service verb, and
/// maps the result back. Errors are thrown as ``APIProblem``s (rendered by ``ProblemMiddleware``);
/// the generated error cases are never built by hand, so every error has the same shape.
struct LeadRelayAPI: APIProtocol {
    let backend: LeadRelayBackend
    let sync: SyncService
    let tokens: DeviceTokens
    let assignment: LeadAssignment
    let metrics: ServerMetrics
    let logger: Logger
    let now: @Sendable () -> Date
    /// The follow-up SLA in hours (`serve --sla-hours`): the default of `POST /v1/admin/sla/run`
    /// and of the quality report's compliance figures.
    var slaHours: Double = SLAEscalation.defaultHours
    /// Builds the next pull page ahead after a page with more to come.
    let prefetch: PullPrefetch
    /// Where pushes wait for the store's writer, off the cooperative threads, to be applied in
    /// groups with one commit each.
    let pushCommits: PushCommitQueue

    /// The rep of the current request.
    /// - Throws: ``APIProblem`` 401 when the request was not authenticated as a rep (the auth
    ///   middleware normally refuses it before).
    func currentRep() throws -> RepID {
        guard case .rep(let repID) = Principal.current else { throw APIProblem.unauthorized() }
        return repID
    }

    /// Runs a store or service call, turning domain errors into problems: unknown lead or rep 404,
    /// inactive rep, taken email or external id and illegal stage transitions 409, sync errors by
    /// their stable code. Anything else is rethrown (logged and answered 500).
    func domain<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SyncError {
            throw APIProblem(error)
        } catch let error as LeadStoreError {
            switch error {
            case .leadNotFound, .repNotFound, .scoringModelNotFound:
                throw APIProblem.notFound("The \(error.description).".replacingOccurrences(of: "The no ", with: "No "))
            case .repInactive, .repEmailTaken, .externalIDTaken:
                throw APIProblem(status: .conflict, code: .conflict, detail: error.description)
            case .emailMatchesSeveralLeads:
                throw APIProblem.validationFailed(error.description)
            case .importSessionClosed, .corruptRow, .unsupported:
                throw error
            }
        } catch let error as StageTransitionError {
            throw APIProblem(status: .conflict, code: .conflict, detail: error.description)
        }
    }

    /// The lead id in a path or body field.
    /// - Throws: ``APIProblem`` 400 naming `field` when it is not a UUID.
    static func leadID(_ text: String, field: String) throws -> LeadID {
        do {
            return try WireIdentifiers.leadID(text, field: field)
        } catch {
            throw APIProblem(status: .badRequest, code: .malformedRequest, detail: error.description)
        }
    }

    /// The rep id in a path or body field.
    /// - Throws: ``APIProblem`` 400 naming `field` when it is not a UUID.
    static func repID(_ text: String, field: String) throws -> RepID {
        do {
            return try WireIdentifiers.repID(text, field: field)
        } catch {
            throw APIProblem(status: .badRequest, code: .malformedRequest, detail: error.description)
        }
    }
}

import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import LeadPipeline
internal import Logging
internal import NIOHTTP1
internal import OpenAPIRuntime
internal import SyncAPI

/// Turns every error that reaches the router into an `application/problem+json` answer with a
/// stable code (SPEC §5 rule 9), so no client ever parses an error body of another shape.
///
/// This plays the part of OpenAPIRuntime's `ErrorHandlingMiddleware` (which answers runtime errors
/// with the right status but an empty body): request-decoding failures (malformed JSON, a missing
/// or mistyped field, an unknown enum value) are `400 malformed_request` with the coding path in the
/// detail, a wrong content type `415`, an unmatched route `404`, a wrong method `405`; an
/// ``APIProblem`` thrown anywhere is answered as it is; a store that waited its busy timeout for
/// another process's write lock is `503 unavailable` with `Retry-After`; anything else is logged
/// with its description and answered `500 internal_error` without internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch  where ClientDisconnect.matches(error) {
            // Nobody is left to answer: no problem document, no error log, no 5xx.
            logger.debug(
                "client hung up mid-request", metadata: ["route": .string(context.endpointPath ?? "unmatched")])
            throw ClientDisconnect.HungUp()
        } catch {
            let problem = problem(for: error, request: request, context: context)
            return problem.response(instance: request.uri.path)
        }
    }

    private func problem(for error: any Error, request: Request, context: Context) -> APIProblem {
        if StoreContention.isBusy(error) || StoreContention.isBusy((error as? ServerError)?.underlyingError ?? error) {
            logger.notice("database busy", metadata: ["route": .string(context.endpointPath ?? "unmatched")])
            return APIProblem(
                status: .serviceUnavailable, code: .unavailable,
                detail:
                    "The database is busy with another writer (waited \(StoreContention.waitSeconds) s); nothing was changed. Retry after \(StoreContention.retryAfterSeconds) s.",
                headers: [.retryAfter: String(StoreContention.retryAfterSeconds)])
        }
        if let parser = ((error as? ServerError)?.underlyingError ?? error) as? HTTPParserError {
            // A body the client sent malformed (a bad chunk size, a broken header mid-stream): its
            // fault, answered 400 like any other malformed request, never counted as a 5xx.
            logger.notice("malformed HTTP from a client", metadata: ["parser": .string("\(parser)")])
            return APIProblem(
                status: .badRequest, code: .malformedRequest, detail: "The request is not well-formed HTTP/1.1.")
        }
        switch error {
        case let problem as APIProblem:
            return problem
        case let serverError as ServerError:
            if let problem = serverError.underlyingError as? APIProblem { return problem }
            let status = serverError.httpStatus
            if status.kind == .clientError {
                return APIProblem(status: status, detail: Self.detail(of: serverError))
            }
            logger.error(
                "unhandled error in operation",
                metadata: [
                    "operation": .string(serverError.operationID),
                    "error": .string(String(describing: serverError.underlyingError)),
                ])
            return .internalError
        case let httpError as any HTTPResponseError:
            if httpError.status.kind == .clientError {
                let detail: String
                switch httpError.status {
                case .notFound:
                    if let allowed = KnownRoutes.allowedMethods(path: request.uri.path),
                        !allowed.contains(request.method)
                    {
                        let names = allowed.map(\.rawValue).joined(separator: ", ")
                        return APIProblem(
                            status: .methodNotAllowed, code: .methodNotAllowed,
                            detail: "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(names).",
                            headers: [.allow: names])
                    }
                    detail = "No operation at \(request.method.rawValue) \(request.uri.path)."
                case .methodNotAllowed: detail = "\(request.method.rawValue) is not allowed on \(request.uri.path)."
                default: detail = String(describing: httpError)
                }
                return APIProblem(status: httpError.status, detail: detail)
            }
            logger.error("server error", metadata: ["error": .string(String(describing: httpError))])
            return .internalError
        default:
            logger.error(
                "unhandled error",
                metadata: [
                    "error": .string(String(describing: error)),
                    "route": .string(context.endpointPath ?? "unmatched"),
                ])
            return .internalError
        }
    }

    /// The detail of a runtime error: for a decoding failure, the place (coding path) and what was
    /// wrong; otherwise the runtime's own description of the cause.
    private static func detail(of serverError: ServerError) -> String {
        if let decoding = serverError.underlyingError as? DecodingError {
            return "The request body does not match the schema: \(DecodingErrorText.describe(decoding))"
        }
        return serverError.causeDescription
    }
}

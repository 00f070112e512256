internal import HTTPTypes
internal import OpenAPIRuntime

extension APIProblem: HTTPResponseConvertible {
    /// The status the OpenAPI runtime answers when a handler throws this problem.
    var httpStatus: HTTPResponse.Status { status }
    /// The problem content type and extra headers.
    var httpHeaderFields: HTTPFields { responseHeaders }
    /// The problem document (without `instance`; ``ProblemMiddleware`` renders it with one).
    var httpBody: HTTPBody? { HTTPBody(body(instance: nil)) }
}

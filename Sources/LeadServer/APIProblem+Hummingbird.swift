internal import HTTPTypes
internal import Hummingbird
internal import NIOCore

extension APIProblem: HTTPResponseError {
    /// The problem as a Hummingbird response (thrown from a router middleware).
    func response(from request: Request, context: some RequestContext) throws -> Response {
        response(instance: request.uri.path)
    }

    /// The problem as a Hummingbird response with `instance` set to the request path.
    func response(instance: String?) -> Response {
        Response(
            status: status, headers: responseHeaders,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body(instance: instance))))
    }
}

import Foundation
internal import NIOCore
internal import NIOHTTP1
internal import OpenAPIRuntime

/// Whether an error only says that the client went away mid-request (closed its side, reset the
/// connection): nothing the server did wrong, so it is neither logged as an error nor counted as
/// a 5xx (issue 21 item 5). Metrics count it as `499` (nginx's "client closed request").
enum ClientDisconnect {
    /// The status metrics record for a request whose client hung up.
    static let statusCode = 499

    /// What ``ProblemMiddleware`` throws in place of the transport's error once it has seen a
    /// hang-up: the original (a generated handler's `ServerError`) describes the request with its
    /// headers, `Authorization` included, and Hummingbird logs what reaches it.
    struct HungUp: Error, CustomStringConvertible {
        var description: String { "the client hung up mid-request" }
    }

    /// Whether `error` (or, for a generated handler's ``ServerError``, its underlying error) is
    /// a client hanging up: `HTTPParserError.invalidEOFState` (the stream ended mid-message),
    /// `IOError` with `ECONNRESET` or `EPIPE`, or a channel already closed.
    static func matches(_ error: any Error) -> Bool {
        if error is HungUp { return true }
        let error = (error as? ServerError)?.underlyingError ?? error
        if let parser = error as? HTTPParserError, case .invalidEOFState = parser { return true }
        if let io = error as? IOError { return io.errnoCode == ECONNRESET || io.errnoCode == EPIPE }
        if let channel = error as? ChannelError {
            switch channel {
            case .ioOnClosedChannel, .eof, .alreadyClosed, .outputClosed, .inputClosed: return true
            default: return false
            }
        }
        return false
    }
}

internal import HTTPTypes
internal import NIOCore
internal import NIOHTTPTypes

/// Caps the server's concurrent connections (`serve --max-connections`): a connection over the
/// cap is answered at once with `503 unavailable` (`Retry-After`, `Connection: close`) and closed,
/// before anything it sends is read, so hoarded connections cannot starve the file descriptors
/// that normal requests need (issue 21 item 1). One instance per connection; the count is shared.
final class ConnectionCapHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let counter: ConnectionCounter
    private let limit: Int
    private var admitted = false
    private var refused = false

    init(counter: ConnectionCounter, limit: Int) {
        self.counter = counter
        self.limit = limit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { decide(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        decide(context: context)
        if !refused { context.fireChannelActive() }
    }

    private func decide(context: ChannelHandlerContext) {
        guard !admitted, !refused else { return }
        if counter.admit(limit: limit) {
            admitted = true
            return
        }
        refused = true
        let body = ByteBuffer(
            string:
                #"{"type":"https://leadrelay.dev/problems/unavailable","title":"Unavailable","status":503,"detail":"The server has as many connections open as it allows; retry after 1 s.","code":"unavailable"}"#
        )
        var head = HTTPResponse(status: .serviceUnavailable)
        head.headerFields[.contentType] = "application/problem+json"
        head.headerFields[.contentLength] = String(body.readableBytes)
        head.headerFields[.retryAfter] = "1"
        head.headerFields[.connection] = "close"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }  // nothing from a refused connection reaches the server
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if admitted {
            admitted = false
            counter.release()
        }
    }
}

import NIOCore
import NIOHTTP1

/// Completes a promise with the first response head on the channel, or fails it when the connection ends first.
final class HeadCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<HTTPResponseHead>
    private let url: String

    init(promise: EventLoopPromise<HTTPResponseHead>, url: String) {
        self.promise = promise
        self.url = url
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            // 1xx heads (100 Continue) are interim: the final response follows.
            guard head.status.code >= 200 || head.status.code == 101 else { return }
            promise.succeed(head)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ProbeError.badResponse(url: url, detail: "the server closed the connection without an answer"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }
}

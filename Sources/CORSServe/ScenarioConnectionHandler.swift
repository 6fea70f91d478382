import CORSCore
import NIOCore

/// One connection to a loopback server: reads one request, writes the answer, closes.
///
/// The answer carries no framing header of its own (see `HTTPReply.scenario`), so closing the connection is what
/// ends the body.
final class ScenarioConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let listener: Listener
    private let state: ServerState
    private var received: [UInt8] = []
    private var answered = false

    init(listener: Listener, state: ServerState) {
        self.listener = listener
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard !answered else { return }
        received += buffer.readBytes(length: buffer.readableBytes) ?? []
        let bytes: [UInt8]
        switch RawRequestParser.parse(received) {
        case .incomplete:
            return
        case .malformed(let reason):
            bytes = HTTPReply.harness(status: 400, contentType: "text/plain", body: reason + "\n").bytes
        case .complete(let method, let target, let headers, let body):
            let addressed = origin(for: headers)
            let request = ArrivedRequest(
                origin: addressed ?? listener.origins[0], method: method, target: target, headers: headers,
                isMisdirected: addressed == nil)
            bytes =
                addressed == nil
                ? state.refuse(request) : state.answer(request, body: body)
        }
        answered = true
        var out = context.channel.allocator.buffer(capacity: bytes.count)
        out.writeBytes(bytes)
        context.writeAndFlush(wrapOutboundOut(out)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// The served origin the `Host` header names, or nil when it names none of this listener's.
    private func origin(for headers: [HeaderField]) -> ServedOrigin? {
        let host = headers.values(named: "Host").first?.asciiLowercased ?? ""
        return listener.origins.first { $0.hostAndPort == host || ($0.port == 80 && $0.host == host) }
    }
}

import CORSCore
import NIOCore
import NIOPosix

/// The loopback HTTP servers for one scenario: one per listener, answering as the scenario's server does and
/// serving the test page on the page's origin.
public final class ScenarioServer: Sendable {
    /// The plan served.
    public let plan: ServePlan
    /// Each origin and the port that serves it.
    public let bound: [BoundOrigin]
    private let state: ServerState
    private let channels: [any Channel]
    private let group: MultiThreadedEventLoopGroup

    private init(
        plan: ServePlan, bound: [BoundOrigin], state: ServerState, channels: [any Channel],
        group: MultiThreadedEventLoopGroup
    ) {
        self.plan = plan
        self.bound = bound
        self.state = state
        self.channels = channels
        self.group = group
    }

    /// Binds every listener of `plan` on `host` and starts answering. `onRequest` hears of each request, the reply
    /// and any scenario header lines that could not be sent.
    public static func start(
        _ plan: ServePlan, host: String = "127.0.0.1",
        onRequest: @escaping @Sendable (ArrivedRequest, HTTPReply, [String]) -> Void = { _, _, _ in }
    ) async throws -> ScenarioServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = ServerState(onRequest: onRequest)
        var channels: [any Channel] = []
        var bound: [BoundOrigin] = []
        do {
            for listener in plan.listeners {
                let channel = try await ServerBootstrap(group: group)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(
                                ScenarioConnectionHandler(listener: listener, state: state))
                        }
                    }
                    .bind(host: host, port: listener.requestedPort).get()
                channels.append(channel)
                let port = channel.localAddress?.port ?? listener.requestedPort
                bound += listener.origins.map { BoundOrigin(origin: $0, localPort: port) }
            }
        } catch {
            for channel in channels { try? await channel.close() }
            try? await group.shutdownGracefully()
            throw ServeError.cannotBind(host: host, ports: plan.listeners.map(\.requestedPort), underlying: "\(error)")
        }
        state.setResponder(ScenarioResponder(plan: plan, bound: bound))
        return ScenarioServer(plan: plan, bound: bound, state: state, channels: channels, group: group)
    }

    /// The page's URL.
    public var pageURL: String { plan.pageURL }

    /// Every request that arrived so far, in order (the harness's own included).
    public var arrived: [ArrivedRequest] { state.arrived }

    /// The page's reports so far: one per run of the request (a scenario with `repeat_after` runs twice).
    public var reports: [BrowserReport] { state.reports }

    /// Stops every listener.
    public func stop() async {
        for channel in channels { try? await channel.close() }
        try? await group.shutdownGracefully()
    }
}

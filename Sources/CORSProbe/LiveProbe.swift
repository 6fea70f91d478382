import CORSCore

/// A live probe: the messages the browser would send, sent to the real server, and the evaluator's explanation of
/// the real answers.
///
/// The probe holds no CORS rule. It evaluates the request against a raw server made of the answers recorded so
/// far, sends the first message of that exchange that has not been sent yet (exactly the evaluator's wire request),
/// records the answer, and repeats until the exchange needs nothing new. So it sends a preflight only when the
/// browser would, follows redirects only as far as the browser would, and stops where the browser stops.
public enum LiveProbe {
    /// The outcome of a probe.
    public struct Result: Sendable, Equatable {
        /// What was sent and received.
        public var recording: ProbeRecording
        /// The evaluator's exchange against the recorded answers.
        public var exchange: Exchange
    }

    /// The most messages one probe sends: every redirect hop with a preflight each, and the first request.
    public static let messageLimit = 2 * (CORSEvaluator.redirectLimit + 1)

    /// Probes `request` as `browser` would send it; `send` puts one message on the wire (the body only goes with
    /// actual requests).
    public static func run(
        _ request: BrowserRequest, browser: BrowserProfile,
        send: (WireRequest, _ body: String?) async throws(ProbeError) -> ServerResponse
    ) async throws(ProbeError) -> Result {
        var recording = ProbeRecording()
        for _ in 0..<messageLimit {
            let exchange = CORSEvaluator.evaluate(request, server: recording.server, browser: browser)
            let next = exchange.steps.first {
                $0.kind != .preflightCacheHit && !recording.hasSent($0.kind, $0.request)
            }
            guard let next else { return Result(recording: recording, exchange: exchange) }
            let body = next.kind == .actual ? exchange.prepared?.body ?? request.body : nil
            let response = try await send(next.request, body)
            recording.record(next.kind, request: next.request, response: response)
        }
        recording.notes.append("the probe stopped after \(messageLimit) messages")
        let exchange = CORSEvaluator.evaluate(request, server: recording.server, browser: browser)
        return Result(recording: recording, exchange: exchange)
    }

    /// Probes `request` over the network with `client` (``ProbeClient`` for http and https).
    public static func run(_ request: BrowserRequest, browser: BrowserProfile, client: some ProbeTransport)
        async throws(ProbeError) -> Result
    {
        try await run(request, browser: browser) { (wire, body) throws(ProbeError) in
            try await client.send(wire, body: body)
        }
    }
}

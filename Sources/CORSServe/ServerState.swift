import CORSCore
import Foundation
import Synchronization

/// What the loopback servers share across connections: the responder, the requests that arrived, the page's
/// reports. Safe to use from any thread.
final class ServerState: Sendable {
    private struct Contents {
        var responder: ScenarioResponder?
        var arrived: [ArrivedRequest] = []
        var reports: [BrowserReport] = []
    }

    private let contents = Mutex(Contents())
    private let onRequest: @Sendable (ArrivedRequest, HTTPReply, [String]) -> Void

    init(onRequest: @escaping @Sendable (ArrivedRequest, HTTPReply, [String]) -> Void) {
        self.onRequest = onRequest
    }

    /// Sets the responder once the ports are bound.
    func setResponder(_ responder: ScenarioResponder) { contents.withLock { $0.responder = responder } }

    /// Every request that arrived so far, in order.
    var arrived: [ArrivedRequest] { contents.withLock { $0.arrived } }

    /// The page's reports so far, one per run of the request, in order.
    var reports: [BrowserReport] { contents.withLock { $0.reports } }

    /// Records a request addressed to none of the scenario's origins and answers 421 Misdirected Request.
    func refuse(_ request: ArrivedRequest) -> [UInt8] {
        contents.withLock { $0.arrived.append(request) }
        let reply = HTTPReply.harness(status: 421, contentType: "text/plain", body: "not a scenario origin\n")
        onRequest(request, reply, [])
        return reply.bytes
    }

    /// Answers one request, records it, and returns the bytes to send.
    func answer(_ request: ArrivedRequest, body: [UInt8]) -> [UInt8] {
        let answer: (HTTPReply, [String]) = contents.withLock { contents in
            contents.arrived.append(request)
            if request.isReport, let report = try? JSONDecoder().decode(BrowserReport.self, from: Data(body)) {
                contents.reports.append(report)
            }
            guard let responder = contents.responder else {
                return (.harness(status: 503, contentType: "text/plain", body: "starting\n"), [])
            }
            return responder.reply(to: request)
        }
        onRequest(request, answer.0, answer.1)
        return answer.0.bytes
    }
}

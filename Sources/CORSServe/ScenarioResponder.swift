import CORSCore
import Foundation

/// What the loopback servers answer: the harness's own paths, and every other request the way the scenario's
/// server does (through `PolicyResponder`, the same code the evaluator uses).
public struct ScenarioResponder: Sendable {
    /// The servers' plan.
    public var plan: ServePlan
    /// The page's HTML.
    public var pageHTML: String

    /// Creates a responder for `plan` served on `bound`.
    public init(plan: ServePlan, bound: [BoundOrigin]) {
        self.plan = plan
        pageHTML = TestPage.html(plan, bound: bound)
    }

    /// The reply to `request`, and the header lines of the scenario's response that could not be sent.
    public func reply(to request: ArrivedRequest) -> (reply: HTTPReply, droppedLines: [String]) {
        let path = request.target.prefix { $0 != "?" }
        if request.isHarness {
            return (harnessReply(to: request, path: String(path)), [])
        }
        guard let url = try? ParsedURL.parse(request.url) else {
            return (.harness(status: 400, contentType: "text/plain", body: "unreadable request target\n"), [])
        }
        let wire = WireRequest(method: request.method, url: url, headers: request.headers)
        let reply = PolicyResponder.reply(to: wire, server: plan.scenario.server)
        return HTTPReply.scenario(reply.response, method: request.method)
    }

    private func harnessReply(to request: ArrivedRequest, path: String) -> HTTPReply {
        switch path {
        case HarnessPath.run where request.origin.role != .server:
            return .harness(status: 200, contentType: "text/html; charset=utf-8", body: pageHTML)
        case HarnessPath.report where request.method == "POST":
            return .harness(status: 204, contentType: nil, body: "")
        case HarnessPath.cookie:
            return cookieReply(query: request.target.drop { $0 != "?" }.dropFirst())
        default:
            return .harness(status: 404, contentType: "text/plain", body: "not found\n")
        }
    }

    /// Sets the scenario's cookie on this origin (first-party, as when the user logged in), then sends the browser
    /// back to the page.
    private func cookieReply(query: Substring) -> HTTPReply {
        let next = query.split(separator: "&").first { $0.hasPrefix("next=") }
            .flatMap { String($0.dropFirst(5)).removingPercentEncoding }
        guard let next, next.hasPrefix(plan.page.serialized + "/") else {
            return .harness(status: 400, contentType: "text/plain", body: "next= must be the page's URL\n")
        }
        let cookies = PageRequest(plan.scenario.request).cookies.map { HeaderField("Set-Cookie", $0 + "; Path=/") }
        return .harness(
            status: 302, contentType: "text/plain", body: "setting the cookie\n",
            extra: cookies + [HeaderField("Location", next)])
    }
}

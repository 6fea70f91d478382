import CORSCore
import CORSLint

/// Minimal servers and requests for the lint tests: one trusted page calling one API.
enum LintFixtures {
    static let page = "https://app.example.com"
    static let api = "https://api.example.com/account"

    static func request(page: String = page, url: String = api) throws -> BrowserRequest {
        try BrowserRequest(
            page: Origin.parse(page), url: ParsedURL.parse(url), credentials: .include, cookie: "session=user")
    }

    static func policy(_ policy: CORSPolicy) -> ServerDefinition { ServerDefinition(behavior: .policy(policy)) }

    static func raw(_ headers: [HeaderField], preflight: [HeaderField]? = nil) -> ServerDefinition {
        ServerDefinition(
            behavior: .raw(
                preflight: preflight.map { ServerResponse(status: 204, headers: $0) },
                response: ServerResponse(status: 200, headers: headers)))
    }

    /// The allow-list of the trusted page plus `extra` entries, with credentials.
    static func list(_ extra: [OriginPattern], credentials: Bool = true) -> ServerDefinition {
        policy(CORSPolicy(allowOrigins: .list([.exact(page)] + extra), allowCredentials: credentials))
    }
}

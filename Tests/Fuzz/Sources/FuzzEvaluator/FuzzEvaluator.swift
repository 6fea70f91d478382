import CORSCore
import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The whole evaluator on a request and a server decoded from the bytes (raw responses or a policy, maybe a
/// redirect), in every browser profile, twice (the second time with the first one's preflight cache): it returns,
/// never traps, and its verdict agrees with its failure.
@main
enum FuzzEvaluatorMain {
    static func main() {
        exit(FuzzDriver.run { data, size in data.map { fuzzEvaluator($0, size) } ?? 0 })
    }
}

func fuzzEvaluator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzBytes(data: data, size: size)
    let origins = ["https://app.example", "http://localhost:3000", "null", "https://api.example", "https://[::1]:8443"]
    let urls = ["https://api.example/data", "https://app.example/same", "http://api.example:8080/x?y#z"]
    let methods = ["GET", "POST", "PUT", "patch", "DELETE", "OPTIONS", "HEAD", "CONNECT"]
    let requestNames = ["Content-Type", "X-Custom", "Authorization", "Range", "Accept", "Origin", "Sec-X"]
    let responseNames = [
        "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers", "Access-Control-Expose-Headers", "Access-Control-Max-Age", "Vary",
        "Content-Type", "Location", "Set-Cookie",
    ]

    let page = (try? Origin.parse(input.string(or: origins))) ?? .opaque
    guard let url = try? ParsedURL.parse(input.string(or: urls)) else { return 0 }
    let request = BrowserRequest(
        page: page, url: url, api: input.pick(RequestAPI.allCases), mode: input.pick(RequestMode.allCases),
        method: input.string(or: methods), headers: input.headers(limit: 6, names: requestNames),
        credentials: input.pick(CredentialsMode.allCases), body: input.flag() ? input.string() : nil,
        hasUploadListener: input.flag(), cookie: input.flag() ? input.string() : nil)

    func response(_ input: inout FuzzBytes) -> ServerResponse {
        ServerResponse(
            status: input.pick([200, 204, 301, 302, 307, 308, 400, 403, 500, 100, 999]),
            headers: input.headers(limit: 8, names: responseNames))
    }
    let behavior: ServerDefinition.Behavior
    if input.flag() {
        behavior = .raw(preflight: input.flag() ? response(&input) : nil, response: response(&input))
    } else {
        let origin = input.string(or: origins)
        let allowOrigins: OriginAllowance = input.pick([
            .any, .reflectAny, .list([OriginPattern.parse(origin)]), .list([.regex("^https://.*\\.example$")]),
        ])
        let allowHeaders: HeaderAllowance = input.pick([.wildcard, .mirror, .list([input.string(or: requestNames)])])
        behavior = .policy(
            CORSPolicy(
                allowOrigins: allowOrigins, allowMethods: [input.string(or: methods)], allowHeaders: allowHeaders,
                exposeHeaders: input.flag() ? ["*"] : [input.string()], allowCredentials: input.flag(),
                maxAge: input.flag() ? Int(input.byte()) - 10 : nil, preflightStatus: input.pick([200, 204, 404, 500]),
                optionsRouted: input.flag(), actualStatus: input.pick([200, 404, 500]),
                headersOnActual: input.flag(), headersOnErrors: input.flag(), varyOrigin: input.flag(),
                responseHeaders: input.headers(limit: 3, names: responseNames)))
    }
    var redirects: [ServerRedirect] = []
    if input.flag(), let from = try? ParsedURL.parse(input.string(or: urls)) {
        redirects.append(
            ServerRedirect(
                from: from, location: input.string(or: urls + ["/relative", "//other.example/x", "data:,x"]),
                status: input.pick([301, 302, 303, 307, 308]), headers: input.headers(limit: 3, names: responseNames),
                addsCORSHeaders: input.flag(), appliesToPreflight: input.flag()))
    }
    let server = ServerDefinition(behavior: behavior, redirects: redirects)
    for browser in BrowserProfile.allCases {
        let (first, second) = CORSEvaluator.evaluateTwice(request, server: server, browser: browser, secondAfter: 5)
        for exchange in [first, second] {
            let blocked = exchange.verdict.outcome == .blocked || exchange.verdict.outcome == .error
            precondition(
                blocked == (exchange.verdict.failure != nil) || exchange.verdict.outcome == .opaque,
                "verdict \(exchange.verdict.outcome) with failure \(String(describing: exchange.verdict.failure))")
        }
    }
    return 0
}

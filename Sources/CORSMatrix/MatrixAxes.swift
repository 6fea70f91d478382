import CORSCore
import CORSLint

/// The axes of a what-if matrix for one scenario request, and the request of each cell.
public struct MatrixAxes: Sendable, Equatable {
    /// The scenario's request, which every cell varies.
    public var base: BrowserRequest
    /// The rows: the page, a subdomain of it, its http↔https twin, `null`, then the lint's attacker origins.
    public var origins: [MatrixOrigin]
    /// The methods: GET, HEAD, POST, the scenario's, PUT, PATCH, DELETE and a custom one.
    public var methods: [String]
    /// The header sets: none, the scenario's, a JSON content type, Authorization and a custom header.
    public var headerSets: [HeaderSet]
    /// Credentials off (the scenario's mode, or `same-origin` when the scenario includes them) and on (`include`).
    public var credentials: [CredentialsMode]

    /// The method the custom column uses.
    public static let customMethod = "PURGE"
    /// The header the custom header set sends.
    public static let customHeader = HeaderField("X-Custom", "1")

    /// The axes for `request` against `server`.
    public init(request: BrowserRequest, server: ServerDefinition) {
        base = request
        var origins = [MatrixOrigin(request.page, role: .page)]
        if case .tuple(let scheme, let host, let port) = request.page {
            if !host.isEmpty, !host.hasPrefix("["), !host.allSatisfy({ $0.isNumber || $0 == "." }) {
                origins.append(MatrixOrigin(.tuple(scheme: scheme, host: "sub." + host, port: port), role: .subdomain))
            }
            let twin = scheme == "https" ? "http" : scheme == "http" ? "https" : nil
            if let twin {
                origins.append(MatrixOrigin(.tuple(scheme: twin, host: host, port: port), role: .schemeTwin))
            }
        }
        origins.append(MatrixOrigin(.opaque, role: .null))
        for origin in PolicyLinter.probeOrigins(server: server, request: request) {
            origins.append(MatrixOrigin(origin, role: .attacker))
        }
        var seen: Set<Origin> = []
        self.origins = origins.filter { seen.insert($0.origin).inserted }

        methods = Self.unique(["GET", "HEAD", "POST", request.method, "PUT", "PATCH", "DELETE", Self.customMethod])
        var sets = [HeaderSet(name: "none", headers: [])]
        if !request.headers.isEmpty { sets.append(HeaderSet(name: "scenario", headers: request.headers)) }
        sets += [
            HeaderSet(name: "json", headers: [HeaderField("Content-Type", "application/json")]),
            HeaderSet(name: "auth", headers: [HeaderField("Authorization", "Bearer token")]),
            HeaderSet(name: "custom", headers: [Self.customHeader]),
        ]
        var seenHeaders: Set<[HeaderField]> = []
        headerSets = sets.filter { seenHeaders.insert($0.headers).inserted }
        credentials = [request.credentials == .include ? .sameOrigin : request.credentials, .include]
    }

    /// Every column: methods outermost, then header sets, then credentials.
    public var columns: [MatrixColumn] {
        methods.flatMap { method in
            headerSets.flatMap { headerSet in
                credentials.map { MatrixColumn(method: method, headerSet: headerSet, credentials: $0) }
            }
        }
    }

    /// The column holding the scenario's own request.
    public var scenarioColumn: Int {
        columns.firstIndex {
            $0.method == base.method && $0.headerSet.headers == base.headers && $0.credentials == base.credentials
        } ?? 0
    }

    /// The request of the cell at `origin` and `column`: the scenario's request with the page, method, headers and
    /// credentials replaced. The body is kept, except on a GET or HEAD that is not the scenario's own method
    /// (fetch refuses a body there, which would hide every other check).
    public func request(from origin: Origin, _ column: MatrixColumn) -> BrowserRequest {
        let dropsBody =
            column.method != base.method
            && (column.method.equalsIgnoringASCIICase("GET") || column.method.equalsIgnoringASCIICase("HEAD"))
        // Made in one go: each field set on a copy would make a new request box.
        return BrowserRequest(
            page: origin, url: base.url, urlText: base.urlText, api: base.api, mode: base.mode, method: column.method,
            headers: column.headerSet.headers, credentials: column.credentials, body: dropsBody ? nil : base.body,
            hasUploadListener: base.hasUploadListener, cookie: base.cookie)
    }

    /// The cell at `origin` and `column`: `CORSEvaluator.verdict(of:…)` (no text built) for its request against
    /// `server`, whose regexes are compiled through `memo` (share one over a matrix). `preparation` may be one made
    /// for the column's request from any page.
    public func cell(
        from origin: Origin, _ column: MatrixColumn, server: ServerDefinition, browser: BrowserProfile,
        memo: EvaluationMemo = EvaluationMemo(), preparation: RequestPreparation? = nil
    ) -> MatrixCell {
        MatrixCell(
            CORSEvaluator.verdict(
                of: request(from: origin, column), server: server, browser: browser, memo: memo,
                preparation: preparation))
    }

    private static func unique(_ methods: [String]) -> [String] {
        var seen: Set<String> = []
        return methods.filter { seen.insert($0).inserted }
    }
}

import CORSCore
import CORSScenarios

/// Turns a scenario into curl commands, page code, or a server configuration.
public enum Exporter {
    /// The export of `scenario` as `kind`.
    public static func export(_ scenario: Scenario, as kind: ExportKind, options: ExportOptions = ExportOptions())
        -> ExportResult
    {
        switch kind {
        case .curl, .fetch, .xhr:
            let exchange = scenario.evaluate(as: options.browser).first
            let text: String
            switch kind {
            case .fetch: text = ClientCodeExport.fetch(exchange, title: scenario.title)
            case .xhr: text = ClientCodeExport.xhr(exchange, title: scenario.title)
            default: text = CurlExport.script(exchange, title: scenario.title)
            }
            guard let after = scenario.repeatAfter else { return ExportResult(kind: kind, text: text) }
            // The scenario sends the request a second time; the export holds the first, and says so.
            let marker = kind == .curl ? "#" : "//"
            let seconds = after == after.rounded() ? String(Int(after)) : String(after)
            let note =
                "\(marker) The scenario sends the same request again \(seconds) s later; run this again then (the "
                + "browser may answer the preflight from its cache: cors-explorer explain FILE --again-after "
                + "\(seconds)).\n"
            return ExportResult(kind: kind, text: text + note)
        case .express, .nginx, .flaskCORS, .vapor, .hummingbird, .spring:
            return server(scenario, as: kind, options: options)
        }
    }

    private static func server(_ scenario: Scenario, as kind: ExportKind, options: ExportOptions) -> ExportResult {
        let server = scenario.server
        var context = ServerExportContext(
            title: scenario.title, targetName: kind.rawValue, source: "", differences: [],
            listenHost: options.listenHost, listenPort: options.listenPort)
        let redirects = ServerRedirects.differences(server)
        switch server.behavior {
        case .raw(let preflight, let response):
            context.source = "fixed responses"
            guard kind == .nginx else { return unexpressible(kind, preflight: preflight, response: response, context) }
            let empty = ((preflight?.headers ?? []) + response.headers).filter {
                $0.value.isEmpty && !NginxExport.managed.contains($0.lowercasedName)
            }
            context.differences =
                redirects + empty.map { "nginx skips add_header lines with an empty value: \($0.name) is not sent" }
                + NginxExport.controlDifferences((preflight?.headers ?? []) + response.headers)
            let text = NginxExport.raw(preflight: preflight, response: response, context: context)
            return ExportResult(
                kind: kind, text: text, differences: context.differences,
                model: ServerDefinition(behavior: .raw(preflight: preflight, response: response)),
                sameHeaders: context.differences.isEmpty)
        case .middleware(let configuration):
            context.source = "the \(configuration.preset.name) preset"
            if let text = sameMiddleware(
                configuration, kind: kind, request: scenario.request,
                context: {
                    context.differences = redirects; return context
                }())
            {
                return ExportResult(
                    kind: kind, text: text, differences: redirects,
                    model: ServerDefinition(behavior: .middleware(configuration)), sameHeaders: true)
            }
            guard let approximation = PresetApproximation.policy(configuration) else {
                context.differences = [
                    "the nginx preset's hand-written add_header lines have no \(kind.rawValue) form; use --as nginx"
                ]
                return ExportResult(
                    kind: kind, text: comments(kind, context.heading(comment: "#").map { String($0.dropFirst(2)) }),
                    differences: context.differences)
            }
            return translated(
                approximation.policy, earlier: approximation.differences, kind: kind, scenario: scenario,
                context: context)
        case .policy(let policy):
            context.source = "a generic policy"
            return translated(policy, earlier: [], kind: kind, scenario: scenario, context: context)
        }
    }

    /// The export of a middleware preset into the same middleware, or nil when `kind` is another one.
    private static func sameMiddleware(
        _ configuration: MiddlewareConfiguration, kind: ExportKind, request: BrowserRequest,
        context: ServerExportContext
    ) -> String? {
        let app = configuration.app
        switch (configuration.preset, kind) {
        case (.expressCORS(let options), .express): return ExpressExport.render(options, app: app, context: context)
        case (.flaskCORS(let options), .flaskCORS):
            return FlaskExport.render(options, app: app, request: request, context: context)
        case (.vapor(let options), .vapor): return VaporExport.render(options, app: app, context: context)
        case (.hummingbird(let options), .hummingbird):
            return HummingbirdExport.render(options, app: app, context: context)
        case (.spring(let options), .spring): return SpringExport.render(options, app: app, context: context)
        case (.nginx(let options), .nginx): return NginxExport.preset(options, app: app, context: context)
        default: return nil
        }
    }

    /// The export of a generic policy: nginx writes the policy itself (its `map` blocks say everything a policy
    /// says); a middleware gets the options `PresetTranslation` makes, with its notes as the differences.
    private static func translated(
        _ policy: CORSPolicy, earlier: [String], kind: ExportKind, scenario: Scenario, context: ServerExportContext
    ) -> ExportResult {
        var context = context
        let server = scenario.server
        let redirects = ServerRedirects.differences(server)
        let app = MiddlewareApp(status: policy.actualStatus, headers: policy.responseHeaders)
        if let presetName = presetName(kind),
            let translation = PresetTranslation(
                policy: policy, presetName: presetName, page: scenario.request.page.serialized,
                requestedHeaders: ScriptHeaders.names(scenario.request)),
            case let differences = earlier + translation.notes + redirects,
            let text = sameMiddleware(
                translation.configuration, kind: kind, request: scenario.request,
                context: {
                    context.differences = differences; return context
                }())
        {
            return ExportResult(
                kind: kind, text: text, differences: differences,
                model: ServerDefinition(behavior: .middleware(translation.configuration)))
        }
        context.differences =
            earlier + redirects + NginxExport.controlDifferences(NginxExport.literalFields(policy))
        return ExportResult(
            kind: kind, text: NginxExport.policy(policy, app: app, context: context),
            differences: context.differences, model: ServerDefinition(behavior: .policy(policy)),
            sameHeaders: server.behavior == .policy(policy) && context.differences.isEmpty)
    }

    /// The `MiddlewarePreset` name of a middleware export kind; nil for nginx, which writes a policy itself, and
    /// the client kinds.
    private static func presetName(_ kind: ExportKind) -> String? {
        switch kind {
        case .express: return "express-cors"
        case .flaskCORS: return "flask-cors"
        case .vapor: return "vapor"
        case .hummingbird: return "hummingbird"
        case .spring: return "spring"
        case .nginx, .curl, .fetch, .xhr: return nil
        }
    }

    /// A file of comments only: the target cannot send fixed responses.
    private static func unexpressible(
        _ kind: ExportKind, preflight: ServerResponse?, response: ServerResponse, _ context: ServerExportContext
    ) -> ExportResult {
        var context = context
        let difference =
            "the scenario's server is fixed responses, which \(kind.rawValue) cannot send: it computes CORS headers "
            + "from its options; use --as nginx, which sends fixed header lines"
        context.differences = [difference]
        var lines = context.heading(comment: "#").map { String($0.dropFirst(2)) }
        lines.append("")
        lines.append("The scenario's preflight answer: " + (preflight.map { "\($0.status)" } ?? "none (404)"))
        for header in preflight?.headers ?? [] {
            lines.append("  " + CodeLiteral.comment(header.name + ": " + header.value))
        }
        lines.append("The scenario's response: \(response.status)")
        for header in response.headers { lines.append("  " + CodeLiteral.comment(header.name + ": " + header.value)) }
        return ExportResult(kind: kind, text: comments(kind, lines), differences: [difference])
    }

    /// `lines` as comments of `kind`'s language.
    private static func comments(_ kind: ExportKind, _ lines: [String]) -> String {
        let marker = kind == .flaskCORS || kind == .nginx || kind == .curl ? "#" : "//"
        return lines.map { $0.isEmpty ? marker : marker + " " + $0 }.joined(separator: "\n") + "\n"
    }
}

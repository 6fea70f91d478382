import CORSCore

/// The JSON form of an exchange, documented in docs/json-output.md. Top-level keys are stable.
public enum ExchangeJSON {
    /// The report for `exchange`; `repeated` is the same request sent again later, when asked for.
    public static func report(_ exchange: Exchange, repeated: (after: Double, exchange: Exchange)? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("browser", .string(exchange.browser.rawValue)),
            ("outcome", .string(exchange.verdict.outcome.rawValue)),
            ("preflight", exchange.preflight.map(step) ?? .null),
            ("actual", exchange.finalActual.map(step) ?? .null),
            ("readable_headers", exchange.verdict.readableHeaders.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("console", exchange.verdict.consoleMessage.map(JSONValue.string) ?? .null),
            ("console_lines", .array(exchange.verdict.console.map(JSONValue.string))),
            ("summary", .string(exchange.verdict.summary)),
            ("script_result", .string(exchange.verdict.scriptResult)),
            ("response_type", .string(exchange.verdict.responseType)),
            ("status", exchange.verdict.status.map(JSONValue.int) ?? .null),
            ("warnings", .array(exchange.verdict.warnings.map(JSONValue.string))),
            ("cross_origin", .bool(exchange.isCrossOrigin)),
            ("preparation", preparation(exchange)),
            ("steps", .array(exchange.steps.map(step))),
        ]
        if let repeated {
            members.append(
                (
                    "repeat",
                    .object([
                        (
                            "after_seconds",
                            repeated.after == repeated.after.rounded()
                                ? .int(Int(repeated.after)) : .number(repeated.after)
                        ), ("exchange", report(repeated.exchange)),
                    ])
                ))
        }
        return .object(members)
    }

    private static func preparation(_ exchange: Exchange) -> JSONValue {
        let prepared = exchange.prepared
        return .object([
            ("method", prepared.map { .string($0.method) } ?? .null),
            ("preflight_reasons", .array((prepared?.preflightReasons ?? []).map(JSONValue.string))),
            ("unsafe_headers", .array((prepared?.unsafeHeaderNames ?? []).map(JSONValue.string))),
            (
                "dropped_headers",
                .array(
                    (prepared?.dropped ?? []).map {
                        .object([
                            ("name", .string($0.header.name)), ("value", .string($0.header.value)),
                            ("reason", .string($0.reason)),
                        ])
                    })
            ),
            ("checks", .array(exchange.preparationChecks.map(check))),
        ])
    }

    static func step(_ step: ExchangeStep) -> JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(step.kind.rawValue))]
        members.append(
            (
                "request",
                .object([
                    ("method", .string(step.request.method)),
                    ("url", .string(step.request.url.serializedWithoutFragment)),
                    ("headers", headers(step.request.headers)),
                ])
            ))
        members.append(
            (
                "response",
                step.response.map {
                    .object([("status", .int($0.status)), ("headers", headers($0.headers))])
                } ?? .null
            ))
        members.append(("server_notes", .array(step.serverNotes.map(JSONValue.string))))
        members.append(("checks", .array(step.checks.map(check))))
        members.append(("passed", .bool(step.passed)))
        members.append(("credentials_included", .bool(step.includesCredentials)))
        members.append(("cookie_sent", .bool(step.request.headers.contains(named: "Cookie"))))
        return .object(members)
    }

    private static func headers(_ fields: [HeaderField]) -> JSONValue {
        .array(fields.map { .array([.string($0.name), .string($0.value)]) })
    }

    private static func check(_ check: Check) -> JSONValue {
        .object([
            ("subject", .string(check.subject)), ("expected", .string(check.expected)), ("found", .string(check.found)),
            ("result", .string(check.status.rawValue)), ("explanation", .string(check.explanation)),
            ("spec", .string(check.specLink)),
        ])
    }
}

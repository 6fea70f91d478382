import CORSCore
import CORSScenarios

/// The rows of the request editor and of the server editor, computed from a scenario.
enum EditorForm {
    /// The request editor's rows.
    static func requestRows(_ request: BrowserRequest) -> [FormRow] {
        var rows = [
            FormRow(
                id: .page, label: "Page", value: request.page.serialized, kind: .text,
                hint: "the page's origin, e.g. https://app.example.com, or null"),
            FormRow(
                id: .url, label: "URL", value: request.urlText ?? request.url.description, kind: .text,
                hint: "the URL the script requests"),
            FormRow(id: .api, label: "API", value: request.api == .fetch ? "fetch" : "XHR", kind: .choice),
        ]
        if request.api == .fetch {
            rows.append(FormRow(id: .mode, label: "Mode", value: request.mode.rawValue, kind: .choice))
        } else {
            rows.append(FormRow(id: .mode, label: "Mode", value: "cors (always, for XHR)", kind: .readOnly))
        }
        rows.append(
            FormRow(
                id: .method, label: "Method", value: request.method, kind: .text,
                hint: "as the script writes it; browsers upper-case only the six standard methods"))
        let credentials =
            request.api == .xhr
            ? (request.credentials == .include ? "include (withCredentials)" : "same-origin")
            : request.credentials.rawValue
        rows.append(FormRow(id: .credentials, label: "Creds", value: credentials, kind: .choice))
        for (index, header) in request.headers.enumerated() {
            rows.append(
                FormRow(
                    id: .requestHeader(index), label: index == 0 ? "Headers" : "",
                    value: header.name + ": " + header.value,
                    kind: .header, hint: "Name: value"))
        }
        rows.append(
            FormRow(
                id: .addRequestHeader, label: request.headers.isEmpty ? "Headers" : "", value: "+ add a header",
                kind: .add, hint: "Name: value"))
        rows.append(
            FormRow(
                id: .body, label: "Body", value: request.body ?? "(none)", kind: .text,
                hint: "a string body; empty for none"))
        if request.api == .xhr {
            rows.append(
                FormRow(
                    id: .uploadListener, label: "Upload",
                    value: request.hasUploadListener ? "listener on" : "no listener",
                    kind: .toggle))
        }
        rows.append(
            FormRow(
                id: .cookie, label: "Cookie", value: request.cookie ?? "(none)", kind: .text,
                hint: "the cookie the browser holds for the URL; empty for none"))
        return rows
    }

    /// The server editor's rows.
    static func serverRows(_ server: ServerDefinition) -> [FormRow] {
        var rows: [FormRow] = []
        switch server.behavior {
        case .policy(let policy):
            rows.append(FormRow(id: .serverKind, label: "Server", value: "CORS policy", kind: .choice))
            rows += policyRows(policy)
        case .middleware(let configuration):
            rows.append(
                FormRow(id: .serverKind, label: "Server", value: configuration.preset.name, kind: .choice))
            rows += presetRows(configuration)
        case .raw(let preflight, let response):
            rows.append(FormRow(id: .serverKind, label: "Server", value: "raw headers", kind: .choice))
            rows.append(
                FormRow(
                    id: .rawPreflightStatus, label: "OPTIONS", value: preflight.map { statusText($0.status) } ?? "none",
                    kind: .text, hint: "the preflight answer's status, or none (then OPTIONS gets 404)"))
            if let preflight {
                rows += headerRows(preflight.headers, label: "  hdrs", row: FieldID.rawPreflightHeader)
                rows.append(
                    FormRow(
                        id: .addRawPreflightHeader, label: "", value: "+ add a header", kind: .add, hint: "Name: value")
                )
            }
            rows.append(
                FormRow(
                    id: .rawResponseStatus, label: "Response", value: statusText(response.status), kind: .text,
                    hint: "the actual response's status, 100–999"))
            rows += headerRows(response.headers, label: "  hdrs", row: FieldID.rawResponseHeader)
            rows.append(
                FormRow(id: .addRawResponseHeader, label: "", value: "+ add a header", kind: .add, hint: "Name: value"))
        }
        if !server.redirects.isEmpty {
            let count = server.redirects.count
            rows.append(
                FormRow(
                    id: .redirects, label: "Redirect",
                    value: "\(count) from the file (edit the file to change)", kind: .readOnly))
        }
        return rows
    }

    /// One row per option of the preset and of its app; header-list options get a row per line and an add row.
    private static func presetRows(_ configuration: MiddlewareConfiguration) -> [FormRow] {
        var rows: [FormRow] = []
        var lastBlock: MiddlewareOption.Block?
        for option in MiddlewareOptionEditor.options(configuration) {
            var label = option.block == lastBlock ? "" : option.block.rawValue
            lastBlock = option.block
            guard option.kind == .headers else {
                let isFlag: Bool
                if case .flag = option.kind { isFlag = true } else { isFlag = false }
                rows.append(
                    FormRow(
                        id: .presetOption(option.block, option.key), label: label,
                        value: option.key + ": " + MiddlewareOptionEditor.displayText(option),
                        kind: isFlag ? .toggle : .text,
                        hint: option.hint))
                continue
            }
            let headerHint =
                "Name: value, one line of \(option.key)" + (option.block == .config ? "; $http_origin works" : "")
            for (index, header) in MiddlewareOptionEditor.headers(option.block, in: configuration).enumerated() {
                rows.append(
                    FormRow(
                        id: .presetHeader(option.block, option.key, index), label: label,
                        value: header.name + ": " + header.value, kind: .header, hint: headerHint))
                label = ""
            }
            rows.append(
                FormRow(
                    id: .addPresetHeader(option.block, option.key), label: label, value: "+ add to \(option.key)",
                    kind: .add, hint: headerHint))
        }
        return rows
    }

    /// What the server sends for this request: the CORS headers (and `Vary`) of its preflight answer and its
    /// actual response, from the exchange. `Access-Control-` names are shortened to their initials (`ACAO`).
    static func sentRows(_ exchange: Exchange) -> [FormRow] {
        var lines: [String] = []
        let steps = [exchange.preflight, exchange.steps.first { $0.kind == .actual }].compactMap { $0 }
        for step in steps {
            let kind = step.kind == .preflight ? "preflight" : "response"
            guard let response = step.response else {
                lines.append("\(kind): no answer")
                continue
            }
            lines.append("\(kind): \(statusText(response.status))")
            let cors = response.headers.filter { header in
                let name = header.name.asciiLowercased
                return name.hasPrefix("access-control-") || name == "vary"
            }
            lines += cors.map { "  " + shortName($0.name) + ": " + $0.value }
            if cors.isEmpty { lines.append("  (no CORS headers)") }
        }
        if exchange.preflight == nil, !steps.isEmpty { lines.insert("preflight: not sent", at: 0) }
        return lines.enumerated().map { index, line in
            FormRow(id: .sent(index), label: index == 0 ? "Sends" : "", value: line, kind: .readOnly)
        }
    }

    /// `Access-Control-Allow-Origin` as `ACAO`; other names as they are.
    static func shortName(_ name: String) -> String {
        let words = name.split(separator: "-")
        guard words.count > 2, name.asciiLowercased.hasPrefix("access-control-") else { return name }
        return String(words.compactMap(\.first)).uppercased()
    }

    private static func policyRows(_ policy: CORSPolicy) -> [FormRow] {
        var rows = [
            FormRow(
                id: .origins, label: "Origins", value: originsText(policy.allowOrigins), kind: .text,
                hint: "*, reflect, or origins separated by commas: https://a.com, https://*.a.com, /regex/"),
            FormRow(
                id: .methods, label: "Methods", value: listText(policy.allowMethods), kind: .text,
                hint: "Access-Control-Allow-Methods: methods separated by commas, or *"),
            FormRow(
                id: .allowHeaders, label: "Headers", value: allowHeadersText(policy.allowHeaders), kind: .text,
                hint: "Access-Control-Allow-Headers: names separated by commas, *, or mirror"),
            FormRow(
                id: .exposeHeaders, label: "Expose", value: listText(policy.exposeHeaders), kind: .text,
                hint: "Access-Control-Expose-Headers: names separated by commas, or *"),
            FormRow(
                id: .allowCredentials, label: "Creds", value: policy.allowCredentials ? "yes" : "no", kind: .toggle),
            FormRow(
                id: .maxAge, label: "Max-Age", value: policy.maxAge.map(String.init) ?? "(none)", kind: .text,
                hint: "seconds the browser may cache the preflight answer; empty for no header"),
            FormRow(
                id: .preflightStatus, label: "Pre.stat", value: statusText(policy.preflightStatus), kind: .text,
                hint: "the status of a preflight answer, 100–999"),
            FormRow(
                id: .optionsRouted, label: "OPTIONS",
                value: policy.optionsRouted ? "answered by the CORS layer" : "not routed (\(policy.unroutedStatus))",
                kind: .toggle),
            FormRow(
                id: .actualStatus, label: "Status", value: statusText(policy.actualStatus), kind: .text,
                hint: "the actual response's status, 100–999"),
            FormRow(
                id: .headersOnActual, label: "On resp.",
                value: policy.headersOnActual ? "CORS headers sent" : "CORS headers on preflight only", kind: .toggle),
            FormRow(
                id: .headersOnErrors, label: "On error",
                value: policy.headersOnErrors ? "CORS headers sent" : "no CORS headers", kind: .toggle),
            FormRow(
                id: .varyOrigin, label: "Vary", value: policy.varyOrigin ? "Origin when it varies" : "never sent",
                kind: .toggle),
        ]
        rows += headerRows(policy.responseHeaders, label: "Resp.hdr", row: FieldID.policyResponseHeader)
        rows.append(
            FormRow(
                id: .addPolicyResponseHeader, label: policy.responseHeaders.isEmpty ? "Resp.hdr" : "",
                value: "+ add a header", kind: .add, hint: "Name: value"))
        return rows
    }

    private static func headerRows(_ headers: [HeaderField], label: String, row: (Int) -> FieldID) -> [FormRow] {
        headers.enumerated().map { index, header in
            FormRow(
                id: row(index), label: index == 0 ? label : "", value: header.name + ": " + header.value, kind: .header,
                hint: "Name: value")
        }
    }

    static func statusText(_ status: Int) -> String {
        let reason = HTTPStatus.reasonPhrase(status)
        return reason.isEmpty ? String(status) : "\(status) \(reason)"
    }

    static func listText(_ items: [String]) -> String { items.isEmpty ? "(none)" : items.joined(separator: ", ") }

    static func originsText(_ origins: OriginAllowance) -> String {
        switch origins {
        case .any: return "*"
        case .reflectAny: return "reflect"
        case .list(let patterns): return listText(patterns.map(\.written))
        }
    }

    static func allowHeadersText(_ headers: HeaderAllowance) -> String {
        switch headers {
        case .wildcard: return "*"
        case .mirror: return "mirror"
        case .list(let names): return listText(names)
        }
    }
}

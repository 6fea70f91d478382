import CORSCore
import CORSScenarios

/// Changes a scenario through its editor rows: typed text, the next option, header list edits.
///
/// Text that does not make sense for a field is rejected with a message saying what was expected; the scenario
/// is left as it was.
enum FieldEditing {
    /// The text an editor starts with for `row`.
    static func initialText(for row: FormRow) -> String {
        switch row.id {
        case .body, .cookie, .maxAge, .methods, .exposeHeaders, .allowHeaders, .origins:
            return row.value == "(none)" ? "" : row.value
        case .preflightStatus, .actualStatus, .rawPreflightStatus, .rawResponseStatus:
            return String(row.value.prefix { $0 != " " })
        case .addRequestHeader, .addPolicyResponseHeader, .addRawPreflightHeader, .addRawResponseHeader,
            .addPresetHeader:
            return ""
        default:
            return row.value
        }
    }

    /// The text an editor starts with for a preset option: its value as typed (list items separated by commas),
    /// empty when the option is at its default.
    static func initialText(forPresetOption field: FieldID, in server: ServerDefinition) -> String? {
        guard case .presetOption(let block, let key) = field, let option = presetOption(block, key, in: server) else {
            return nil
        }
        return MiddlewareOptionEditor.editableText(option)
    }

    private static func presetOption(_ block: MiddlewareOption.Block, _ key: String, in server: ServerDefinition)
        -> MiddlewareOption?
    {
        guard case .middleware(let configuration) = server.behavior else { return nil }
        return MiddlewareOptionEditor.options(configuration).first { $0.block == block && $0.key == key }
    }

    /// Applies typed `text` to `field`.
    static func apply(_ text: String, to field: FieldID, in scenario: inout Scenario) throws(InputError) {
        switch field {
        case .page:
            do { scenario.request.page = try Origin.parse(trimmed(text)) } catch {
                throw InputError("Page: \(error.reason); expected an origin such as https://app.example.com, or null")
            }
        case .url:
            do {
                scenario.request.url = try ParsedURL.parseForAnyBrowser(trimmed(text))
                scenario.request.urlText = trimmed(text)
            } catch {
                throw InputError("URL: \(error.reason); expected an absolute URL such as https://api.example.com/data")
            }
        case .method:
            guard !text.isEmpty else { throw InputError("Method: must not be empty") }
            scenario.request.method = text
        case .requestHeader(let index):
            scenario.request.headers[index] = try header(text, sentBy: .script)
        case .addRequestHeader:
            scenario.request.headers.append(try header(text, sentBy: .script))
        case .body:
            scenario.request.body = text.isEmpty ? nil : text
        case .cookie:
            scenario.request.cookie = text.isEmpty ? nil : text
        case .rawPreflightStatus:
            try updateRaw(&scenario) { preflight, _ throws(InputError) in
                let value = trimmed(text).lowercased()
                if value.isEmpty || value == "none" {
                    preflight = nil
                } else {
                    let status = try statusCode(value, field: "OPTIONS status")
                    preflight = ServerResponse(status: status, headers: preflight?.headers ?? [])
                }
            }
        case .rawPreflightHeader(let index):
            try updateRaw(&scenario) { preflight, _ throws(InputError) in
                preflight?.headers[index] = try header(text, sentBy: .server)
            }
        case .addRawPreflightHeader:
            try updateRaw(&scenario) { preflight, _ throws(InputError) in
                preflight?.headers.append(try header(text, sentBy: .server))
            }
        case .rawResponseStatus:
            try updateRaw(&scenario) { _, response throws(InputError) in
                response.status = try statusCode(text, field: "Response status")
            }
        case .rawResponseHeader(let index):
            try updateRaw(&scenario) { _, response throws(InputError) in
                response.headers[index] = try header(text, sentBy: .server)
            }
        case .addRawResponseHeader:
            try updateRaw(&scenario) { _, response throws(InputError) in
                response.headers.append(try header(text, sentBy: .server))
            }
        case .presetOption(let block, let key):
            try updatePreset(&scenario) { configuration throws(ScenarioError) in
                try MiddlewareOptionEditor.setting(key, of: block, to: text, in: configuration)
            }
        case .presetHeader(let block, let key, let index):
            let line = try header(text, sentBy: .server)
            try updatePresetHeaders(block, key, in: &scenario) { $0[index] = line }
        case .addPresetHeader(let block, let key):
            let line = try header(text, sentBy: .server)
            try updatePresetHeaders(block, key, in: &scenario) { $0.append(line) }
        default:
            try applyToPolicy(text, field: field, in: &scenario)
        }
    }

    private static func applyToPolicy(_ text: String, field: FieldID, in scenario: inout Scenario) throws(InputError) {
        guard case .policy(var policy) = scenario.server.behavior else { return }
        switch field {
        case .origins: policy.allowOrigins = try origins(text)
        case .methods: policy.allowMethods = list(text)
        case .allowHeaders:
            switch trimmed(text).lowercased() {
            case "*": policy.allowHeaders = .wildcard
            case "mirror": policy.allowHeaders = .mirror
            default: policy.allowHeaders = .list(list(text))
            }
        case .exposeHeaders: policy.exposeHeaders = list(text)
        case .maxAge:
            let value = trimmed(text)
            if value.isEmpty {
                policy.maxAge = nil
            } else {
                guard let seconds = Int(value) else {
                    throw InputError("Max-Age: expected a whole number of seconds (it may be negative), or nothing")
                }
                policy.maxAge = seconds
            }
        case .preflightStatus: policy.preflightStatus = try statusCode(text, field: "Preflight status")
        case .actualStatus: policy.actualStatus = try statusCode(text, field: "Status")
        case .policyResponseHeader(let index): policy.responseHeaders[index] = try header(text, sentBy: .server)
        case .addPolicyResponseHeader: policy.responseHeaders.append(try header(text, sentBy: .server))
        default: return
        }
        scenario.server.behavior = .policy(policy)
    }

    /// Picks the next option of a choice or toggle row. Returns false when the row has no options; throws when the
    /// middleware would refuse the result at start-up (the scenario is then left as it was).
    static func cycle(_ field: FieldID, in scenario: inout Scenario) throws(InputError) -> Bool {
        var request = scenario.request
        switch field {
        case .api:
            request.api = request.api == .fetch ? .xhr : .fetch
            if request.api == .xhr {
                request.mode = .cors
                if request.credentials == .omit { request.credentials = .sameOrigin }
            } else {
                request.hasUploadListener = false
            }
        case .mode:
            guard request.api == .fetch else { return false }
            request.mode = next(request.mode, in: RequestMode.allCases)
        case .credentials:
            request.credentials =
                request.api == .xhr
                ? (request.credentials == .include ? .sameOrigin : .include)
                : next(request.credentials, in: CredentialsMode.allCases)
        case .uploadListener:
            guard request.api == .xhr else { return false }
            request.hasUploadListener.toggle()
        case .presetOption(let block, let key):
            guard let option = presetOption(block, key, in: scenario.server), case .flag(let on) = option.kind else {
                return false
            }
            // Off is `false`, or leaving the key out for an option that has no `false` (`SetIsOriginAllowed`).
            let text = option.isOn ? (on == "true" ? "false" : "") : on
            try updatePreset(&scenario) { configuration throws(ScenarioError) in
                try MiddlewareOptionEditor.setting(key, of: block, to: text, in: configuration)
            }
            return true
        default:
            return togglePolicy(field, in: &scenario)
        }
        scenario.request = request
        return true
    }

    private static func togglePolicy(_ field: FieldID, in scenario: inout Scenario) -> Bool {
        guard case .policy(var policy) = scenario.server.behavior else { return false }
        switch field {
        case .allowCredentials: policy.allowCredentials.toggle()
        case .optionsRouted: policy.optionsRouted.toggle()
        case .headersOnActual: policy.headersOnActual.toggle()
        case .headersOnErrors: policy.headersOnErrors.toggle()
        case .varyOrigin: policy.varyOrigin.toggle()
        default: return false
        }
        scenario.server.behavior = .policy(policy)
        return true
    }

    /// Deletes the header of a header row. Returns false for other rows.
    static func deleteHeader(_ field: FieldID, in scenario: inout Scenario) -> Bool {
        editHeaders(field, in: &scenario) { headers, index in headers.remove(at: index) }
    }

    /// Moves the header of a header row up (`by: -1`) or down (`by: 1`). Returns false when it cannot move.
    static func moveHeader(_ field: FieldID, by offset: Int, in scenario: inout Scenario) -> Bool {
        editHeaders(field, in: &scenario) { headers, index in
            let target = index + offset
            guard headers.indices.contains(target) else { return }
            headers.swapAt(index, target)
        }
    }

    /// The field of the same header after it moved by `offset`.
    static func moved(_ field: FieldID, by offset: Int) -> FieldID {
        switch field {
        case .requestHeader(let index): return .requestHeader(index + offset)
        case .policyResponseHeader(let index): return .policyResponseHeader(index + offset)
        case .rawPreflightHeader(let index): return .rawPreflightHeader(index + offset)
        case .rawResponseHeader(let index): return .rawResponseHeader(index + offset)
        case .presetHeader(let block, let key, let index): return .presetHeader(block, key, index + offset)
        default: return field
        }
    }

    private static func editHeaders(
        _ field: FieldID, in scenario: inout Scenario, _ change: (inout [HeaderField], Int) -> Void
    ) -> Bool {
        switch field {
        case .requestHeader(let index):
            change(&scenario.request.headers, index)
        case .policyResponseHeader(let index):
            guard case .policy(var policy) = scenario.server.behavior else { return false }
            change(&policy.responseHeaders, index)
            scenario.server.behavior = .policy(policy)
        case .rawPreflightHeader(let index):
            guard case .raw(var preflight?, let response) = scenario.server.behavior else { return false }
            change(&preflight.headers, index)
            scenario.server.behavior = .raw(preflight: preflight, response: response)
        case .rawResponseHeader(let index):
            guard case .raw(let preflight, var response) = scenario.server.behavior else { return false }
            change(&response.headers, index)
            scenario.server.behavior = .raw(preflight: preflight, response: response)
        case .presetHeader(let block, let key, let index):
            do { try updatePresetHeaders(block, key, in: &scenario) { change(&$0, index) } } catch { return false }
        default:
            return false
        }
        return true
    }

    // MARK: Parsing typed text

    private static func updateRaw(
        _ scenario: inout Scenario,
        _ change: (inout ServerResponse?, inout ServerResponse) throws(InputError) -> Void
    ) throws(InputError) {
        guard case .raw(var preflight, var response) = scenario.server.behavior else { return }
        try change(&preflight, &response)
        scenario.server.behavior = .raw(preflight: preflight, response: response)
    }

    private static func updatePreset(
        _ scenario: inout Scenario,
        _ change: (MiddlewareConfiguration) throws(ScenarioError) -> MiddlewareConfiguration
    ) throws(InputError) {
        guard case .middleware(let configuration) = scenario.server.behavior else { return }
        do {
            scenario.server.behavior = .middleware(try change(configuration))
        } catch {
            throw InputError(error.message)
        }
    }

    private static func updatePresetHeaders(
        _ block: MiddlewareOption.Block, _ key: String, in scenario: inout Scenario,
        _ change: (inout [HeaderField]) -> Void
    ) throws(InputError) {
        try updatePreset(&scenario) { configuration throws(ScenarioError) in
            var headers = MiddlewareOptionEditor.headers(block, in: configuration)
            change(&headers)
            return try MiddlewareOptionEditor.settingHeaders(key, of: block, to: headers, in: configuration)
        }
    }

    /// `Name: value` into a header. The value is kept as typed, apart from the spaces after the colon. What a
    /// scenario file could not hold is refused with the loader's reason (`HeaderText`).
    static func header(_ text: String, sentBy sender: HeaderSender) throws(InputError) -> HeaderField {
        guard let colon = text.firstIndex(of: ":") else {
            throw InputError("Header: expected Name: value, for example X-Request-Id: 42")
        }
        let name = trimmed(String(text[..<colon]))
        guard !name.isEmpty else { throw InputError("Header: the name before ':' is empty") }
        var value = text[text.index(after: colon)...]
        while value.first == " " || value.first == "\t" { value.removeFirst() }
        if let problem = HeaderText.problem(name: name, value: String(value), sentBy: sender) {
            throw InputError("Header: \(problem.message)")
        }
        return HeaderField(name, String(value))
    }

    private static func statusCode(_ text: String, field: String) throws(InputError) -> Int {
        guard let status = Int(trimmed(text)), (100...999).contains(status) else {
            throw InputError("\(field): expected a status code from 100 to 999")
        }
        return status
    }

    private static func origins(_ text: String) throws(InputError) -> OriginAllowance {
        switch trimmed(text).lowercased() {
        case "*": return .any
        case "reflect": return .reflectAny
        default: break
        }
        var patterns: [OriginPattern] = []
        for item in originItems(text) {
            if item.count >= 2, item.hasPrefix("/"), item.hasSuffix("/") {
                let pattern = String(item.dropFirst().dropLast())
                guard (try? Regex(pattern)) != nil else {
                    throw InputError("Origins: /\(pattern)/ is not a valid regular expression")
                }
                patterns.append(.regex(pattern))
            } else if item == "*" || item.lowercased() == "reflect" {
                throw InputError("Origins: \(item) must be the only entry; it cannot be mixed with origins")
            } else {
                patterns.append(OriginPattern.parse(item))
            }
        }
        return .list(patterns)
    }

    /// The entries of an origin list: like ``list(_:)``, but a `/regex/` keeps its commas (`/a{1,3}\.com/`).
    private static func originItems(_ text: String) -> [String] {
        var items: [String] = []
        var openRegex: String?
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let item = trimmed(openRegex.map { $0 + "," + part } ?? part)
            if item.hasPrefix("/") && (item.count < 2 || !item.hasSuffix("/")) {
                openRegex = item
            } else {
                openRegex = nil
                if !item.isEmpty { items.append(item) }
            }
        }
        // A regex that never closes is read as plain entries.
        if let openRegex { items += list(openRegex) }
        return items
    }

    /// Comma-separated items, trimmed, empties dropped.
    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    private static func trimmed(_ text: String) -> String { text.trimmingHTTPWhitespace }

    private static func next<Value: Equatable>(_ value: Value, in all: [Value]) -> Value {
        guard let index = all.firstIndex(of: value) else { return value }
        return all[(index + 1) % all.count]
    }
}

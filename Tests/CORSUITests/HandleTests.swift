import CORSCore
import CORSScenarios
import Testing

@testable import CORSUI

/// Keys and mouse events as whole-state transitions: each test says exactly what an event changes.
@Suite struct HandleTests {
    // MARK: Helpers

    /// `state` with `field` selected in its editor (and that editor focused).
    static func selecting(_ field: FieldID, in state: AppState) throws -> AppState {
        var state = state
        if let index = state.requestRows.firstIndex(where: { $0.id == field }) {
            state.focus = .request
            state.requestRow = index
        } else {
            state.focus = .server
            state.serverRow = try #require(state.serverRows.firstIndex { $0.id == field }, "\(field) is a row")
        }
        return state
    }

    static func row(_ field: FieldID, in state: AppState) throws -> FormRow {
        try #require((state.requestRows + state.serverRows).first { $0.id == field })
    }

    /// The server's policy; throws (and so fails the test) when the server sends raw headers.
    static func policy(_ state: AppState) throws -> CORSPolicy {
        guard case .policy(let policy) = state.scenario.server.behavior else {
            throw InputError("the server is not a policy")
        }
        return policy
    }

    /// The built-in scenario, finished, so that transitions do not depend on the animation.
    static func builtIn(size: Size = .minimum) throws -> AppState {
        var state = try Fixtures.builtIn(size: size)
        state.playback.mode = .finished
        return state
    }

    // MARK: Focus and selection

    @Test(arguments: [
        (Pane.request, Key.tab, Pane.server), (.server, .tab, .exchange), (.exchange, .tab, .request),
        (.request, .backTab, .exchange), (.exchange, .backTab, .server), (.server, .backTab, .request),
        (.request, .right, .server), (.server, .left, .request), (.request, .character("l"), .server),
        (.server, .character("h"), .request),
    ])
    func focusMoves(from pane: Pane, key: Key, to target: Pane) throws {
        var state = try Self.builtIn()
        state.focus = pane
        expectTransition(from: state, on: .key(key)) { $0.focus = target }
    }

    @Test(arguments: [Key.down, .character("j")])
    func downMovesTheRow(_ key: Key) throws {
        let state = try Self.builtIn()
        let next = expectTransition(from: state, on: .key(key)) { $0.requestRow = 1 }
        var server = next
        server.focus = .server
        expectTransition(from: server, on: .key(key)) { $0.serverRow = 1 }
    }

    @Test(arguments: [Key.up, .character("k")])
    func upMovesTheRowAndStopsAtTheTop(_ key: Key) throws {
        var state = try Self.builtIn()
        state.requestRow = 3
        let next = expectTransition(from: state, on: .key(key)) { $0.requestRow = 2 }
        var top = next
        top.requestRow = 0
        expectTransition(from: top, on: .key(key))
    }

    @Test(arguments: [Pane.request, .server])
    func downFromTheLastEditorRowEntersTheExchange(_ pane: Pane) throws {
        var state = try Self.builtIn()
        state.focus = pane
        state.requestRow = state.requestRows.count - 1
        state.serverRow = state.serverRows.count - 1
        state.laneSelection = 3
        expectTransition(from: state, on: .key(.down)) {
            $0.focus = .exchange
            $0.laneSelection = 0
        }
    }

    @Test func upFromTheFirstLaneLineReturnsToTheRequest() throws {
        var state = try Self.builtIn()
        state.focus = .exchange
        state.requestRow = 4
        let second = expectTransition(from: state, on: .key(.down)) { $0.laneSelection = 1 }
        let first = expectTransition(from: second, on: .key(.up)) { $0.laneSelection = 0 }
        expectTransition(from: first, on: .key(.character("k"))) { $0.focus = .request }
    }

    @Test func jumpsStayInThePane() throws {
        var state = try Self.builtIn()
        state.requestRow = 2
        let end = expectTransition(from: state, on: .key(.end)) { $0.requestRow = state.requestRows.count - 1 }
        let home = expectTransition(from: end, on: .key(.character("g"))) { $0.requestRow = 0 }
        expectTransition(from: home, on: .key(.pageDown)) { $0.requestRow = 8 }
    }

    // MARK: Editing text

    @Test(arguments: [
        (FieldID.page, "https://app.example.com"), (.url, "https://api.example.com/items/7"), (.method, "PUT"),
        (.requestHeader(1), "X-Request-Id: 42"), (.addRequestHeader, ""), (.body, #"{"name":"widget"}"#),
        (.cookie, ""), (.origins, "https://app.example.com"), (.methods, "GET, POST"),
        (.allowHeaders, "Content-Type, X-Request-Id"), (.exposeHeaders, ""), (.maxAge, "600"),
        (.preflightStatus, "204"), (.actualStatus, "200"),
        (.policyResponseHeader(0), "Content-Type: application/json"),
    ])
    func enterStartsEditingWithTheShownValue(_ field: FieldID, _ text: String) throws {
        let state = try Self.selecting(field, in: Self.builtIn())
        let hint = try Self.row(field, in: state).hint
        #expect(!hint.isEmpty)
        expectTransition(from: state, on: .key(.enter)) {
            $0.editing = FieldEdit(field: field, text: text, hint: hint)
        }
        expectTransition(from: state, on: .key(.character("e"))) {
            $0.editing = FieldEdit(field: field, text: text, hint: hint)
        }
    }

    @Test func typingPreviewsAndEnterCommits() throws {
        var state = try Self.selecting(.methods, in: Self.builtIn())
        let before = state
        #expect(before.exchange.verdict.outcome == .blocked)
        press(.enter, in: &state)
        type(", PUT", in: &state)
        // The preview: the verdict of the text typed so far, while the scenario is unchanged.
        #expect(state.editing?.text.text == "GET, POST, PUT")
        #expect(state.scenario == before.scenario)
        #expect(state.exchange.verdict.outcome == .allowed)
        #expect(state.message == nil)

        var policy = try Self.policy(state)
        policy.allowMethods = ["GET", "POST", "PUT"]
        let committed = expectTransition(from: state, on: .key(.enter)) {
            $0.scenario.server.behavior = .policy(policy)
            $0.editing = nil
            $0.reevaluate()
            $0.playback.mode = .finished
        }
        #expect(committed.exchange.verdict.outcome == .allowed)
        #expect(committed.serverRows.first { $0.id == .methods }?.value == "GET, POST, PUT")
        #expect(committed.render(at: .zero).text.contains("ALLOWED"))
    }

    @Test func eachTypedCharacterUpdatesThePreview() throws {
        var state = try Self.selecting(.method, in: Self.builtIn())
        press(.enter, .control("u"), in: &state)
        #expect(state.editing?.text.text == "")
        #expect(state.messageIsError, "an empty method is not valid, and the preview says so")
        type("PO", in: &state)
        #expect(state.exchange.request.method == "PO")
        let reasons = state.exchange.prepared?.preflightReasons ?? []
        #expect(reasons.contains { $0.contains("method PO ") })
        type("ST", in: &state)
        #expect(state.exchange.request.method == "POST")
        let fewer = state.exchange.prepared?.preflightReasons ?? []
        #expect(!fewer.isEmpty && !fewer.contains { $0.contains("method") })
        #expect(state.scenario.request.method == "PUT")
    }

    @Test func tabAlsoCommits() throws {
        var state = try Self.selecting(.maxAge, in: Self.builtIn())
        press(.enter, .control("u"), in: &state)
        type("-5", in: &state)
        var policy = try Self.policy(state)
        policy.maxAge = -5
        expectTransition(from: state, on: .key(.tab)) {
            $0.scenario.server.behavior = .policy(policy)
            $0.editing = nil
            $0.reevaluate()
        }
    }

    @Test(arguments: [
        (FieldID.page, "not a url", "Page: "), (.url, "nope", "URL: "), (.preflightStatus, "abc", "Preflight status: "),
        (.actualStatus, "abc", "Status: "), (.actualStatus, "1000", "Status: "),
        (.addRequestHeader, "X-Foo", "Header: "),
        (.requestHeader(0), ": value", "Header: "), (.maxAge, "x", "Max-Age: "), (.origins, "/(/", "Origins: "),
        (.origins, "*, https://a.com", "Origins: "), (.method, "", "Method: "),
    ])
    func aBadValueKeepsEditingAndSaysWhy(_ field: FieldID, _ text: String, _ prefix: String) throws {
        var state = try Self.selecting(field, in: Self.builtIn())
        press(.enter, .control("u"), in: &state)
        type(text, in: &state)
        var copy = state.scenario
        let error = try #require(throws: InputError.self) { try FieldEditing.apply(text, to: field, in: &copy) }
        #expect(error.message.hasPrefix(prefix))
        let after = expectTransition(from: state, on: .key(.enter)) {
            $0.message = error.message
            $0.messageIsError = true
        }
        #expect(after.editing?.text.text == text)
        #expect(after.scenario == state.original)
        #expect(after.render(at: .zero).lines[23].contains(prefix.trimmingCharacters(in: .whitespaces)))
    }

    @Test func escapeCancelsAndRestoresTheExchange() throws {
        var state = try Self.selecting(.methods, in: Self.builtIn())
        let before = state
        press(.enter, in: &state)
        type(", PUT", in: &state)
        #expect(state.exchange.verdict.outcome == .allowed)
        let cancelled = expectTransition(from: state, on: .key(.escape)) {
            $0.editing = nil
            $0.reevaluate()
        }
        #expect(cancelled.exchange == before.exchange)
        #expect(cancelled.lane == before.lane)
        #expect(cancelled == before)
    }

    @Test func editingKeysMoveTheCursorNotTheSelection() throws {
        var state = try Self.selecting(.methods, in: Self.builtIn())
        press(.enter, in: &state)
        let editing = state
        var edit = try #require(editing.editing)
        _ = edit.text.handle(.left)
        expectTransition(from: editing, on: .key(.left)) { $0.editing = edit }
        expectTransition(from: editing, on: .key(.up))
        expectTransition(from: editing, on: .key(.character("q"))) {
            $0.editing?.text.insert("q")
            $0.reevaluate(try? Self.scenario(editing.scenario, methods: "GET, POSTq"))
            $0.playback.mode = .finished
        }
    }

    static func scenario(_ scenario: Scenario, methods: String) throws -> Scenario {
        var scenario = scenario
        try FieldEditing.apply(methods, to: .methods, in: &scenario)
        return scenario
    }

    // MARK: Choices and toggles

    @Test func apiSwitchToXHRForcesCORSModeAndNeverOmitsCredentials() throws {
        var state = try Self.selecting(.credentials, in: Self.builtIn())
        #expect(state.scenario.request.credentials == .sameOrigin)
        press(.enter, in: &state)
        #expect(state.scenario.request.credentials == .include)
        press(.enter, in: &state)
        #expect(state.scenario.request.credentials == .omit)
        state = try Self.selecting(.mode, in: state)
        press(.enter, in: &state)
        #expect(state.scenario.request.mode == .noCORS)

        state = try Self.selecting(.api, in: state)
        let xhr = expectTransition(from: state, on: .key(.enter)) {
            $0.scenario.request.api = .xhr
            $0.scenario.request.mode = .cors
            $0.scenario.request.credentials = .sameOrigin
            $0.reevaluate()
        }
        #expect(xhr.requestRows.contains { $0.id == .uploadListener })
        #expect(xhr.requestRows.first { $0.id == .mode }?.kind == .readOnly)

        // XHR credentials: same-origin and include (withCredentials), never omit.
        var credentials = try Self.selecting(.credentials, in: xhr)
        var seen: [CredentialsMode] = []
        for _ in 0..<4 {
            press(.enter, in: &credentials)
            seen.append(credentials.scenario.request.credentials)
        }
        #expect(seen == [.include, .sameOrigin, .include, .sameOrigin])

        // Mode is read-only for XHR: Enter explains instead.
        let mode = try Self.selecting(.mode, in: xhr)
        expectTransition(from: mode, on: .key(.enter)) {
            $0.message = "Mode: not editable here; edit the scenario file to change it"
        }

        // Back to fetch: the upload listener goes.
        var upload = try Self.selecting(.uploadListener, in: xhr)
        press(.enter, in: &upload)
        #expect(upload.scenario.request.hasUploadListener)
        upload = try Self.selecting(.api, in: upload)
        press(.enter, in: &upload)
        #expect(upload.scenario.request.api == .fetch)
        #expect(!upload.scenario.request.hasUploadListener)
    }

    @Test(arguments: [FieldID.allowCredentials, .optionsRouted, .headersOnActual, .headersOnErrors, .varyOrigin])
    func policyTogglesFlip(_ field: FieldID) throws {
        let state = try Self.selecting(field, in: Self.builtIn())
        var policy = try Self.policy(state)
        switch field {
        case .allowCredentials: policy.allowCredentials.toggle()
        case .optionsRouted: policy.optionsRouted.toggle()
        case .headersOnActual: policy.headersOnActual.toggle()
        case .headersOnErrors: policy.headersOnErrors.toggle()
        default: policy.varyOrigin.toggle()
        }
        let toggled = expectTransition(from: state, on: .key(.enter)) {
            $0.scenario.server.behavior = .policy(policy)
            $0.reevaluate()
        }
        var back = toggled
        press(.enter, in: &back)
        #expect(back.scenario == state.scenario)
    }

    @Test func credentialsToggleAddsTheHeader() throws {
        var state = try Self.selecting(.allowCredentials, in: Self.builtIn())
        press(.enter, in: &state)
        #expect(state.serverRows.first { $0.id == .allowCredentials }?.value == "yes")
        let headers = state.exchange.preflight?.response?.headers ?? []
        #expect(headers.contains(HeaderField("Access-Control-Allow-Credentials", "true")))
    }

    // MARK: Header lists

    @Test func aAddsARequestHeader() throws {
        var state = try Self.builtIn()
        state.requestRow = 2
        let adding = expectTransition(from: state, on: .key(.character("a"))) {
            $0.requestRow = state.requestRows.firstIndex { $0.id == .addRequestHeader } ?? -1
            $0.editing = FieldEdit(field: .addRequestHeader, text: "", hint: "Name: value")
        }
        var typed = adding
        type("X-Trace:   a:b ", in: &typed)
        let added = expectTransition(from: typed, on: .key(.enter)) {
            $0.scenario.request.headers.append(HeaderField("X-Trace", "a:b "))
            $0.editing = nil
            $0.reevaluate()
        }
        #expect(added.requestRows.contains { $0.value == "X-Trace: a:b " })
    }

    @Test func aFromTheExchangeAddsARequestHeader() throws {
        var state = try Self.builtIn()
        state.focus = .exchange
        expectTransition(from: state, on: .key(.character("a"))) {
            $0.focus = .request
            $0.requestRow = state.requestRows.firstIndex { $0.id == .addRequestHeader } ?? -1
            $0.editing = FieldEdit(field: .addRequestHeader, text: "", hint: "Name: value")
        }
    }

    @Test func aInThePolicyAddsAResponseHeader() throws {
        var state = try Self.builtIn()
        state.focus = .server
        let adding = expectTransition(from: state, on: .key(.character("a"))) {
            $0.serverRow = state.serverRows.firstIndex { $0.id == .addPolicyResponseHeader } ?? -1
            $0.editing = FieldEdit(field: .addPolicyResponseHeader, text: "", hint: "Name: value")
        }
        var typed = adding
        type("Cache-Control: no-store", in: &typed)
        var policy = try Self.policy(state)
        policy.responseHeaders.append(HeaderField("Cache-Control", "no-store"))
        expectTransition(from: typed, on: .key(.enter)) {
            $0.scenario.server.behavior = .policy(policy)
            $0.editing = nil
            $0.reevaluate()
        }
    }

    @Test(arguments: [Key.character("d"), .delete])
    func dDeletesTheSelectedRequestHeader(_ key: Key) throws {
        let state = try Self.selecting(.requestHeader(1), in: Self.builtIn())
        let deleted = expectTransition(from: state, on: .key(key)) {
            $0.scenario.request.headers.remove(at: 1)
            $0.reevaluate()
        }
        #expect(deleted.selectedRow?.id == .addRequestHeader)
        #expect(!deleted.exchange.request.headers.contains { $0.name == "X-Request-Id" })
    }

    @Test func dDeletesAPolicyResponseHeader() throws {
        let state = try Self.selecting(.policyResponseHeader(0), in: Self.builtIn())
        var policy = try Self.policy(state)
        policy.responseHeaders = []
        expectTransition(from: state, on: .key(.character("d"))) {
            $0.scenario.server.behavior = .policy(policy)
            $0.reevaluate()
        }
    }

    @Test func dOnAnotherRowExplains() throws {
        let state = try Self.selecting(.method, in: Self.builtIn())
        expectTransition(from: state, on: .key(.character("d"))) {
            $0.message = "Select a header line first (d deletes it, J/K move it)"
        }
        expectTransition(from: state, on: .key(.character("J"))) {
            $0.message = "Select a header line first (d deletes it, J/K move it)"
        }
    }

    @Test func jAndKMoveARequestHeader() throws {
        let state = try Self.selecting(.requestHeader(0), in: Self.builtIn())
        let headers = state.scenario.request.headers
        let down = expectTransition(from: state, on: .key(.character("J"))) {
            $0.scenario.request.headers = [headers[1], headers[0]]
            $0.reevaluate()
            $0.requestRow += 1
        }
        #expect(down.selectedRow?.id == .requestHeader(1))
        let up = expectTransition(from: down, on: .key(.character("K"))) {
            $0.scenario.request.headers = headers
            $0.reevaluate()
            $0.requestRow -= 1
        }
        #expect(up.scenario == state.scenario)
    }

    @Test func jAndKMoveAPolicyResponseHeader() throws {
        var state = try Self.builtIn()
        state.focus = .server
        press(.character("a"), in: &state)
        type("X-A: 1", in: &state)
        press(.enter, in: &state)
        state = try Self.selecting(.policyResponseHeader(1), in: state)
        var policy = try Self.policy(state)
        let headers = policy.responseHeaders
        #expect(headers.map(\.name) == ["Content-Type", "X-A"])
        policy.responseHeaders = [headers[1], headers[0]]
        let moved = expectTransition(from: state, on: .key(.character("K"))) {
            $0.scenario.server.behavior = .policy(policy)
            $0.reevaluate()
            $0.serverRow -= 1
        }
        #expect(moved.selectedRow?.id == .policyResponseHeader(0))
        #expect(moved.serverRows[moved.serverRow].value == "X-A: 1")
    }

    // MARK: Policy and raw headers

    @Test func mSwitchesToRawHeadersFromWhatThePolicySentAndBack() throws {
        var state = try Self.builtIn()
        state.focus = .server
        state.serverRow = 3
        let policy = try Self.policy(state)
        let sent = try #require(state.exchange.preflight?.response)
        // The preflight fails, so the actual request was never sent: its answer is the policy's to a PUT.
        let actual = WireRequest(
            method: "PUT", url: state.scenario.request.url,
            headers: [HeaderField("Origin", state.scenario.request.page.serialized)])
        let answer = PolicyResponder.reply(to: actual, server: state.scenario.server).response
        let raw = expectTransition(from: state, on: .key(.character("m"))) {
            $0.scenario.server.behavior = .raw(preflight: sent, response: answer)
            $0.serverMemory = ServerMemory(savedPolicy: policy, rawSource: .policy)
            $0.message = "Raw headers: starting from exactly what the policy sent; m switches back"
            $0.serverRow = 0
            $0.reevaluate()
        }
        guard case .raw(let preflight?, _) = raw.scenario.server.behavior else {
            Issue.record("m did not switch to raw headers with a preflight answer")
            return
        }
        #expect(preflight.headers == sent.headers)
        #expect(preflight.status == sent.status)
        #expect(raw.exchange.preflight?.response?.headers == sent.headers)
        #expect(raw.exchange.verdict.outcome == state.exchange.verdict.outcome)
        #expect(raw.serverRows.contains { $0.id == .rawPreflightHeader(0) })
        #expect(raw.render(at: .zero).text.contains("Server · raw headers"))

        let back = expectTransition(from: raw, on: .key(.character("m"))) {
            $0.scenario.server.behavior = .policy(policy)
            $0.message = "CORS policy"
            $0.reevaluate()
        }
        #expect(back.scenario == state.scenario)
        #expect(back.exchange == state.exchange)
    }

    @Test func enterOnTheServerKindRowSwitchesToo() throws {
        let state = try Self.selecting(.serverKind, in: Self.builtIn())
        var viaEnter = state
        var viaM = state
        press(.enter, in: &viaEnter)
        press(.character("m"), in: &viaM)
        #expect(viaEnter == viaM)
    }

    @Test func aInRawHeadersAddsToTheListOfTheSelectedAnswer() throws {
        var state = try Self.builtIn()
        state.focus = .server
        press(.character("m"), in: &state)
        state = try Self.selecting(.rawPreflightHeader(0), in: state)
        press(.character("a"), in: &state)
        #expect(state.editing?.field == .addRawPreflightHeader)
        press(.escape, in: &state)
        state = try Self.selecting(.rawResponseStatus, in: state)
        press(.character("a"), in: &state)
        #expect(state.editing?.field == .addRawResponseHeader)
    }

    // MARK: Browser, reset, help, quit, size

    @Test func bCyclesBrowsersAndReevaluates() throws {
        let state = try Self.builtIn()
        let chromium = state.exchange.verdict.console
        let firefox = expectTransition(from: state, on: .key(.character("b"))) {
            $0.scenario.browser = .firefox
            $0.reevaluate()
            $0.message = "Browser: Firefox"
        }
        #expect(firefox.exchange.browser == .firefox)
        #expect(firefox.exchange.verdict.console != chromium)
        #expect(firefox.exchange.verdict.console.first?.hasPrefix("Cross-Origin Request Blocked") == true)
        #expect(firefox.render(at: .zero).lines[0].contains("Firefox"))
        var all = firefox
        press(.character("b"), in: &all)
        #expect(all.scenario.browser == .safari)
        press(.character("b"), in: &all)
        #expect(all.scenario.browser == .spec)
        press(.character("b"), in: &all)
        #expect(all.scenario.browser == .chromium)
        #expect(all.exchange.verdict.console == chromium)
    }

    @Test func shiftRResetsToTheScenarioAsLoaded() throws {
        var state = try Self.selecting(.methods, in: Self.builtIn())
        press(.enter, in: &state)
        type(", PUT", in: &state)
        press(.enter, .character("b"), .character("m"), in: &state)
        #expect(state.scenario != state.original)
        let now = Duration.seconds(7)
        let reset = expectTransition(from: state, on: .key(.character("R")), at: now) {
            $0.scenario = state.original
            $0.serverMemory = ServerMemory()
            $0.reevaluate()
            $0.playback.mode = .playing(since: now)
            $0.message = "Back to the scenario as loaded"
        }
        #expect(reset.exchange.verdict.outcome == .blocked)
    }

    @Test func helpOpensAndCloses() throws {
        let state = try Self.builtIn()
        let help = expectTransition(from: state, on: .key(.character("?"))) { $0.showsHelp = true }
        expectTransition(from: help, on: .key(.escape)) { $0.showsHelp = false }
        expectTransition(from: help, on: .key(.character("q"))) { $0.showsHelp = false }
        expectTransition(from: help, on: .key(.function(1))) { $0.showsHelp = false }
        expectTransition(from: help, on: .key(.tab))
        expectTransition(from: help, on: .click(column: 3, row: 3)) { $0.showsHelp = false }
        expectTransition(from: state, on: .key(.function(1))) { $0.showsHelp = true }
    }

    @Test(arguments: [Key.character("q"), .control("c")])
    func quitKeysReturnQuit(_ key: Key) throws {
        expectTransition(from: try Self.builtIn(), on: .key(key), returns: .quit)
    }

    @Test func writeAsksTheLoopToSaveTheEditedScenario() throws {
        var state = try Self.builtIn()
        var edited = state.scenario
        edited.browser = .firefox
        _ = state.handle(.key(.character("b")), at: .zero)
        #expect(state.scenario == edited)
        expectTransition(from: state, on: .key(.character("w")), returns: .save(edited)) { $0.message = nil }
    }

    @Test("v runs the scenario in the real browser of the profile, and the verdict bar shows how it went")
    func runInRealBrowser() throws {
        let state = try Self.builtIn(size: Size(columns: 120, rows: 40))
        let running = expectTransition(
            from: state, on: .key(.character("v")), returns: .runInBrowser(state.scenario, .chromium)
        ) {
            $0.browserCheck = BrowserCheck(browserName: "Chromium", scenario: state.scenario, progress: .running)
        }
        #expect(running.render(at: .zero).text.contains("Real Chromium: running the scenario headless…"))
        expectTransition(from: running, on: .key(.character("v"))) {
            $0.message = "The browser is still at work."
        }

        var finished = running
        finished.finishBrowserCheck(.finished(agrees: true, account: "blocked, with the same requests"))
        #expect(finished.render(at: .zero).text.contains("✓ Real Chromium agrees: blocked, with the same requests"))
        var disagreeing = running
        disagreeing.finishBrowserCheck(.finished(agrees: false, account: "script: evaluator blocked, browser allowed"))
        #expect(
            disagreeing.render(at: .zero).text.contains(
                "✗ Real Chromium disagrees: script: evaluator blocked, browser allowed"))

        press(.character("b"), in: &finished)
        #expect(finished.render(at: .zero).text.contains("(before the last change: v runs it again)"))
        press(.character("b"), in: &finished)
        expectTransition(from: finished, on: .key(.character("v"))) {
            $0.message = "Real browsers here are Chromium and Firefox; b switches the profile from Safari."
            $0.messageIsError = true
        }
    }

    @Test func reportShowsTheLoopsOutcome() throws {
        var state = try Self.builtIn()
        state.report("Could not write x.yaml", isError: true)
        #expect(state.message == "Could not write x.yaml")
        #expect(state.messageIsError)
    }

    @Test func aKeyClearsTheMessage() throws {
        var state = try Self.builtIn()
        press(.character("b"), in: &state)
        #expect(state.message == "Browser: Firefox")
        expectTransition(from: state, on: .key(.down)) {
            $0.message = nil
            $0.requestRow = 1
        }
    }

    @Test func resizeStoresTheSize() throws {
        let state = try Self.builtIn()
        expectTransition(from: state, on: .resize(Size(columns: 132, rows: 43))) {
            $0.size = Size(columns: 132, rows: 43)
        }
        expectTransition(from: state, on: .tick, at: .seconds(1))
    }

    // MARK: Mouse

    @Test func clickingAnEditorRowSelectsIt() throws {
        let state = try Self.builtIn()
        // The request box starts on row 1, its first field on row 2.
        expectTransition(from: state, on: .click(column: 5, row: 4)) { $0.requestRow = 2 }
        expectTransition(from: state, on: .click(column: 50, row: 3)) {
            $0.focus = .server
            $0.serverRow = 1
        }
        // The frame itself selects the pane but no row.
        expectTransition(from: state, on: .click(column: 50, row: 1)) { $0.focus = .server }
    }

    @Test func clicksWhileEditingAreIgnored() throws {
        var state = try Self.selecting(.method, in: Self.builtIn())
        press(.enter, in: &state)
        expectTransition(from: state, on: .click(column: 50, row: 3))
    }

    @Test(arguments: [Pane.exchange, .request])
    func clickingALaneLineSelectsIt(from pane: Pane) throws {
        var state = try Self.builtIn()
        state.focus = pane
        // The lane as drawn before the click: pick the last selectable line on screen, other than the selection.
        let layout = ScreenLayout(state)
        let drawn = LaneView(state: state, area: layout.laneContent, at: .zero).visibleRows
        let selected = state.focus == .exchange ? state.selectedLaneLine : nil
        let target = try #require(
            drawn.last { state.lane.lines[$0.row.line].isSelectable && $0.row.line != selected && $0.row.isFirst })
        let text = state.lane.lines[target.row.line].text
        #expect(state.render(at: .zero).lines[target.screenRow].contains(String(text.prefix(20))))
        let index = try #require(state.lane.selectableLines.firstIndex(of: target.row.line))
        let clicked = expectTransition(from: state, on: .click(column: 20, row: target.screenRow)) {
            $0.focus = .exchange
            $0.laneSelection = index
        }
        #expect(clicked.selectedLaneLine == target.row.line)
        // The selected line is drawn reversed.
        let canvas = clicked.render(at: .zero)
        let row = try #require(canvas.lines.firstIndex { $0.contains(String(text.prefix(20))) })
        #expect(canvas[20, row].style.isReversed)
    }

    @Test func clickingTheDetailPaneOnlyFocusesTheExchange() throws {
        var state = try Self.builtIn(size: Size(columns: 120, rows: 40))
        state.laneSelection = 2
        let info = try #require(ScreenLayout(state).info)
        expectTransition(from: state, on: .click(column: info.x + 5, row: info.y + 3)) { $0.focus = .exchange }
    }

    @Test func theWheelMovesTheSelectionOfThePaneUnderIt() throws {
        let state = try Self.builtIn()
        expectTransition(from: state, on: .scroll(lines: 1, column: 50, row: 4)) {
            $0.focus = .server
            $0.serverRow = 1
        }
        expectTransition(from: state, on: .scroll(lines: -1, column: 5, row: 4))
    }
}

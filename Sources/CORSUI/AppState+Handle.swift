import CORSCore
import CORSExport
import CORSScenarios

extension AppState {
    /// Updates the state for one event at time `now`; returns a command for the terminal loop, if any.
    public mutating func handle(_ event: InputEvent, at now: Duration) -> AppCommand? {
        switch event {
        case .tick:
            return nil
        case .resize(let newSize):
            size = newSize
            return nil
        case .click(let column, let row):
            click(column: column, row: row, at: now)
            return nil
        case .scroll(let lines, let column, let row):
            if let pane = ScreenLayout(self).pane(at: column, row: row), editing == nil, !showsHelp {
                focus = pane
                moveSelection(by: lines)
            }
            return nil
        case .text(let text):
            return handleText(text, at: now)
        case .key(let key):
            message = nil
            messageIsError = false
            if showsHelp {
                if [.escape, .enter, .character("?"), .character("q"), .function(1)].contains(key) {
                    showsHelp = false
                }
                return nil
            }
            if editing != nil {
                handleEditing(key)
                return nil
            }
            if exportChooser != nil { return handleExportChooser(key) }
            return handleKey(key, at: now)
        }
    }

    /// Characters in a row: inserted at once in a text edit, otherwise handled as keys one by one until one of
    /// them returns a command (the rest is then dropped, as after `q`).
    private mutating func handleText(_ text: String, at now: Duration) -> AppCommand? {
        var rest = Substring(text)
        while let first = rest.first {
            if !showsHelp, var edit = editing {
                message = nil
                messageIsError = false
                edit.text.insert(String(rest))
                editing = edit
                preview(edit)
                return nil
            }
            if let command = handle(.key(.character(first)), at: now) { return command }
            rest = rest.dropFirst()
        }
        return nil
    }

    /// Shows `message` in the status line (for outcomes the terminal loop learns, such as a saved file).
    public mutating func report(_ message: String, isError: Bool) {
        self.message = message
        messageIsError = isError
    }

    /// Shows the outcome of the run in a real browser that `v` started.
    public mutating func finishBrowserCheck(_ progress: BrowserCheck.Progress) {
        browserCheck?.progress = progress
    }

    /// Shows what the live probe that `P` started brought back: the server becomes raw, with the real answers.
    public mutating func finishProbe(_ outcome: LiveProbeOutcome) {
        isProbing = false
        switch outcome {
        case .recorded(let server, let account):
            // Like a switch to raw headers: what the user had comes back with `m`.
            var conversion = ServerConversion(request: scenario.request, exchange: exchange, memory: serverMemory)
            conversion.remember(scenario.server.behavior)
            conversion.memory.rawSource = ServerKind(scenario.server.behavior)
            serverMemory = conversion.memory
            scenario.server = server
            serverRow = 0
            reevaluate()
            playback.mode = .finished
            report("Probe: \(account); the server is now the real answers (R: back)", isError: false)
        case .failed(let reason):
            report("Probe failed: \(reason)", isError: true)
        }
    }

    private mutating func startProbe() -> AppCommand? {
        if isProbing {
            report("The probe is still at work.", isError: false)
            return nil
        }
        isProbing = true
        report(
            "Probing \(scenario.request.method) \(scenario.request.url) from \(scenario.request.page.serialized)…",
            isError: false)
        return .probe(scenario.request, scenario.browser)
    }

    private mutating func startBrowserCheck() -> AppCommand? {
        guard [.chromium, .firefox].contains(scenario.browser) else {
            report(
                "Real browsers here are Chromium and Firefox; b switches the profile from \(scenario.browser.displayName).",
                isError: true)
            return nil
        }
        if case .running = browserCheck?.progress {
            report("The browser is still at work.", isError: false)
            return nil
        }
        browserCheck = BrowserCheck(browserName: scenario.browser.displayName, scenario: scenario, progress: .running)
        return .runInBrowser(scenario, scenario.browser)
    }

    /// Keys while the export chooser is open: move, Enter exports the chosen kind, Esc cancels.
    private mutating func handleExportChooser(_ key: Key) -> AppCommand? {
        guard var chooser = exportChooser else { return nil }
        switch key {
        case .up, .character("k"): chooser.move(by: -1)
        case .down, .character("j"): chooser.move(by: 1)
        case .home, .character("g"): chooser.move(by: -ExportKind.allCases.count)
        case .end, .character("G"): chooser.move(by: ExportKind.allCases.count)
        case .enter:
            exportChooser = nil
            return .export(scenario, chooser.kind)
        case .escape, .character("q"), .character("x"):
            exportChooser = nil
            message = "Export cancelled"
            return nil
        default: break
        }
        exportChooser = chooser
        return nil
    }

    // MARK: Keys outside a text edit

    private mutating func handleKey(_ key: Key, at now: Duration) -> AppCommand? {
        switch key {
        case .character("q"), .control("c"):
            return .quit
        case .character("?"), .function(1):
            showsHelp = true
        case .tab:
            focus = Pane.allCases[(Pane.allCases.firstIndex(of: focus).map { $0 + 1 } ?? 0) % Pane.allCases.count]
        case .backTab:
            let index = Pane.allCases.firstIndex(of: focus) ?? 0
            focus = Pane.allCases[(index + Pane.allCases.count - 1) % Pane.allCases.count]
        case .up, .character("k"):
            moveSelection(by: -1)
        case .down, .character("j"):
            moveSelection(by: 1)
        case .pageUp where showsMatrix:
            matrixScroll = max(matrixScroll - 8, 0)
        case .pageDown where showsMatrix:
            matrixScroll = min(matrixScroll + 8, MatrixPane.maxScroll(self))
        case .pageUp, .control("b"):
            moveSelection(by: -8, crossesPanes: false)
        case .pageDown, .control("f"):
            moveSelection(by: 8, crossesPanes: false)
        case .home, .character("g"):
            moveSelection(by: -10_000, crossesPanes: false)
        case .end, .character("G"):
            moveSelection(by: 10_000, crossesPanes: false)
        case .left, .character("h"):
            if focus == .server { focus = .request }
        case .right, .character("l"):
            if focus == .request { focus = .server }
        case .enter, .character("e"):
            activateSelectedRow()
        case .character("a"):
            addHeader()
        case .character("d"), .delete:
            changeSelectedHeader { FieldEditing.deleteHeader($0, in: &$1) }
        case .character("K"):
            moveSelectedHeader(by: -1)
        case .character("J"):
            moveSelectedHeader(by: 1)
        case .character("m"):
            toggleRawHeaders()
        case .character("b"):
            let all = BrowserProfile.allCases
            scenario.browser = all[((all.firstIndex(of: scenario.browser) ?? 0) + 1) % all.count]
            reevaluate()
            playback.mode = .finished
            message = "Browser: \(scenario.browser.displayName)"
        case .character("r"):
            playback.replay(at: now)
        case .character(" "):
            playback.step(lane, at: now)
        case .character("+"), .character("="):
            playback.changeSpeed(by: 1, at: now)
            message = "Speed: \(speedName)"
        case .character("-"), .character("_"):
            playback.changeSpeed(by: -1, at: now)
            message = "Speed: \(speedName)"
        case .character("p"):
            playback.setSpeed(playback.speedIndex == 0 ? Playback.normalSpeed : 0, at: now)
            message = "Speed: \(speedName)"
        case .character("w"):
            return .save(scenario)
        case .character("v"):
            return startBrowserCheck()
        case .character("P"):
            return startProbe()
        case .character("x"):
            exportChooser = ExportChooser()
        case .character("L"):
            showsLint.toggle()
            lintScroll = 0
        case .character("M"):
            matrix = showsMatrix ? nil : Self.matrix(scenario)
            matrixScroll = 0
            // The matrix hides the lane, so the verdict bar shows the verdict at once instead of waiting for it.
            if showsMatrix { playback.mode = .finished }
        case .character("R"):
            scenario = original
            serverMemory = ServerMemory()
            reevaluate()
            playback.replay(at: now)
            message = "Back to the scenario as loaded"
        case .escape:
            showsLint = false
            lintScroll = 0
            matrix = nil
        default:
            break
        }
        return nil
    }

    /// Moves the selection of the focused pane. Moving past the end of an editor enters the lane, and moving up
    /// from the lane's first line goes back to the editor.
    private mutating func moveSelection(by offset: Int, crossesPanes: Bool = true) {
        switch focus {
        case .request:
            if let row = movedEditorRow(requestRow, count: requestRows.count, by: offset, crossesPanes: crossesPanes) {
                requestRow = row
            }
        case .server:
            if let row = movedEditorRow(serverRow, count: serverRows.count, by: offset, crossesPanes: crossesPanes) {
                serverRow = row
            }
        case .exchange where showsLint:
            scrollLint(by: offset)
        case .exchange:
            let target = laneSelection + offset
            if crossesPanes && target < 0 && offset == -1 {
                focus = .request
            } else {
                laneSelection = clamp(target, count: lane.selectableLines.count)
            }
        }
    }

    /// Scrolls the lint findings in the detail pane, stopping at the first and the last full page.
    private mutating func scrollLint(by offset: Int) {
        let layout = ScreenLayout(self)
        guard let box = layout.info else { return }
        let inner = box.inset(by: 1)
        let rowCount = InfoContent(state: self).wrappedRows(width: max(inner.width - 2, 1)).count
        // From the line shown now: findings may have become fewer since the last scroll.
        let shown = InfoContent.lintTop(lintScroll, rowCount: rowCount, visible: inner.height)
        lintScroll = InfoContent.lintTop(shown + offset, rowCount: rowCount, visible: inner.height)
    }

    /// An editor's selected row after a move; nil when one step down past the last row enters the lane instead.
    private mutating func movedEditorRow(_ row: Int, count: Int, by offset: Int, crossesPanes: Bool) -> Int? {
        guard crossesPanes && offset == 1 && row + 1 >= count else { return clamp(row + offset, count: count) }
        focus = .exchange
        laneSelection = 0
        return nil
    }

    private func clamp(_ index: Int, count: Int) -> Int { min(max(index, 0), max(count - 1, 0)) }

    /// The selected row of the focused editor.
    var selectedRow: FormRow? {
        switch focus {
        case .request: return requestRows[safe: requestRow]
        case .server: return serverRows[safe: serverRow]
        case .exchange: return nil
        }
    }

    private mutating func activateSelectedRow() {
        guard let row = selectedRow else { return }
        switch row.kind {
        case .text, .header, .add:
            let text =
                FieldEditing.initialText(forPresetOption: row.id, in: scenario.server)
                ?? FieldEditing.initialText(for: row)
            editing = FieldEdit(field: row.id, text: text, hint: row.hint)
        case .choice, .toggle:
            if row.id == .serverKind {
                switchServerKind(to: ServerKind(scenario.server.behavior).next)
                return
            }
            do {
                guard try FieldEditing.cycle(row.id, in: &scenario) else { return }
                reevaluate()
                playback.mode = .finished
            } catch {
                report(error.message, isError: true)
            }
        case .readOnly:
            message = "\(row.label): not editable here; edit the scenario file to change it"
        }
    }

    /// `m`: a policy or preset to the raw headers it sends, and raw headers back to where they came from.
    private mutating func toggleRawHeaders() {
        if case .raw = scenario.server.behavior {
            switchServerKind(to: serverMemory.rawSource ?? .policy)
        } else {
            switchServerKind(to: .raw)
        }
    }

    private mutating func switchServerKind(to kind: ServerKind) {
        var conversion = ServerConversion(request: scenario.request, exchange: exchange, memory: serverMemory)
        let (behavior, message) = conversion.switching(scenario.server.behavior, to: kind)
        scenario.server.behavior = behavior
        serverMemory = conversion.memory
        self.message = message
        serverRow = 0
        reevaluate()
        playback.mode = .finished
    }

    private mutating func addHeader() {
        let target: FieldID
        switch focus {
        case .request, .exchange:
            focus = .request
            target = .addRequestHeader
        case .server:
            switch (scenario.server.behavior, selectedRow?.id) {
            case (.policy, _): target = .addPolicyResponseHeader
            case (.middleware(let configuration), let selected):
                switch selected {
                case .presetHeader(let block, let key, _), .addPresetHeader(let block, let key):
                    target = .addPresetHeader(block, key)
                default:
                    if case .nginx = configuration.preset {
                        target = .addPresetHeader(.config, "add_header")
                    } else {
                        target = .addPresetHeader(.app, "headers")
                    }
                }
            case (.raw(.some, _), .rawPreflightStatus), (.raw(.some, _), .rawPreflightHeader),
                (.raw(.some, _), .addRawPreflightHeader):
                target = .addRawPreflightHeader
            case (.raw, _): target = .addRawResponseHeader
            }
        }
        let rows = focus == .request ? requestRows : serverRows
        guard let index = rows.firstIndex(where: { $0.id == target }) else { return }
        if focus == .request { requestRow = index } else { serverRow = index }
        editing = FieldEdit(field: target, text: "", hint: "Name: value")
    }

    private mutating func changeSelectedHeader(_ change: (FieldID, inout Scenario) -> Bool) {
        guard let row = selectedRow, row.kind == .header else {
            message = "Select a header line first (d deletes it, J/K move it)"
            return
        }
        guard change(row.id, &scenario) else { return }
        reevaluate()
        playback.mode = .finished
        if focus == .request {
            requestRow = clamp(requestRow, count: requestRows.count)
        } else {
            serverRow = clamp(serverRow, count: serverRows.count)
        }
    }

    private mutating func moveSelectedHeader(by offset: Int) {
        guard let row = selectedRow, row.kind == .header else {
            message = "Select a header line first (d deletes it, J/K move it)"
            return
        }
        guard FieldEditing.moveHeader(row.id, by: offset, in: &scenario) else { return }
        reevaluate()
        playback.mode = .finished
        let moved = FieldEditing.moved(row.id, by: offset)
        let rows = focus == .request ? requestRows : serverRows
        guard let index = rows.firstIndex(where: { $0.id == moved }) else { return }
        if focus == .request { requestRow = index } else { serverRow = index }
    }

    // MARK: Text editing

    private mutating func handleEditing(_ key: Key) {
        guard var edit = editing else { return }
        switch key {
        case .enter, .tab:
            var updated = scenario
            do {
                try FieldEditing.apply(edit.text.text, to: edit.field, in: &updated)
                scenario = updated
                editing = nil
                reevaluate()
                playback.mode = .finished
            } catch {
                message = error.message
                messageIsError = true
            }
        case .escape:
            editing = nil
            reevaluate()
        default:
            guard edit.text.handle(key) else { return }
            editing = edit
            preview(edit)
        }
    }

    /// Shows the verdict of the text typed so far, when it makes sense; otherwise says what is expected.
    private mutating func preview(_ edit: FieldEdit) {
        var candidate = scenario
        do {
            try FieldEditing.apply(edit.text.text, to: edit.field, in: &candidate)
            reevaluate(candidate)
            playback.mode = .finished
        } catch {
            message = error.message
            messageIsError = true
        }
    }

    // MARK: Mouse

    private mutating func click(column: Int, row: Int, at now: Duration) {
        if showsHelp {
            showsHelp = false
            return
        }
        guard editing == nil else { return }
        // Clicks land on the screen as it was drawn: lay it out before the focus moves (which changes the layout and
        // how the lane is scrolled).
        let layout = ScreenLayout(self)
        let laneView = LaneView(state: self, area: layout.laneContent, at: now)
        guard let pane = layout.pane(at: column, row: row) else { return }
        focus = pane
        switch pane {
        case .request:
            if let index = layout.editorRow(at: row, in: .request, state: self) {
                requestRow = index
            }
        case .server:
            if let index = layout.editorRow(at: row, in: .server, state: self) { serverRow = index }
        case .exchange:
            // A click in the detail pane only gives the lane the keyboard.
            if layout.laneContent.contains(column: column, row: row), let line = laneView.line(atRow: row),
                let index = lane.selectableLines.firstIndex(of: line)
            {
                laneSelection = index
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

import CORSCore

/// Lays an exchange out as lane lines and animation beats.
///
/// Beats at normal speed: a message travels for 900 ms; each response header then appears with its mark
/// (250 ms apiece); headings and notes take 200 ms.
struct LaneBuilder {
    static let travelMilliseconds = 900
    static let revealMilliseconds = 250
    static let noteMilliseconds = 200

    private var lane = Lane()
    private var hasVerdict = false

    /// The lane of `exchange`, followed by the repeated request when there is one.
    static func build(_ exchange: Exchange, repeated: (after: Double, exchange: Exchange)? = nil) -> Lane {
        var builder = LaneBuilder()
        builder.add(exchange)
        if let repeated {
            builder.beginBeat(milliseconds: noteMilliseconds)
            builder.append(LaneLine(kind: .text, text: "", beat: 0))
            builder.append(
                LaneLine(
                    kind: .section, text: "The same request again, \(secondsText(repeated.after)) later",
                    role: .accent, isBold: true, beat: 0))
            builder.add(repeated.exchange)
        }
        return builder.lane
    }

    private mutating func add(_ exchange: Exchange) {
        addPreparation(exchange)
        for step in exchange.steps { addStep(step) }
        addVerdict(exchange.verdict, browser: exchange.browser)
    }

    private mutating func addPreparation(_ exchange: Exchange) {
        beginBeat(milliseconds: Self.noteMilliseconds)
        append(LaneLine(kind: .section, text: "Before sending", role: .accent, isBold: true, beat: 0))
        if !exchange.isCrossOrigin {
            append(LaneLine(kind: .text, text: "Same origin: CORS does not apply.", role: .muted, indent: 2, beat: 0))
        }
        let requestGoesOut = exchange.prepared != nil
        for check in exchange.preparationChecks where check.status != .notApplicable {
            var line = checkLine(check)
            line.failureMeansPreflight = requestGoesOut && check.status == .fail
            append(line)
        }
        for dropped in exchange.prepared?.dropped ?? [] {
            append(
                LaneLine(
                    kind: .text, text: "dropped \(dropped.header.name): \(dropped.header.value)", role: .warning,
                    indent: 2, detail: ["Dropped \(dropped.header.name)", dropped.reason], beat: 0))
        }
        guard let prepared = exchange.prepared, exchange.isCrossOrigin else { return }
        if prepared.isPreflightRequired {
            append(LaneLine(kind: .text, text: "Preflight needed because:", role: .warning, indent: 2, beat: 0))
            for reason in prepared.preflightReasons {
                append(
                    LaneLine(
                        kind: .text, text: "- " + reason, role: .warning, indent: 4,
                        detail: ["Why a preflight is needed", reason], beat: 0))
            }
        } else if exchange.request.mode != .noCORS {
            append(
                LaneLine(kind: .text, text: "A simple request: no preflight needed.", role: .muted, indent: 2, beat: 0))
        }
    }

    private mutating func addStep(_ step: ExchangeStep) {
        beginBeat(milliseconds: Self.noteMilliseconds)
        let heading: String
        switch step.kind {
        case .preflight: heading = "Preflight"
        case .preflightCacheHit: heading = "Preflight skipped: the answer is in the preflight cache"
        case .actual: heading = "Request"
        }
        append(LaneLine(kind: .section, text: heading, role: .accent, isBold: true, beat: 0))
        if step.kind != .preflightCacheHit {
            let credentials = step.includesCredentials ? "  (with credentials)" : ""
            appendTravelling(
                LaneLine(
                    kind: .arrow(toServer: true),
                    text: "\(step.request.method) \(step.request.url.pathAndQuery)"
                        + credentials, isBold: true, beat: 0))
            beginBeat(milliseconds: Self.noteMilliseconds)
            for header in step.request.headers {
                let isCORS = ["origin", "access-control-request-method", "access-control-request-headers"]
                    .contains(header.name.asciiLowercased)
                append(
                    LaneLine(
                        kind: .requestHeader, text: "\(header.name): \(header.value)", role: isCORS ? .accent : .muted,
                        indent: 4, beat: 0))
            }
        }
        var attached = Set<Int>()
        if let response = step.response {
            appendTravelling(
                LaneLine(
                    kind: .arrow(toServer: false), text: "", trailing: "\(response.status) \(response.reasonPhrase)",
                    isBold: true, beat: 0))
            if response.headers.isEmpty {
                append(LaneLine(kind: .text, text: "(no headers)", role: .muted, indent: 4, beat: 0))
            }
            for header in response.headers {
                beginBeat(milliseconds: Self.revealMilliseconds)
                let about = step.checks.indices.filter {
                    step.checks[$0].subject.asciiLowercased == header.name.asciiLowercased
                }
                attached.formUnion(about)
                let checks = about.map { step.checks[$0] }
                let status = worst(checks.map(\.status))
                append(
                    LaneLine(
                        kind: .responseHeader, text: "\(header.name): \(header.value)", status: status,
                        role: status == nil ? .muted : .plain, indent: 2, check: mostTelling(checks), beat: 0))
            }
        }
        if !step.serverNotes.isEmpty {
            beginBeat(milliseconds: Self.noteMilliseconds)
            for note in step.serverNotes {
                append(
                    LaneLine(
                        kind: .text, text: "server: " + note, role: .muted, indent: 4, detail: ["The server", note],
                        beat: 0))
            }
        }
        for (index, check) in step.checks.enumerated() where !attached.contains(index) && check.status != .notApplicable
        {
            beginBeat(milliseconds: check.status == .info ? Self.noteMilliseconds : Self.revealMilliseconds)
            append(checkLine(check))
        }
    }

    private mutating func addVerdict(_ verdict: Verdict, browser: BrowserProfile) {
        beginBeat(milliseconds: Self.travelMilliseconds / 2)
        if !hasVerdict {
            lane.verdictBeat = lane.beats.count - 1
            hasVerdict = true
        }
        let (label, role) = Self.outcomeLabel(verdict.outcome)
        // The label titles the detail pane; the summary, which a title would cut, comes first below it.
        let verdictDetail = [label, verdict.summary, "Script: " + verdict.scriptResult] + verdict.warnings
        append(
            LaneLine(
                kind: .section, text: "\(label)  \(verdict.summary)",
                status: Self.outcomeStatus(verdict.outcome),
                role: role, isBold: true, detail: verdictDetail, beat: 0))
        append(LaneLine(kind: .text, text: "Script: " + verdict.scriptResult, indent: 2, beat: 0))
        if let readable = verdict.readableHeaders {
            let names = readable.isEmpty ? "(none)" : readable.joined(separator: ", ")
            append(LaneLine(kind: .text, text: "Readable headers: " + names, indent: 2, beat: 0))
        }
        for warning in verdict.warnings {
            append(LaneLine(kind: .text, text: "Also logged: " + warning, role: .warning, indent: 2, beat: 0))
        }
        if verdict.console.isEmpty {
            if verdict.outcome == .blocked || verdict.outcome == .error {
                append(
                    LaneLine(
                        kind: .text, text: "Console: the Fetch standard defines no console text", role: .muted,
                        indent: 2, beat: 0))
            }
            return
        }
        let consoleDetail = ["Console (\(browser.displayName)), word for word"] + verdict.console
        append(
            LaneLine(
                kind: .text, text: "Console (\(browser.displayName)):", indent: 2, detail: consoleDetail, beat: 0))
        for line in verdict.console {
            append(
                LaneLine(
                    kind: .text, text: line, role: verdict.outcome == .allowed ? .warning : .failure, indent: 4,
                    wraps: true, detail: consoleDetail, beat: 0))
        }
    }

    /// The mark a verdict gets: ✓ allowed, ✗ blocked or an error, · for an opaque response (not a CORS failure:
    /// the script simply cannot read it).
    static func outcomeStatus(_ outcome: Outcome) -> CheckStatus {
        switch outcome {
        case .allowed: return .pass
        case .opaque: return .info
        case .blocked, .error: return .fail
        }
    }

    /// The verdict's word and meaning: `ALLOWED`, `BLOCKED`…
    static func outcomeLabel(_ outcome: Outcome) -> (String, StyleRole) {
        switch outcome {
        case .allowed: return ("ALLOWED", .success)
        case .opaque: return ("OPAQUE", .warning)
        case .blocked: return ("BLOCKED", .failure)
        case .error: return ("ERROR", .failure)
        }
    }

    private func checkLine(_ check: Check) -> LaneLine {
        LaneLine(
            kind: .check, text: "\(check.subject): found \(check.found); expected \(check.expected)",
            status: check.status, role: check.status == .info ? .muted : .plain, indent: 2, check: check, beat: 0)
    }

    /// fail over pass over info; nil when there are no checks.
    private func worst(_ statuses: [CheckStatus]) -> CheckStatus? {
        for status in [CheckStatus.fail, .pass, .info, .notApplicable] where statuses.contains(status) {
            return status == .notApplicable ? nil : status
        }
        return nil
    }

    private func mostTelling(_ checks: [Check]) -> Check? {
        checks.first { $0.status == .fail } ?? checks.first { $0.status == .pass } ?? checks.first
    }

    private mutating func beginBeat(milliseconds: Int) {
        lane.beats.append(LaneBeat(milliseconds: milliseconds, travellingLine: nil))
    }

    /// Appends an arrow in a beat of its own, during which its message travels.
    private mutating func appendTravelling(_ line: LaneLine) {
        lane.beats.append(LaneBeat(milliseconds: Self.travelMilliseconds, travellingLine: lane.lines.count))
        append(line)
    }

    @discardableResult
    private mutating func append(_ line: LaneLine) -> Int {
        var line = line
        line.beat = max(0, lane.beats.count - 1)
        lane.lines.append(line)
        return lane.lines.count - 1
    }

    private static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

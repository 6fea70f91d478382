import CORSCore
import CORSScenarios

/// Runs scenarios in a real headless browser against their loopback servers and compares with the evaluator.
public struct Verifier: Sendable {
    /// What the evaluator says happens: the first exchange, and the repeated one when the scenario has
    /// `repeat_after`.
    public typealias Prediction = (first: Exchange, repeated: Exchange?)

    /// The longest `repeat_after`, in seconds, that `verify` waits for in the browser. A scenario that waits longer
    /// is run once, and its repeat is reported as not run.
    public static let longestRepeat: Double = 30

    /// How the aspects of a repeated request begin (`again after 10 s: requests`).
    public static let repeatAspectPrefix = "again after "

    /// The browser to run.
    public var browser: BrowserKind
    /// How long one run of the scenario's request may take in the browser (a repeat's wait comes on top).
    public var timeout: Duration
    /// The prediction to check; the evaluator unless a test replaces it.
    public var predict: @Sendable (Scenario, BrowserProfile) -> Prediction

    /// Creates a verifier for `browser`.
    public init(
        browser: BrowserKind, timeout: Duration = .seconds(20),
        predict: @escaping @Sendable (Scenario, BrowserProfile) -> Prediction = { $0.evaluate(as: $1) }
    ) {
        self.browser = browser
        self.timeout = timeout
        self.predict = predict
    }

    /// Runs `scenario` in the browser (twice, `repeat_after` apart, when it has one that is not too long) and
    /// compares what happened with the prediction.
    public func verify(_ scenario: Scenario) async -> VerificationResult {
        let plan: ServePlan
        do {
            plan = try ServePlan(scenario: scenario, ports: browser.portChoice)
        } catch {
            return VerificationResult(status: .notVerifiable(error.reason))
        }
        let repeats = scenario.repeatAfter.map { $0 <= Self.longestRepeat } ?? false
        let observations: [BrowserObservation]
        do {
            observations = try await observe(plan, runs: repeats ? 2 : 1)
        } catch {
            return VerificationResult(status: .failed("\(error)"))
        }
        let prediction = predict(scenario, browser.profile)
        var rows = VerificationComparator.compare(prediction.first, with: observations[0])
        if let again = scenario.repeatAfter {
            let label = Self.repeatAspectPrefix + "\(ScenarioWriter.number(again)) s"
            if let repeated = prediction.repeated, observations.count > 1 {
                rows += VerificationComparator.compare(repeated, with: observations[1]).map {
                    VerificationRow(
                        aspect: "\(label): \($0.aspect)", predicted: $0.predicted, observed: $0.observed,
                        agrees: $0.agrees)
                }
            } else {
                rows.append(
                    VerificationRow(
                        aspect: label, predicted: "see `explain --again-after`",
                        observed: "not run: verify waits at most \(ScenarioWriter.number(Self.longestRepeat)) s",
                        agrees: nil))
            }
        }
        return VerificationResult(rows: rows)
    }

    /// Serves `plan`, opens its page in the browser, and collects what happened in each of its first `runs` runs
    /// of the request (the page sends it a second time when the scenario has `repeat_after`).
    public func observe(_ plan: ServePlan, runs: Int = 1) async throws -> [BrowserObservation] {
        let server = try await ScenarioServer.start(plan)
        let session: BrowserSession
        do {
            session = try BrowserSession(browser, url: plan.pageURL, bound: server.bound)
        } catch {
            await server.stop()
            throw error
        }
        let wait = runs > 1 ? Duration.seconds(plan.scenario.repeatAfter ?? 0) : .zero
        let deadline = ContinuousClock.now.advanced(by: timeout + wait)
        var reports = server.reports
        while ContinuousClock.now < deadline, !Task.isCancelled {
            reports = server.reports
            let consoleDone =
                !browser.consoleIsObservable
                || Self.split(ConsoleLogParser.chromiumMessages(in: session.output)).count > runs
            if reports.count >= runs && consoleDone { break }
            try? await Task.sleep(for: .milliseconds(50))
        }
        let output = session.output
        let arrived = server.arrived
        await session.close()
        await server.stop()
        guard reports.count >= runs else {
            throw ServeError.timedOut(seconds: Int((timeout + wait).components.seconds))
        }
        let requests = Self.split(arrived, runs: runs)
        let consoles = browser.consoleIsObservable ? Self.split(ConsoleLogParser.chromiumMessages(in: output)) : nil
        return (0..<runs).map { run in
            BrowserObservation(
                browser: browser, requests: requests[run], report: reports[run],
                console: consoles.map { run < $0.count ? $0[run] : [] })
        }
    }

    /// The scenario's requests of each run: a run ends when the page posts its report.
    static func split(_ arrived: [ArrivedRequest], runs: Int) -> [[ArrivedRequest]] {
        var result: [[ArrivedRequest]] = [[]]
        for request in arrived {
            if request.isReport {
                if result.count == runs { break }
                result.append([])
            } else if request.isScenarioTraffic {
                result[result.count - 1].append(request)
            }
        }
        while result.count < runs { result.append([]) }
        return result
    }

    /// The console messages of each run, without the page's marker that ends one.
    static func split(_ messages: [String]) -> [[String]] {
        messages.split(separator: TestPage.doneMarker, omittingEmptySubsequences: false).map(Array.init)
    }
}

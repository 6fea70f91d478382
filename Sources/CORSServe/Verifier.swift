import CORSCore
import CORSScenarios

/// Runs scenarios in a real headless browser against their loopback servers and compares with the evaluator.
public struct Verifier: Sendable {
    /// The browser to run.
    public var browser: BrowserKind
    /// How long one scenario may take in the browser.
    public var timeout: Duration
    /// The prediction to check; the evaluator unless a test replaces it.
    public var predict: @Sendable (Scenario, BrowserProfile) -> Exchange

    /// Creates a verifier for `browser`.
    public init(
        browser: BrowserKind, timeout: Duration = .seconds(20),
        predict: @escaping @Sendable (Scenario, BrowserProfile) -> Exchange = { $0.evaluate(as: $1).first }
    ) {
        self.browser = browser
        self.timeout = timeout
        self.predict = predict
    }

    /// Runs `scenario` once in the browser and compares what happened with the prediction.
    public func verify(_ scenario: Scenario) async -> VerificationResult {
        let plan: ServePlan
        do {
            plan = try ServePlan(scenario: scenario, ports: browser.portChoice)
        } catch {
            return VerificationResult(status: .notVerifiable(error.reason))
        }
        let observation: BrowserObservation
        do {
            observation = try await observe(plan)
        } catch {
            return VerificationResult(status: .failed("\(error)"))
        }
        var rows = VerificationComparator.compare(predict(scenario, browser.profile), with: observation)
        if let again = scenario.repeatAfter {
            rows.append(
                VerificationRow(
                    aspect: "repeat after \(again) s", predicted: "see `explain --again-after`",
                    observed: "only the first request is run in the browser", agrees: nil))
        }
        return VerificationResult(rows: rows)
    }

    /// Serves `plan`, opens its page in the browser, and collects what happened.
    public func observe(_ plan: ServePlan) async throws -> BrowserObservation {
        let server = try await ScenarioServer.start(plan)
        let session: BrowserSession
        do {
            session = try BrowserSession(browser, url: plan.pageURL, bound: server.bound)
        } catch {
            await server.stop()
            throw error
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var report = server.report
        while ContinuousClock.now < deadline, !Task.isCancelled {
            report = server.report
            let consoleDone = !browser.consoleIsObservable || session.output.contains(TestPage.doneMarker)
            if report != nil && consoleDone { break }
            try? await Task.sleep(for: .milliseconds(50))
        }
        let output = session.output
        let arrived = server.arrived
        await session.close()
        await server.stop()
        guard let report else {
            throw ServeError.timedOut(seconds: Int(timeout.components.seconds))
        }
        let console =
            browser.consoleIsObservable
            ? ConsoleLogParser.chromiumMessages(in: output).filter { $0 != TestPage.doneMarker } : nil
        return BrowserObservation(
            browser: browser, requests: arrived.filter(\.isScenarioTraffic), report: report, console: console)
    }
}

import CORSCore
import CORSScenarios
import CORSUI
import Foundation

/// Measures evaluator throughput over the scenario library, then one explorer frame:
/// `swift run -c release cors-bench [SECONDS] [DIRECTORY]`.
@main
enum BenchMain {
    static func main() throws {
        let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
        let directory = CommandLine.arguments.dropFirst(2).first ?? "scenarios"
        let files = ScenarioLoader.scenarioFiles(in: directory)
        let scenarios = try files.map { try ScenarioLoader.load(path: $0) }
        guard !scenarios.isEmpty else {
            print("no scenarios in \(directory)")
            return
        }
        let profiles = BrowserProfile.allCases
        var evaluations = 0
        var checksum = 0
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        while clock.now < deadline {
            for _ in 0..<10 {
                for scenario in scenarios {
                    for profile in profiles {
                        let exchange = CORSEvaluator.evaluate(
                            scenario.request, server: scenario.server, browser: profile)
                        checksum &+= exchange.steps.count
                        evaluations += 1
                    }
                }
            }
        }
        let elapsed = clock.now - start
        let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(evaluations) / elapsedSeconds
        print("scenarios: \(scenarios.count) × \(profiles.count) profiles")
        print("evaluations: \(evaluations) in \(String(format: "%.2f", elapsedSeconds)) s")
        print("throughput: \(Int(rate)) full exchanges per second on one core (checksum \(checksum))")
        print("mean: \(String(format: "%.2f", 1e6 / rate)) µs per exchange")
        print("")
        // The scenario with the most text on a finished screen, each rendered once.
        let screenText = scenarios.map { AppState(scenario: $0).render(at: .seconds(60)).text.count }
        if let index = screenText.indices.max(by: { screenText[$0] < screenText[$1] }) {
            let scenario = scenarios[index]
            let path = files[index]
            let size = Size(columns: 200, rows: 60)
            FrameBench.run(scenario, name: path, size: size, seconds: seconds / 3)
            print(
                "first frame (state + render, file already loaded): \(FrameBench.format(FrameBench.firstFrame(scenario, size: size))) ms"
            )
        }
    }
}

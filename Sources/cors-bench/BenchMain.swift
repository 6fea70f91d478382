import CORSCore
import CORSMatrix
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
        let cpuStart = threadCPUSeconds()
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
        let elapsedSeconds = Self.seconds(clock.now - start)
        let cpuSeconds = threadCPUSeconds() - cpuStart
        let rate = Double(evaluations) / elapsedSeconds
        print("scenarios: \(scenarios.count) × \(profiles.count) profiles")
        print("evaluations: \(evaluations) in \(String(format: "%.2f", elapsedSeconds)) s")
        print("throughput: \(Int(rate)) full exchanges per second on one core (checksum \(checksum))")
        print("mean: \(String(format: "%.2f", 1e6 / rate)) µs per exchange")
        // On a shared machine the wall clock counts time the thread waited for a core; its CPU time does not.
        print(
            "CPU time: \(String(format: "%.2f", cpuSeconds)) s, \(Int(Double(evaluations) / cpuSeconds)) exchanges per CPU second"
        )
        verdictOnly(scenarios, profiles: profiles, seconds: seconds / 3)
        print("")
        matrices(scenarios, cells: 100_000)
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

    /// The same round-robin at `.verdict` detail (what a matrix cell costs): the rate by CPU time.
    static func verdictOnly(_ scenarios: [Scenario], profiles: [BrowserProfile], seconds: Double) {
        var evaluations = 0
        var checksum = 0
        let cpuStart = threadCPUSeconds()
        while threadCPUSeconds() - cpuStart < seconds {
            for scenario in scenarios {
                for profile in profiles {
                    let exchange = CORSEvaluator.evaluate(
                        scenario.request, server: scenario.server, browser: profile, detail: .verdict)
                    checksum &+= exchange.steps.count
                    evaluations += 1
                }
            }
        }
        let cpuSeconds = threadCPUSeconds() - cpuStart
        print(
            "verdict only: \(Int(Double(evaluations) / cpuSeconds)) exchanges per CPU second, "
                + "\(String(format: "%.2f", cpuSeconds * 1e6 / Double(evaluations))) µs each (checksum \(checksum))")
    }

    /// What-if matrices over the library, round-robin, until `cells` cells are evaluated: the time they take.
    static func matrices(_ scenarios: [Scenario], cells: Int) {
        let clock = ContinuousClock()
        let cpuStart = threadCPUSeconds()
        let start = clock.now
        var evaluated = 0
        var readable = 0
        var count = 0
        while evaluated < cells {
            let scenario = scenarios[count % scenarios.count]
            let matrix = WhatIfMatrix(request: scenario.request, server: scenario.server, browser: scenario.browser)
            evaluated += matrix.cellCount
            readable += matrix.passingCount
            count += 1
        }
        let elapsed = Self.seconds(clock.now - start)
        let cpu = threadCPUSeconds() - cpuStart
        print("what-if matrices: \(count) (\(evaluated) cells, \(readable) readable)")
        print(
            "matrix time: \(String(format: "%.0f", elapsed * 1000)) ms wall, \(String(format: "%.0f", cpu * 1000)) ms CPU; "
                + "\(String(format: "%.1f", cpu * 1e6 / Double(evaluated))) µs CPU per cell; "
                + "one matrix ~\(String(format: "%.0f", cpu * 1000 / Double(count))) ms CPU")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

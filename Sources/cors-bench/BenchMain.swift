import CORSCore
import CORSMatrix
import CORSScenarios
import CORSUI
import Foundation

/// Measures evaluator throughput over the scenario library, what-if matrices, then one explorer frame:
/// `swift run -c release cors-bench [SECONDS] [DIRECTORY] [all|throughput|verdict|matrix|parallel-matrix|frame]`.
@main
enum BenchMain {
    static func main() async throws {
        let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
        let directory = CommandLine.arguments.dropFirst(2).first ?? "scenarios"
        // One part only (for profiling one path with `perf record`): throughput, verdict, matrix or frame.
        let part = CommandLine.arguments.dropFirst(3).first ?? "all"
        let files = ScenarioLoader.scenarioFiles(in: directory)
        let scenarios = try files.map { try ScenarioLoader.load(path: $0) }
        guard !scenarios.isEmpty else {
            print("no scenarios in \(directory)")
            return
        }
        let profiles = BrowserProfile.allCases
        switch part {
        case "throughput": return throughput(scenarios, profiles: profiles, seconds: seconds)
        case "verdict": return verdictOnly(scenarios, profiles: profiles, seconds: seconds)
        case "matrix":
            let clock = ContinuousClock()
            let end = clock.now + .milliseconds(Int(seconds * 1000))
            repeat { matrices(scenarios, cells: 100_000) } while clock.now < end
            return
        case "parallel-matrix":
            let clock = ContinuousClock()
            let end = clock.now + .milliseconds(Int(seconds * 1000))
            repeat { await parallelMatrices(scenarios, cells: 100_000) } while clock.now < end
            return
        case "frame": return frame(scenarios, files: files, seconds: seconds)
        default: break
        }
        throughput(scenarios, profiles: profiles, seconds: seconds)
        verdictOnly(scenarios, profiles: profiles, seconds: seconds / 3)
        print("")
        matrices(scenarios, cells: 100_000)
        await parallelMatrices(scenarios, cells: 100_000)
        print("")
        frame(scenarios, files: files, seconds: seconds / 3)
    }

    /// Full exchanges round-robin over every scenario and profile for `seconds`: the rate by wall clock and CPU time.
    static func throughput(_ scenarios: [Scenario], profiles: [BrowserProfile], seconds: Double) {
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
    }

    /// One explorer frame at 200×60 on the scenario with the most text on a finished screen.
    static func frame(_ scenarios: [Scenario], files: [String], seconds: Double) {
        let screenText = scenarios.map { AppState(scenario: $0).render(at: .seconds(60)).text.count }
        if let index = screenText.indices.max(by: { screenText[$0] < screenText[$1] }) {
            let scenario = scenarios[index]
            let path = files[index]
            let size = Size(columns: 200, rows: 60)
            FrameBench.run(scenario, name: path, size: size, seconds: seconds)
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

    /// The same matrices, each evaluated with its rows shared out over the machine's cores (what
    /// `cors-explorer matrix` does): the wall time, and the CPU time of the whole process.
    static func parallelMatrices(_ scenarios: [Scenario], cells: Int) async {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let clock = ContinuousClock()
        let cpuStart = processCPUSeconds()
        let start = clock.now
        var evaluated = 0
        var count = 0
        while evaluated < cells {
            let scenario = scenarios[count % scenarios.count]
            let matrix = await WhatIfMatrix.evaluating(
                request: scenario.request, server: scenario.server, browser: scenario.browser, parallelism: cores)
            evaluated += matrix.cellCount
            count += 1
        }
        let elapsed = Self.seconds(clock.now - start)
        let cpu = processCPUSeconds() - cpuStart
        print(
            "matrix time on \(cores) cores: \(String(format: "%.0f", elapsed * 1000)) ms wall, "
                + "\(String(format: "%.0f", cpu * 1000)) ms CPU (process) for \(evaluated) cells")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The CPU time the whole process has used, in seconds.
    static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

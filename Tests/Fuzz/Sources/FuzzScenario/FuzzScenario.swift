import CORSCore
import CORSScenarios
import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The scenario loader on any bytes: a scenario or a `ScenarioError` with a message, never a trap. A scenario that
/// loads is evaluated, and written back out: the written text loads again to the same scenario (less its `expect`).
@main
enum FuzzScenarioMain {
    static func main() {
        exit(FuzzDriver.run { data, size in data.map { fuzzScenario($0, size) } ?? 0 })
    }
}

func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.parse(bytes: bytes, file: "fuzz.yaml")
    } catch {
        precondition(!error.message.isEmpty, "an error without a message")
        return 0
    }
    _ = scenario.evaluate()
    let text = ScenarioWriter.yaml(scenario)
    do {
        let again = try ScenarioLoader.parse(text, file: "written.yaml")
        // The writer leaves out the `expect` block.
        var unexpected = scenario
        unexpected.expectation = nil
        precondition(again == unexpected, "writing and loading changed the scenario:\n\(text)")
    } catch {
        fatalError("the writer's output does not load: \(error)\n\(text)")
    }
    return 0
}

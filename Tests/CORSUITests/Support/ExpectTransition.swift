import CORSScenarios
import Foundation
import Testing

@testable import CORSUI

/// Applies `event` to `state` at `now` and expects the whole resulting state to equal `state` changed by `change`
/// (TCA's exhaustive style: any change the closure does not describe fails the test), and the returned command to be
/// `command`. Returns the state after the event, for the next step of a test.
@discardableResult
func expectTransition(
    from state: AppState, on event: InputEvent, at now: Duration = .zero, returns command: AppCommand? = nil,
    _ change: (inout AppState) -> Void = { _ in }, sourceLocation: SourceLocation = #_sourceLocation
) -> AppState {
    var actual = state
    let returned = actual.handle(event, at: now)
    var expected = state
    change(&expected)
    #expect(returned == command, "command after \(event)", sourceLocation: sourceLocation)
    if actual != expected {
        Issue.record(
            "State after \(event) differs from the expected state:\n\(stateDifference(expected, actual))",
            sourceLocation: sourceLocation)
    }
    return actual
}

/// Names the fields that differ between two states, so a failing transition says what went wrong.
private func stateDifference(_ expected: AppState, _ actual: AppState) -> String {
    let expectedFields = Mirror(reflecting: expected).children
    let actualFields = Array(Mirror(reflecting: actual).children)
    var lines: [String] = []
    for (index, field) in expectedFields.enumerated() {
        let expectedText = String(describing: field.value)
        let actualText = String(describing: actualFields[index].value)
        if expectedText != actualText {
            lines.append(
                "  \(field.label ?? "?"): expected \(expectedText.prefix(300))\n    actual \(actualText.prefix(300))")
        }
    }
    return lines.isEmpty ? "  (a difference Mirror does not show)" : lines.joined(separator: "\n")
}

/// Sends `keys` one by one to `state` at `now`.
func press(_ keys: Key..., in state: inout AppState, at now: Duration = .zero) {
    for key in keys { _ = state.handle(.key(key), at: now) }
}

/// Types `text` character by character into `state`, as a user would.
func type(_ text: String, in state: inout AppState, at now: Duration = .zero) {
    for character in text { _ = state.handle(.key(.character(character)), at: now) }
}

/// Scenarios and states to start tests from.
enum Fixtures {
    /// The library of scenario files, `scenarios/` at the package root.
    static let scenarioDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios").resolvingSymlinksInPath().path

    /// The file names in ``scenarioDirectory``, sorted.
    static let scenarioFileNames: [String] = ScenarioLoader.scenarioFiles(in: scenarioDirectory).map {
        URL(fileURLWithPath: $0).lastPathComponent
    }

    /// The scenario the explorer opens without a file.
    static func builtInScenario() throws -> Scenario { try BuiltInScenario.scenario() }

    /// A scenario from the library, by file name.
    static func scenario(named name: String) throws -> Scenario {
        try ScenarioLoader.load(path: scenarioDirectory + "/" + name)
    }

    /// The explorer on the built-in scenario, playing since 0.
    static func builtIn(
        size: Size = .minimum, display: DisplayOptions = DisplayOptions(), at now: Duration = .zero
    ) throws -> AppState {
        AppState(scenario: try builtInScenario(), display: display, size: size, at: now)
    }

    /// The explorer on a library scenario, playing since 0.
    static func state(
        named name: String, size: Size = .minimum, display: DisplayOptions = DisplayOptions(), at now: Duration = .zero
    ) throws -> AppState {
        AppState(scenario: try scenario(named: name), display: display, size: size, at: now)
    }
}

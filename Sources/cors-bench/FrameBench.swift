import CORSCore
import CORSScenarios
import CORSUI

/// Measures one explorer frame: handle a key, then render the whole screen into the cell grid.
enum FrameBench {
    /// A kind of keypress and the keys that make it up, cycled.
    struct Workload {
        var name: String
        var keys: [Key]
    }

    static let workloads = [
        Workload(name: "move (↓/↑ in the lane)", keys: [.down, .up]),
        Workload(name: "type in a field (live re-evaluation)", keys: [.character("x"), .backspace]),
        Workload(name: "switch browser (re-evaluation)", keys: [.character("b")]),
    ]

    /// Prints the mean cost of one frame for each workload at `size`, on `scenario`.
    static func run(_ scenario: Scenario, name: String, size: Size, seconds: Double) {
        print("frame at \(size), scenario \(name):")
        for workload in workloads {
            var state = AppState(scenario: scenario, size: size)
            _ = state.handle(.key(.tab), at: .seconds(60))
            _ = state.handle(.key(.tab), at: .seconds(60))
            if workload.keys.first == .character("x") {
                // Edit the request's URL: every key re-evaluates the exchange.
                _ = state.handle(.key(.backTab), at: .seconds(60))
                _ = state.handle(.key(.backTab), at: .seconds(60))
                _ = state.handle(.key(.down), at: .seconds(60))
                _ = state.handle(.key(.enter), at: .seconds(60))
            }
            let clock = ContinuousClock()
            let start = clock.now
            let deadline = start + .milliseconds(Int(seconds * 1000))
            var frames = 0
            var checksum = 0
            while clock.now < deadline {
                for key in workload.keys {
                    let now = Duration.seconds(60) + .milliseconds(frames)
                    _ = state.handle(.key(key), at: now)
                    let canvas = state.render(at: now)
                    checksum &+= canvas.cells.count
                    frames += 1
                }
            }
            let elapsed = Self.seconds(clock.now - start)
            let mean = elapsed / Double(frames) * 1e6
            print("  \(workload.name): \(format(mean)) µs per frame (\(frames) frames, checksum \(checksum))")
        }
    }

    /// Time to build the first frame: load nothing, construct the state, render once.
    static func firstFrame(_ scenario: Scenario, size: Size) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let state = AppState(scenario: scenario, size: size)
        _ = state.render(at: .zero)
        return seconds(clock.now - start) * 1e3
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return "\(rounded)"
    }
}

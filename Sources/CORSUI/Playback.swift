/// Where the exchange animation stands: playing since a moment, stepped beat by beat, or done.
///
/// Everything is a function of the time passed in, so a test can ask for the screen at any moment without waiting.
public struct Playback: Sendable, Equatable {
    /// How the animation advances.
    public enum Mode: Sendable, Equatable {
        /// Playing on its own since the given moment.
        case playing(since: Duration)
        /// Workshop mode: showing beats up to `beat`, which started playing at `since`; space plays the next.
        case stepping(beat: Int, since: Duration)
        /// Everything is shown.
        case finished
    }

    /// The speeds, slowest first, with their names (and the same names in ASCII, for terminals without UTF-8).
    public static let speeds: [(factor: Double, name: String, asciiName: String)] = [
        (0.25, "presentation ¼×", "presentation 1/4x"), (0.5, "½×", "1/2x"), (1, "1×", "1x"), (2, "2×", "2x"),
        (4, "4×", "4x"),
    ]
    /// The index of normal speed in ``speeds``.
    public static let normalSpeed = 2

    /// How the animation advances.
    public var mode: Mode
    /// An index into ``speeds``.
    public var speedIndex: Int

    /// Creates a playback.
    public init(mode: Mode = .finished, speedIndex: Int = Playback.normalSpeed) {
        self.mode = mode
        self.speedIndex = speedIndex
    }

    /// The speed factor.
    var factor: Double { Self.speeds[speedIndex].factor }

    /// The name of the speed, for the title bar.
    public var speedName: String { Self.speeds[speedIndex].name }

    /// The name of the speed in ASCII.
    public var asciiSpeedName: String { Self.speeds[speedIndex].asciiName }

    /// The frame of `lane` at `now`.
    func frame(of lane: Lane, at now: Duration) -> LaneFrame {
        switch mode {
        case .finished:
            return .complete(lane)
        case .playing(let since):
            let (index, progress) = lane.beat(at: Self.milliseconds(now - since) * factor)
            guard index < lane.beats.count else { return .complete(lane) }
            return LaneFrame(revealedBeats: index + 1, travelling: travelling(lane, index, progress))
        case .stepping(let beat, let since):
            guard beat < lane.beats.count else { return .complete(lane) }
            let length = Double(lane.beats[beat].milliseconds)
            let progress = length == 0 ? 1 : min(1, Self.milliseconds(now - since) * factor / length)
            return LaneFrame(revealedBeats: beat + 1, travelling: progress < 1 ? travelling(lane, beat, progress) : nil)
        }
    }

    /// Whether frames still change after `now`.
    func isAnimating(_ lane: Lane, at now: Duration) -> Bool {
        switch mode {
        case .finished:
            return false
        case .playing(let since):
            return Self.milliseconds(now - since) * factor < Double(lane.totalMilliseconds)
        case .stepping(let beat, let since):
            guard beat < lane.beats.count else { return false }
            return Self.milliseconds(now - since) * factor < Double(lane.beats[beat].milliseconds)
        }
    }

    /// Plays from the start.
    mutating func replay(at now: Duration) { mode = .playing(since: now) }

    /// Space: the first press enters step mode at the first beat; each next press plays the next beat.
    mutating func step(_ lane: Lane, at now: Duration) {
        switch mode {
        case .stepping(let beat, _):
            mode = beat + 1 < lane.beats.count ? .stepping(beat: beat + 1, since: now) : .finished
        case .playing, .finished:
            mode = lane.beats.isEmpty ? .finished : .stepping(beat: 0, since: now)
        }
    }

    /// Changes the speed by `steps`, keeping the animation where it is.
    mutating func changeSpeed(by steps: Int, at now: Duration) {
        let newIndex = min(max(speedIndex + steps, 0), Self.speeds.count - 1)
        setSpeed(newIndex, at: now)
    }

    /// Sets the speed, keeping the animation where it is.
    mutating func setSpeed(_ index: Int, at now: Duration) {
        let oldFactor = factor
        speedIndex = index
        let newFactor = factor
        func rebased(_ since: Duration) -> Duration {
            let played = Self.milliseconds(now - since) * oldFactor
            return now - .microseconds(Int64(played / newFactor * 1000))
        }
        switch mode {
        case .playing(let since): mode = .playing(since: rebased(since))
        case .stepping(let beat, let since): mode = .stepping(beat: beat, since: rebased(since))
        case .finished: break
        }
    }

    private func travelling(_ lane: Lane, _ beat: Int, _ progress: Double) -> (line: Int, progress: Double)? {
        lane.beats[beat].travellingLine.map { ($0, progress) }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

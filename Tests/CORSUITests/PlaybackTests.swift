import CORSCore
import Testing

@testable import CORSUI

/// The exchange animation as a function of time: frames at chosen moments, step mode, speed changes.
@Suite struct PlaybackTests {
    static func builtInLane() throws -> Lane {
        let state = try Fixtures.builtIn()
        return state.lane
    }

    /// The index of the first line of `kind` in `lane`.
    static func firstLine(_ lane: Lane, where predicate: (LaneLine) -> Bool) throws -> Int {
        let index = lane.lines.firstIndex(where: predicate)
        return try #require(index)
    }

    @Test func theBuiltInLaneHasTheExpectedBeats() throws {
        let lane = try Self.builtInLane()
        // Before sending; the Preflight heading; OPTIONS travelling; its headers; the answer travelling; then one
        // beat per response header.
        #expect(Array(lane.beats.prefix(5).map(\.milliseconds)) == [200, 200, 900, 200, 900])
        #expect(lane.beatStarts.prefix(6) == [0, 200, 400, 1300, 1500, 2400])
        #expect(lane.totalMilliseconds == lane.beatStarts.last)
        #expect(lane.verdictBeat < lane.beats.count)
    }

    @Test func atZeroOnlyTheFirstBeatShows() throws {
        let lane = try Self.builtInLane()
        let frame = Playback(mode: .playing(since: .zero)).frame(of: lane, at: .zero)
        #expect(frame == LaneFrame(revealedBeats: 1, travelling: nil))
        let shown = lane.lines.filter(frame.shows)
        #expect(shown.first?.text == "Before sending")
        #expect(!shown.contains { $0.text == "Preflight" })
    }

    @Test func at450msTheOptionsRequestIsOnItsWay() throws {
        let lane = try Self.builtInLane()
        let arrow = try Self.firstLine(lane) { $0.kind == .arrow(toServer: true) }
        #expect(lane.lines[arrow].text == "OPTIONS /items/7")
        let frame = Playback(mode: .playing(since: .zero)).frame(of: lane, at: .milliseconds(450))
        #expect(frame.revealedBeats == 3)
        let travelling = try #require(frame.travelling)
        #expect(travelling.line == arrow)
        #expect(abs(travelling.progress - 50.0 / 900) < 1e-9)
    }

    @Test func at900msTheRequestIsMoreThanHalfWay() throws {
        let lane = try Self.builtInLane()
        let frame = Playback(mode: .playing(since: .zero)).frame(of: lane, at: .milliseconds(900))
        #expect(frame.revealedBeats == 3)
        let travelling = try #require(frame.travelling)
        #expect(abs(travelling.progress - 500.0 / 900) < 1e-9)
    }

    @Test func aPlaybackStartedLaterIsShiftedInTime() throws {
        let lane = try Self.builtInLane()
        let late = Playback(mode: .playing(since: .seconds(10))).frame(of: lane, at: .milliseconds(10_450))
        let early = Playback(mode: .playing(since: .zero)).frame(of: lane, at: .milliseconds(450))
        #expect(late == early)
    }

    @Test func atTheEndEverythingShows() throws {
        let lane = try Self.builtInLane()
        let playback = Playback(mode: .playing(since: .zero))
        let end = Duration.milliseconds(lane.totalMilliseconds)
        #expect(playback.frame(of: lane, at: end) == .complete(lane))
        #expect(playback.frame(of: lane, at: .seconds(3600)) == .complete(lane))
        #expect(playback.isAnimating(lane, at: end - .milliseconds(1)))
        #expect(!playback.isAnimating(lane, at: end))
        #expect(lane.lines.allSatisfy(LaneFrame.complete(lane).shows))
        #expect(Playback(mode: .finished).frame(of: lane, at: .zero) == .complete(lane))
    }

    @Test func framesOnlyGrow() throws {
        let lane = try Self.builtInLane()
        let playback = Playback(mode: .playing(since: .zero))
        var revealed = 0
        for milliseconds in stride(from: 0, through: lane.totalMilliseconds + 100, by: 37) {
            let frame = playback.frame(of: lane, at: .milliseconds(milliseconds))
            #expect(frame.revealedBeats >= revealed)
            revealed = frame.revealedBeats
        }
        #expect(revealed == lane.beats.count)
    }

    @Test func spaceStepsOneBeatPerPressThenFinishes() throws {
        var state = try Fixtures.builtIn()
        let lane = state.lane
        var now = Duration.milliseconds(100)
        for beat in 0..<lane.beats.count {
            _ = state.handle(.key(.character(" ")), at: now)
            #expect(state.playback.mode == .stepping(beat: beat, since: now))
            // The beat plays out, then the frame waits for the next press.
            let settled = now + .seconds(5)
            #expect(state.playback.frame(of: lane, at: settled) == LaneFrame(revealedBeats: beat + 1, travelling: nil))
            #expect(state.nextFrameDelay(at: settled) == nil)
            now += .seconds(10)
        }
        _ = state.handle(.key(.character(" ")), at: now)
        #expect(state.playback.mode == .finished)
        #expect(state.playback.frame(of: lane, at: now) == .complete(lane))
    }

    @Test func aSteppedArrowTravelsAtItsSpeed() throws {
        let lane = try Self.builtInLane()
        var playback = Playback(mode: .stepping(beat: 1, since: .zero))
        playback.step(lane, at: .seconds(1))
        #expect(playback.mode == .stepping(beat: 2, since: .seconds(1)))
        let frame = playback.frame(of: lane, at: .milliseconds(1450))
        #expect(frame.revealedBeats == 3)
        #expect(abs((frame.travelling?.progress ?? 0) - 0.5) < 1e-9)
        #expect(playback.isAnimating(lane, at: .milliseconds(1450)))
        #expect(!playback.isAnimating(lane, at: .milliseconds(1900)))
    }

    @Test(arguments: [0, 1, 3, 4]) func changingSpeedKeepsThePosition(_ newSpeed: Int) throws {
        let lane = try Self.builtInLane()
        var playback = Playback(mode: .playing(since: .zero))
        let now = Duration.milliseconds(1000)
        let before = playback.frame(of: lane, at: now)
        playback.setSpeed(newSpeed, at: now)
        #expect(playback.speedIndex == newSpeed)
        let after = playback.frame(of: lane, at: now)
        #expect(after.revealedBeats == before.revealedBeats)
        #expect(abs((after.travelling?.progress ?? 0) - (before.travelling?.progress ?? 0)) < 1e-6)
    }

    @Test func doubleSpeedRebasesTheStart() {
        var playback = Playback(mode: .playing(since: .zero))
        playback.changeSpeed(by: 1, at: .milliseconds(1000))
        #expect(playback.speedName == "2×")
        #expect(playback.mode == .playing(since: .milliseconds(500)))
    }

    @Test func speedStopsAtBothEnds() {
        var playback = Playback()
        playback.changeSpeed(by: 10, at: .zero)
        #expect(playback.speedIndex == Playback.speeds.count - 1)
        playback.changeSpeed(by: -10, at: .zero)
        #expect(playback.speedIndex == 0)
        #expect(playback.speedName == "presentation ¼×")
        #expect(playback.asciiSpeedName == "presentation 1/4x")
    }

    @Test func presentationSpeedIsSlower() throws {
        let lane = try Self.builtInLane()
        let normal = Playback(mode: .playing(since: .zero))
        let slow = Playback(mode: .playing(since: .zero), speedIndex: 0)
        // 450 ms at a quarter speed is 112.5 ms into the animation: still the first beat.
        #expect(slow.frame(of: lane, at: .milliseconds(450)).revealedBeats == 1)
        #expect(slow.frame(of: lane, at: .milliseconds(1800)) == normal.frame(of: lane, at: .milliseconds(450)))
        let end = Duration.milliseconds(lane.totalMilliseconds)
        #expect(!normal.isAnimating(lane, at: end))
        #expect(slow.isAnimating(lane, at: end))
        #expect(!slow.isAnimating(lane, at: end * 4))
    }

    @Test func pTogglesPresentationSpeedAndSaysSo() throws {
        var state = try Fixtures.builtIn()
        _ = state.handle(.key(.character("p")), at: .zero)
        #expect(state.playback.speedIndex == 0)
        #expect(state.message == "Speed: presentation ¼×")
        _ = state.handle(.key(.character("p")), at: .zero)
        #expect(state.playback.speedIndex == Playback.normalSpeed)
        var ascii = try Fixtures.builtIn(display: DisplayOptions(usesUnicode: false))
        _ = ascii.handle(.key(.character("-")), at: .zero)
        #expect(ascii.message == "Speed: 1/2x")
    }

    @Test func noFramesWhenNothingMoves() throws {
        var state = try Fixtures.builtIn()
        #expect(state.nextFrameDelay(at: .zero) == .milliseconds(40))
        let end = Duration.milliseconds(state.lane.totalMilliseconds)
        #expect(state.nextFrameDelay(at: end - .milliseconds(1)) != nil)
        #expect(state.nextFrameDelay(at: end) == nil)
        #expect(state.nextFrameDelay(at: .seconds(60)) == nil)
        _ = state.handle(.key(.character("r")), at: .seconds(60))
        #expect(state.playback.mode == .playing(since: .seconds(60)))
        #expect(state.nextFrameDelay(at: .seconds(60)) != nil)
        state.playback.mode = .finished
        #expect(state.nextFrameDelay(at: .zero) == nil)
    }

    @Test func theVerdictWaitsForItsBeat() throws {
        let state = try Fixtures.builtIn()
        let working = state.render(at: .zero).text
        #expect(working.contains("The browser is at work"))
        #expect(!working.contains("BLOCKED"))
        let verdictStart = Duration.milliseconds(state.lane.beatStarts[state.lane.verdictBeat])
        let done = state.render(at: verdictStart).text
        #expect(done.contains("BLOCKED"))
        #expect(!done.contains("The browser is at work"))
    }
}

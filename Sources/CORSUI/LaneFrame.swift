/// What the lane shows at one moment of the animation.
struct LaneFrame: Sendable, Equatable {
    /// Lines whose beat is below this number are shown.
    var revealedBeats: Int
    /// The arrow whose message is on its way, and how far it got (0 to 1).
    var travelling: (line: Int, progress: Double)?

    /// Everything shown: the animation is over.
    static func complete(_ lane: Lane) -> LaneFrame { LaneFrame(revealedBeats: lane.beats.count, travelling: nil) }

    /// Whether `line` is visible in this frame.
    func shows(_ line: LaneLine) -> Bool { line.beat < revealedBeats }

    static func == (lhs: LaneFrame, rhs: LaneFrame) -> Bool {
        lhs.revealedBeats == rhs.revealedBeats && lhs.travelling?.line == rhs.travelling?.line
            && lhs.travelling?.progress == rhs.travelling?.progress
    }
}

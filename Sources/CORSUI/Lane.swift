/// The exchange as lines and animation beats: what the lane shows, and when each line appears.
struct Lane: Sendable, Equatable {
    var lines: [LaneLine] = []
    var beats: [LaneBeat] = []
    /// The beat at which the (first) verdict appears; the verdict bar stays quiet until then.
    var verdictBeat = 0

    /// Start time of each beat, plus the total length at the end, in milliseconds.
    var beatStarts: [Int] {
        var starts = [0]
        for beat in beats { starts.append((starts.last ?? 0) + beat.milliseconds) }
        return starts
    }

    /// The length of the whole animation at normal speed, in milliseconds.
    var totalMilliseconds: Int { beats.reduce(0) { $0 + $1.milliseconds } }

    /// Indices of the lines the user can select.
    var selectableLines: [Int] { lines.indices.filter { lines[$0].isSelectable } }

    /// The index of the beat in progress at `position` milliseconds (the beat count when all are done), and how far
    /// through it is, from 0 to 1.
    func beat(at position: Double) -> (index: Int, progress: Double) {
        var start = 0.0
        for (index, beat) in beats.enumerated() {
            let end = start + Double(beat.milliseconds)
            if position < end {
                return (index, beat.milliseconds == 0 ? 1 : max(0, (position - start) / Double(beat.milliseconds)))
            }
            start = end
        }
        return (beats.count, 1)
    }
}

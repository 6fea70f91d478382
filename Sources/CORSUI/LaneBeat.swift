/// One step of the exchange animation.
struct LaneBeat: Sendable, Equatable {
    /// How long the beat lasts at normal speed, in milliseconds.
    var milliseconds: Int
    /// For a message on its way: the index of its arrow line in the lane.
    var travellingLine: Int?
}

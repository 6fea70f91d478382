/// What the explorer asks its terminal loop to do after an event.
public enum AppCommand: Sendable, Equatable {
    /// Leave the explorer.
    case quit
}

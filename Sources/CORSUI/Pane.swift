/// The three parts of the screen that take the keyboard.
public enum Pane: Sendable, Equatable, CaseIterable {
    /// The request editor (left).
    case request
    /// The server editor (right).
    case server
    /// The exchange lane, where checks are selected.
    case exchange
}

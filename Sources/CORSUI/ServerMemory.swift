import CORSCore

/// What the server editor remembers across switches of the server kind, so that switching back restores what the
/// user had.
struct ServerMemory: Sendable, Equatable {
    /// The policy in use when the editor last left a policy.
    var savedPolicy: CORSPolicy?
    /// Each preset as the user last left it, by name; cleared when the policy they were translated from changes.
    var savedPresets: [String: MiddlewareConfiguration] = [:]
    /// The kind the raw headers were taken from, which `m` returns to.
    var rawSource: ServerKind?
}

import CORSCore

/// What the server editor edits: a generic policy, raw headers, or one middleware preset.
enum ServerKind: Sendable, Equatable, Hashable {
    /// A `CORSPolicy`.
    case policy
    /// Fixed responses.
    case raw
    /// A middleware preset, by its scenario-file name (`express-cors`, …).
    case preset(String)

    /// The order Enter on the `Server` row cycles through: policy, raw headers, then each preset.
    static let cycle: [ServerKind] = [.policy, .raw] + MiddlewarePreset.names.map(ServerKind.preset)

    /// The kind of `behavior`.
    init(_ behavior: ServerDefinition.Behavior) {
        switch behavior {
        case .policy: self = .policy
        case .raw: self = .raw
        case .middleware(let configuration): self = .preset(configuration.preset.name)
        }
    }

    /// The name the `Server` row shows.
    var name: String {
        switch self {
        case .policy: return "CORS policy"
        case .raw: return "raw headers"
        case .preset(let name): return name
        }
    }

    /// The kind after this one in ``cycle``.
    var next: ServerKind {
        let index = Self.cycle.firstIndex(of: self) ?? 0
        return Self.cycle[(index + 1) % Self.cycle.count]
    }
}

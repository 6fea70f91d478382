/// One option of a middleware preset (or of the app behind it) as an editor shows it: the middleware's own name,
/// its type, its current value as a scenario file writes it, and its default.
public struct MiddlewareOption: Sendable, Equatable {
    /// How an option's value is typed.
    public enum Kind: Sendable, Equatable {
        /// A list of strings; typed as items separated by commas (or as a YAML flow list). `words` are single
        /// values the option also takes (such as `"*"` or `mirror_request`), passed on as typed.
        case list(words: [String])
        /// On or off; `on` is the word the file uses when it is on (`true`, or `any` for `SetIsOriginAllowed`).
        case flag(on: String)
        /// A whole number.
        case number
        /// A YAML value as the file takes it: a string, a list or a `{name: value}` form (see the hint).
        case value
        /// An ordered list of `Name: value` header lines.
        case headers
    }

    /// Which block the option belongs to.
    public enum Block: String, Sendable, Equatable {
        /// `server.config`: the middleware's options.
        case config
        /// `server.app`: the app behind the middleware.
        case app
    }

    /// The block: `config` or `app`.
    public var block: Block
    /// The option's name, as the middleware (and the scenario file) spells it.
    public var key: String
    /// How the value is typed.
    public var kind: Kind
    /// The value as a scenario file writes it (one line, YAML flow), or the default's description when unset.
    public var value: String
    /// Whether the option is left at the middleware's default (the file leaves it out).
    public var isDefault: Bool
    /// What the option takes and what its default is.
    public var hint: String

    /// Creates an option row.
    public init(block: Block, key: String, kind: Kind, value: String, isDefault: Bool, hint: String) {
        self.block = block
        self.key = key
        self.kind = kind
        self.value = value
        self.isDefault = isDefault
        self.hint = hint
    }

    /// Whether a flag is on.
    public var isOn: Bool {
        guard case .flag(let on) = kind else { return false }
        return value == on
    }
}

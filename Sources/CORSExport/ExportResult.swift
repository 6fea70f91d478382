import CORSCore

/// One export: the text to save, what it cannot do like the original, and a model of what it does.
public struct ExportResult: Sendable, Equatable {
    /// The kind exported.
    public var kind: ExportKind
    /// The file's text.
    public var text: String
    /// Each way the exported server behaves differently from the scenario's server, one sentence each (also written
    /// as comments in `text`). Empty when the export claims the same verdicts.
    public var differences: [String]
    /// For server kinds: the exported configuration as a server the evaluator can run (a preset, a policy the
    /// target implements exactly, or raw responses); nil for client code and for servers the target cannot express.
    public var model: ServerDefinition?
    /// Whether `model` is claimed to send the same CORS header lines as the original (not only the same verdicts).
    public var sameHeaders: Bool

    /// Creates a result.
    public init(
        kind: ExportKind, text: String, differences: [String] = [], model: ServerDefinition? = nil,
        sameHeaders: Bool = false
    ) {
        self.kind = kind
        self.text = text
        self.differences = differences
        self.model = model
        self.sameHeaders = sameHeaders
    }
}

import CORSCore

/// How to export: the browser whose requests are replayed, and where an exported server listens.
public struct ExportOptions: Sendable, Equatable {
    /// The browser profile to evaluate with; nil means the scenario's own.
    public var browser: BrowserProfile?
    /// The address an exported server listens on.
    public var listenHost: String
    /// The port an exported server listens on.
    public var listenPort: Int

    /// Creates options; servers listen on 127.0.0.1:8080 unless told otherwise.
    public init(browser: BrowserProfile? = nil, listenHost: String = "127.0.0.1", listenPort: Int = 8080) {
        self.browser = browser
        self.listenHost = listenHost
        self.listenPort = listenPort
    }
}

import CORSCore

/// Proof that an attacker's origin gets in: a request from that origin, evaluated by `CORSEvaluator`.
///
/// The lint never claims that an origin gets in from string logic alone; every demonstration is the verdict of
/// a real evaluation, and ``request`` can be evaluated again to check it.
public struct LintDemonstration: Sendable, Equatable {
    /// The probe: a `GET` of the API's URL from the attacker's page, with or without credentials.
    public var request: BrowserRequest
    /// The browser profile the probe was evaluated as.
    public var browser: BrowserProfile
    /// What the attacker's script got (always `allowed` for a demonstration the lint reports).
    public var outcome: Outcome
    /// Whether the browser sent the user's credentials (cookies) with the request the attacker could read.
    public var sendsCredentials: Bool
    /// The lowercase names of the response headers the attacker's script can read.
    public var readableHeaders: [String]

    /// Creates a demonstration.
    public init(
        request: BrowserRequest, browser: BrowserProfile, outcome: Outcome, sendsCredentials: Bool,
        readableHeaders: [String]
    ) {
        self.request = request
        self.browser = browser
        self.outcome = outcome
        self.sendsCredentials = sendsCredentials
        self.readableHeaders = readableHeaders
    }

    /// The attacker's origin, serialized (`null` for a sandboxed page).
    public var attackerOrigin: String { request.page.serialized }

    /// What the attacker can do, e.g. `can read responses with the user's cookies`.
    public var capability: String {
        sendsCredentials ? "can read responses with the user's cookies" : "can read responses (without cookies)"
    }

    /// One sentence: who gets in and what they can do.
    public var summary: String {
        let who = request.page.isOpaque ? "A sandboxed page (Origin: null)" : attackerOrigin
        return
            "\(who) \(capability): \(request.method) \(request.url) is \(outcome.rawValue) by \(browser.displayName)."
    }
}

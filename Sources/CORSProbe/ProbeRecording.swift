import CORSCore

/// The real answers recorded so far, as the raw server a scenario can hold.
///
/// A raw server has one preflight answer, one actual answer and a list of redirects, so the recording keeps the
/// first answer of each kind and says so in `notes` when a later one differs.
public struct ProbeRecording: Sendable, Equatable {
    /// One message the probe sent and the answer it got.
    public struct Message: Sendable, Equatable {
        /// Preflight or actual request.
        public var kind: StepKind
        /// The evaluator's wire request, as sent (`ProbeClient` adds `Content-Length` to a body).
        public var request: WireRequest
        /// The answer as received.
        public var response: ServerResponse
    }

    /// Every message sent, in order.
    public var messages: [Message] = []
    /// The first non-redirect answer to a preflight.
    public var preflight: ServerResponse?
    /// The first non-redirect answer to an actual request.
    public var response: ServerResponse?
    /// Every redirect answer, as a server redirect.
    public var redirects: [ServerRedirect] = []
    /// What the recording could not keep exactly.
    public var notes: [String] = []

    /// Creates an empty recording.
    public init() {}

    /// The server made of the recorded answers; what was not asked yet answers 200 with no headers.
    public var server: ServerDefinition {
        ServerDefinition(
            behavior: .raw(preflight: preflight, response: response ?? ServerResponse(status: 200)),
            redirects: redirects)
    }

    /// Whether a message of `kind` to `request`'s method and URL was sent already.
    public func hasSent(_ kind: StepKind, _ request: WireRequest) -> Bool {
        messages.contains {
            $0.kind == kind && $0.request.method == request.method
                && $0.request.url.serializedWithoutFragment == request.url.serializedWithoutFragment
        }
    }

    /// Records `response` as the answer to `request`.
    public mutating func record(_ kind: StepKind, request: WireRequest, response: ServerResponse) {
        messages.append(Message(kind: kind, request: request, response: response))
        if HTTPStatus.isRedirect(response.status), let location = response.headers.values(named: "Location").first {
            var rest = response.headers
            if let index = rest.firstIndex(where: { $0.lowercasedName == "location" }) { rest.remove(at: index) }
            redirects.append(
                ServerRedirect(
                    from: request.url, location: location, status: response.status, headers: rest,
                    addsCORSHeaders: false, appliesToPreflight: kind == .preflight))
            return
        }
        let what = kind == .preflight ? "preflight" : "actual request"
        let url = request.url.serializedWithoutFragment
        if kind == .preflight {
            if let preflight, preflight != response {
                notes.append(
                    "the \(what) to \(url) got a different answer than the first; a scenario keeps one, the first")
            } else if preflight == nil {
                preflight = response
            }
        } else {
            if let recorded = self.response, recorded != response {
                notes.append(
                    "the \(what) to \(url) got a different answer than the first; a scenario keeps one, the first")
            } else if self.response == nil {
                self.response = response
            }
        }
    }
}

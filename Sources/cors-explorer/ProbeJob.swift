import CORSCore
import CORSProbe
import CORSUI
import Synchronization

/// A live probe of the explorer's request, in the background while the explorer keeps drawing.
final class ProbeJob: Sendable {
    private let outcome = Mutex<LiveProbeOutcome?>(nil)

    /// Starts probing `request` as `profile` would send it, with the default timeout.
    init(_ request: BrowserRequest, profile: BrowserProfile) {
        Task.detached { [self] in
            let result: LiveProbeOutcome
            do {
                let probe = try await LiveProbe.run(request, browser: profile, client: ProbeClient())
                result = .recorded(probe.recording.server, account: Self.account(probe.recording))
            } catch {
                result = .failed("\(error)")
            }
            outcome.withLock { $0 = result }
        }
    }

    /// The outcome, once the probe is over.
    var finished: LiveProbeOutcome? { outcome.withLock { $0 } }

    /// `OPTIONS 204, PUT 200`, plus the recording's first note.
    static func account(_ recording: ProbeRecording) -> String {
        let sent = recording.messages.map { "\($0.request.method) \($0.response.status)" }.joined(separator: ", ")
        return ([sent] + recording.notes.prefix(1)).joined(separator: "; ")
    }
}

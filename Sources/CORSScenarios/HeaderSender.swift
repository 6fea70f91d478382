/// Who writes a header in a scenario file, which decides what counts as malformed there.
public enum HeaderSender: Sendable {
    /// The page's script (`request.headers`): fetch() and setRequestHeader() rules apply.
    case script
    /// The server (raw responses, policy and middleware headers, redirects): the header must be a valid HTTP line.
    case server
}

import CORSCore

/// The scenario server's redirects, which no exported configuration carries.
enum ServerRedirects {
    /// One difference for each of `server`'s redirects.
    static func differences(_ server: ServerDefinition) -> [String] {
        server.redirects.map { redirect in
            "the redirect of \(redirect.from.serializedWithoutFragment) (\(redirect.status) to "
                + "\(redirect.location)) is not part of this configuration"
        }
    }
}

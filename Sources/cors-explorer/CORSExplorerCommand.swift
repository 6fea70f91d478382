import ArgumentParser

/// The `cors-explorer` command line.
@main
struct CORSExplorerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cors-explorer",
        abstract: "Explore CORS: see exactly what a browser does with a cross-origin request and why.",
        discussion: """
            A scenario file describes a browser request and a server's CORS policy (see docs/scenarios.md).
            The library in scenarios/ has over 50 of them; `cors-explorer list` shows them.

            Examples:
              cors-explorer                                   # the explorer, on a built-in scenario
              cors-explorer scenarios/learner-05-header-not-in-acah.yaml
              cors-explorer explain scenarios/walkthrough-04-custom-header-no-acah.yaml
              cors-explorer explain FILE --browser firefox --format json
              cors-explorer explain FILE --again-after 10     # the preflight cache at work
              cors-explorer matrix FILE                       # what if: other origins, methods, headers, credentials
              cors-explorer check                             # run every scenario's expectations
              cors-explorer lint scenarios                    # security lint: who else can read the API?
              cors-explorer export FILE --as curl             # also fetch, xhr, express, nginx, flask-cors, ...
              cors-explorer serve FILE                        # its server and page on loopback, for a browser
              cors-explorer verify --browser chromium         # the library in a real headless browser
              cors-explorer probe http://api.test/items --origin https://app.test --method PUT
              cors-explorer import curl -- curl 'https://api.test/x' -H 'Origin: https://app.test'
              cors-explorer import har session.har --url /api/items --output items.yaml
            """,
        subcommands: [
            OpenCommand.self, ExplainCommand.self, MatrixCommand.self, CheckCommand.self, LintCommand.self,
            ListCommand.self, ServeCommand.self, VerifyCommand.self, ProbeCommand.self, ImportCommand.self,
            ExportCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}

import ArgumentParser

/// `cors-explorer import curl|har`: a scenario from what a browser's DevTools copied.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a scenario from a browser's \"Copy as cURL\" command or a HAR file (see docs/import.md).",
        subcommands: [ImportCurlCommand.self, ImportHARCommand.self]
    )
}

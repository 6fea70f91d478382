import ArgumentParser
import CORSCore
import CORSImport
import Foundation

/// `cors-explorer import har FILE`: a scenario from one request of a HAR file, with its recorded responses.
struct ImportHARCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "har",
        abstract: "Make a scenario from one request of a HAR file (DevTools: Network, Export HAR).",
        discussion: """
            The request becomes the scenario's request; its recorded response the server's raw response; an \
            OPTIONS entry for the same URL before it the raw preflight response. With several requests and no \
            --entry or --url, the requests are listed and the exit status is 2.
            """
    )

    @Argument(help: "The HAR file (- for stdin).")
    var file: String

    @Option(help: "The request's number, as listed.")
    var entry: Int?

    @Option(help: "The request whose URL contains this text.")
    var url: String?

    @Option(help: "The page origin, when the request has no Origin header (else the Referer's origin is used).")
    var origin: String?

    @Option(help: "Write the scenario to this file instead of stdout.")
    var output: String?

    func validate() throws {
        if entry != nil && url != nil { throw ValidationError("give --entry or --url, not both") }
    }

    func run() throws {
        let data: Data? =
            file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        guard let data else { throw ImportOutput.fail("cannot read \(file)") }
        let selection: HARImport.Selection = entry.map { .number($0) } ?? url.map { .urlContaining($0) } ?? .only
        do {
            let imported = try HARImport.scenario(from: data, file: file, selection: selection, origin: origin)
            try ImportOutput.write(imported, to: output)
        } catch let error as ImportError {
            throw ImportOutput.fail(error.message)
        } catch let ambiguous as HARImport.Ambiguous {
            Terminal.printError("error: \(Escaping.visible(ambiguous.message))")
            for candidate in ambiguous.candidates {
                let status = candidate.status == 0 ? "(no response)" : String(candidate.status)
                Terminal.printError(
                    "  \(candidate.number)  \(Escaping.visible(candidate.method))  "
                        + "\(Escaping.visible(candidate.url))  \(status)")
            }
            throw ExitCode(2)
        }
    }
}

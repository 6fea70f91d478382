import ArgumentParser
import CORSImport
import Foundation

/// `cors-explorer import curl`: a scenario from a "Copy as cURL" command.
struct ImportCurlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curl",
        abstract: "Make a scenario from a browser's \"Copy as cURL (bash)\" command.",
        discussion: """
            Give the command after --, with --file F, or on stdin with --file -. Headers the browser adds by \
            itself (Sec-*, User-Agent, Accept-Language, Origin, Referer, Cookie, …) are left out and listed on \
            stderr; a cookie makes the request credentialed. The server answers 200 with no headers: record the \
            real answers with `cors-explorer probe` instead, or edit the file.
            """
    )

    @Option(help: "The page origin, when the copy has no Origin header (else the Referer's origin is used).")
    var origin: String?

    @Option(help: "Read the command from this file (- for stdin).")
    var file: String?

    @Option(help: "Write the scenario to this file instead of stdout.")
    var output: String?

    @Argument(parsing: .captureForPassthrough, help: "The curl command, after --.")
    var command: [String] = []

    func validate() throws {
        let words = command.first == "--" ? Array(command.dropFirst()) : command
        if file != nil && !words.isEmpty { throw ValidationError("give the command after -- or --file, not both") }
    }

    func run() throws {
        let text: String
        if let file {
            let data: Data? =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
            guard let data else { throw ImportOutput.fail("cannot read \(file)") }
            text = String(decoding: data, as: UTF8.self)
        } else {
            let words = command.first == "--" ? Array(command.dropFirst()) : command
            guard !words.isEmpty else {
                throw ImportOutput.fail("give the curl command after --, or --file FILE (- for stdin)")
            }
            // One argument holds the whole pasted command; several are the shell's words already.
            text = words.count == 1 ? words[0] : words.map(Self.quoted).joined(separator: " ")
        }
        do {
            try ImportOutput.write(try CurlImport.scenario(from: text, origin: origin), to: output)
        } catch let error as ImportError {
            throw ImportOutput.fail(error.message)
        }
    }

    /// One shell word, single-quoted so the tokenizer reads it back as it is.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

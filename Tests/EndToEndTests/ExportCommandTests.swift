import Foundation
import Testing

extension EndToEndTests {
    /// `cors-explorer export`: kinds, output file, listen address, and the errors.
    @Suite("export")
    struct ExportCommand {
        @Test("curl goes to standard output")
        func curlToStandardOutput() async throws {
            let file = ExplorerBinary.scenario("walkthrough-04-custom-header-no-acah.yaml")
            let result = try await ExplorerProcess.run(["export", file, "--as", "curl"])
            #expect(result.status == .exited(0), "standard error: \(result.error)")
            #expect(result.output.hasPrefix("#!/bin/sh\n"))
            #expect(result.output.contains("  -H 'Access-Control-Request-Headers: x-custom-header' \\\n"))
        }

        @Test("--output writes the file, --listen sets the address, differences are announced")
        func outputAndListen() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let file = ExplorerBinary.scenario("learner-23-unanchored-origin-regex.yaml")
            let result = try await ExplorerProcess.run([
                "export", file, "--as", "vapor", "--listen", "0.0.0.0:9000", "--output", folder.path("app.swift"),
            ])
            #expect(result.status == .exited(0), "standard error: \(result.error)")
            let written = try #require(folder.read("app.swift"))
            #expect(written.contains("app.http.server.configuration.port = 9000"))
            #expect(written.contains("Vapor has no wildcard or regex origins"))
            #expect(result.error.contains("difference(s) from the scenario's server"))
        }

        @Test("an unknown kind lists the kinds; a bad --listen is refused")
        func badArguments() async throws {
            let file = ExplorerBinary.scenario("walkthrough-04-custom-header-no-acah.yaml")
            let unknown = try await ExplorerProcess.run(["export", file, "--as", "caddy"])
            #expect(unknown.status == .exited(64))
            for kind in ["curl", "fetch", "xhr", "express", "nginx", "flask-cors", "vapor", "hummingbird", "spring"] {
                #expect(unknown.error.contains("- \(kind)"))
            }
            let listen = try await ExplorerProcess.run(["export", file, "--as", "nginx", "--listen", "8080"])
            #expect(listen.status == .exited(64))
            #expect(listen.error.contains("HOST:PORT"))
        }

        @Test("a malformed file exits with status 2")
        func malformed() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try folder.write("title: broken\nrequest: [", to: "broken.yaml")
            let result = try await ExplorerProcess.run(["export", folder.path("broken.yaml"), "--as", "curl"])
            #expect(result.status == .exited(2))
            #expect(result.error.contains("broken.yaml:"))
        }
    }
}

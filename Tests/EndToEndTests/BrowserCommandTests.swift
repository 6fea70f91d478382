import Foundation
import Subprocess
import Testing

extension EndToEndTests {
    /// `serve` and `verify` as a user runs them.
    @Suite("serve and verify", .serialized)
    struct BrowserCommands {
        @Test(
            "verify: an agreeing scenario, a repeated one, an https one that cannot run here, and the closing count; exit 0"
        )
        func verifyAgrees() async throws {
            let result = try await ExplorerProcess.run([
                "verify", "--browser", "chromium", ExplorerBinary.scenario("walkthrough-04-custom-header-no-acah.yaml"),
                ExplorerBinary.scenario("walkthrough-07-max-age-default-expired.yaml"),
                ExplorerBinary.scenario("learner-06-authorization-not-covered-by-star.yaml"),
            ])
            #expect(result.status == .exited(0), "\(result.output)\(result.error)")
            let rows = result.output.split(separator: "\n")
            #expect(
                rows.contains { $0.hasPrefix("walkthrough-04-custom-header-no-acah ") && $0.hasSuffix(" ·      AGREE") }
            )
            // The repeat, sent 6 s later, is compared too: its column sums up its rows.
            #expect(
                rows.contains {
                    $0.hasPrefix("walkthrough-07-max-age-default-expired ") && $0.hasSuffix(" =      AGREE")
                })
            #expect(
                rows.contains {
                    $0.hasPrefix("learner-06-authorization-not-covered-by-star ") && $0.hasSuffix("NOT VERIFIABLE")
                })
            #expect(
                result.output.contains(
                    "NOT VERIFIABLE  \(ExplorerBinary.scenario("learner-06-authorization-not-covered-by-star.yaml"))\n      the page is https:"
                ))
            #expect(result.output.contains("chromium: 2 agree, 0 disagree, 1 not verifiable, 0 failed"))
        }

        @Test("verify without the browser installed says how to install it and exits 2")
        func verifyWithoutBrowser() async throws {
            let result = try await ExplorerProcess.run(
                ["verify", "--browser", "chromium", ExplorerBinary.scenario("walkthrough-03-acao-correct.yaml")],
                environment: ExplorerBinary.environment.updating(["PATH": "/nonexistent"]))
            #expect(result.status == .exited(2))
            #expect(result.error.contains("chromium is not installed (on Debian: apt-get install -y chromium)"))
        }

        @Test("serve answers a preflight as the scenario's server and logs the request and the answer")
        func serve() async throws {
            let port = Int.random(in: 20_000...29_000)
            let output = try await ExplorerProcess.shell(
                """
                "$1" serve "$2" --port "$3" > "$4" 2>&1 &
                server=$!
                for _ in $(seq 50); do grep -q 'Ctrl-C stops' "$4" && break; sleep 0.1; done
                curl -s -i -X OPTIONS -H 'Host: api.example.com:3333' -H 'Origin: http://app.example.com:3334' \
                    -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: x-request-id' \
                    "http://127.0.0.1:$(($3 + 1))/items/7"
                echo '=== log'
                kill $server
                cat "$4"
                """, try ExplorerBinary.url().path, ExplorerBinary.scenario("learner-05-header-not-in-acah.yaml"),
                String(port), FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(port).log").path)
            #expect(
                output.hasPrefix(
                    "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: http://app.example.com:3334\r\n"))
            #expect(output.contains("http://app.example.com:3334  (page)  on 127.0.0.1:\(port)"))
            #expect(output.contains("--host-resolver-rules='MAP app.example.com:3334 127.0.0.1:\(port), "))
            #expect(output.contains("→ OPTIONS http://api.example.com:3333/items/7 (preflight)"))
            #expect(output.contains("    Access-Control-Request-Headers: x-request-id"))
            #expect(output.contains("← 204 No Content"))
        }

        @Test("serve refuses a scenario that cannot be served, with the reason, and exits 2")
        func serveRefuses() async throws {
            let file = ExplorerBinary.scenario("learner-18-file-page-null-origin.yaml")
            let result = try await ExplorerProcess.run(["serve", file])
            #expect(result.status == .exited(2))
            #expect(result.error.contains("cannot serve this scenario: the page has an opaque origin (null)"))
        }
    }
}

import Testing

@testable import CORSCore

/// Which disallowed header Chromium names when several are missing from `Access-Control-Allow-Headers`: the first in
/// the iteration order of Blink's header map (`BlinkHeaderMap`). Every row was measured with `verify` in Chromium 156.
@Suite("Chromium's header check order")
struct ChromiumHeaderCheckOrderTests {
    struct MeasuredCase: Sendable, CustomTestStringConvertible {
        var api: RequestAPI
        var method: String
        var hasBody: Bool
        var headers: [(String, String)]
        var allowHeaders: String?
        var named: String
        var testDescription: String { "\(api) \(headers.map(\.0).joined(separator: ", ")) → \(named)" }
    }

    static let measured: [MeasuredCase] = [
        // Two headers, a table of 8: x-b's home slot is taken by last-event-id, so it wraps round to slot 0.
        MeasuredCase(
            api: .fetch, method: "GET", hasBody: false, headers: [("X-B", "1"), ("Last-Event-ID", "1")],
            allowHeaders: nil, named: "x-b"),
        MeasuredCase(
            api: .xhr, method: "GET", hasBody: false, headers: [("Accept", "{}"), ("Last-Event-ID", "1")],
            allowHeaders: nil, named: "accept"),
        // Three script headers and Blink's own entry: the table has grown to 16 slots.
        MeasuredCase(
            api: .fetch, method: "GET", hasBody: false,
            headers: [("Pragma", "1"), ("Accept", "{}"), ("X-Custom", "1")],
            allowHeaders: nil, named: "x-custom"),
        MeasuredCase(
            api: .fetch, method: "PUT", hasBody: false,
            headers: [("Accept", "{}"), ("X-CSRF-Token", "1"), ("Content-Type", "application/json")],
            allowHeaders: nil, named: "x-csrf-token"),
        // XMLHttpRequest's body Content-Type counts towards the table's size.
        MeasuredCase(
            api: .xhr, method: "POST", hasBody: true, headers: [("Accept", "{}"), ("Cache-Control", "1")],
            allowHeaders: nil, named: "cache-control"),
        MeasuredCase(
            api: .xhr, method: "PUT", hasBody: true, headers: [("x-request-id", "1"), ("X-Extra", "1")],
            allowHeaders: nil, named: "x-extra"),
        // Seven or more: 32 slots, with safelisted headers taking slots too.
        MeasuredCase(
            api: .fetch, method: "GET", hasBody: false,
            headers: [
                ("Pragma", "1"), ("x-c", "1"), ("Foo", "1"), ("Range", "1.5"), ("Content-Type", "text/plain"),
                ("X-Requested-With", "1"), ("Accept", "{}"),
            ],
            allowHeaders: "pragma, accept, x-c", named: "foo"),
        MeasuredCase(
            api: .fetch, method: "PUT", hasBody: true,
            headers: [
                ("If-Match", "1"), ("x-a", "1"), ("X-Api-Key", "1"), ("Content-Type", "application/json"),
                ("Accept", "{}"), ("x-request-id", "1"), ("x-c", "1"),
            ],
            allowHeaders: "x-c, x-request-id, accept", named: "if-match"),
        MeasuredCase(
            api: .fetch, method: "PUT", hasBody: false,
            headers: [
                ("X-Correlation-ID", "1"), ("Width", "abc"), ("Accept", "text/html"), ("Range", "1.5"), ("X-B", "1"),
                ("Pragma", "1"), ("X-Trace-Id", "1"),
            ],
            allowHeaders: "width", named: "x-correlation-id"),
        // XMLHttpRequest fills its own map in setRequestHeader() order and copies it: x-c and cache-control share
        // a home slot, and the copy puts x-c first.
        MeasuredCase(
            api: .xhr, method: "PUT", hasBody: true,
            headers: [
                ("Pragma", "1"), ("x-amz-date", "1"), ("Authorization", "1"), ("Cache-Control", "1"), ("Width", "abc"),
                ("x-c", "1"), ("If-Match", "1"), ("Content-Language", "de"),
            ],
            allowHeaders: "authorization", named: "x-c"),
    ]

    @Test("Chromium names the header Chromium 156 named", arguments: measured)
    func chromiumNamesTheMeasuredHeader(_ row: MeasuredCase) throws {
        let request = try makeRequest(
            api: row.api, method: row.method, headers: row.headers, body: row.hasBody ? "hello" : nil)
        var preflight = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")]
        if let allowHeaders = row.allowHeaders { preflight.append(("Access-Control-Allow-Headers", allowHeaders)) }
        let exchange = run(request, rawServer(preflight: response(204, preflight)), browser: .chromium)
        #expect(exchange.verdict.failure == .headerNotAllowed(row.named))
    }

    @Test("The order does not depend on the order a fetch() script sets its headers in")
    func fetchOrderIgnoresScriptOrder() {
        let names = ["X-Request-Id", "Authorization", "x-custom", "Range", "Width", "X-Api-Key", "Accept"]
        let expected = BlinkHeaderMap.checkOrder(of: names, api: .fetch)
        #expect(BlinkHeaderMap.checkOrder(of: names.reversed(), api: .fetch) == expected)
        #expect(Set(expected) == Set(names.map { $0.lowercased() }))
    }

    @Test("Names hash case-insensitively, as WTF's case-folding hash does")
    func hashFoldsCase() {
        #expect(BlinkHeaderMap.hash("X-Custom") == BlinkHeaderMap.hash("x-custom"))
        #expect(BlinkHeaderMap.hash("x-custom") != BlinkHeaderMap.hash("x-custon"))
    }

    @Test(
        "rapidhash covers every length branch (≤3, 4–16, 17–48, over 48 bytes) and stays in 24 bits",
        arguments: [1, 2, 5, 9, 17, 30, 49, 97, 200])
    func hashLengths(length: Int) {
        let name = String(repeating: "a", count: length)
        let hash = BlinkHeaderMap.hash(name)
        #expect(hash != 0 && hash <= 0x00FF_FFFF)
        #expect(hash != BlinkHeaderMap.hash(name + "b"))
    }

    @Test("Firefox checks in sorted order and Safari in the script's, whatever Blink's map does")
    func otherBrowsers() throws {
        let request = try makeRequest(headers: [("X-B", "1"), ("Last-Event-ID", "1")])
        let server = rawServer(preflight: response(204, [("Access-Control-Allow-Origin", "*")]))
        #expect(run(request, server, browser: .firefox).verdict.failure == .headerNotAllowed("last-event-id"))
        #expect(run(request, server, browser: .safari).verdict.failure == .headerNotAllowed("x-b"))
    }
}

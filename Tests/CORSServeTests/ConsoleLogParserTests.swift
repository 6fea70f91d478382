import Testing

@testable import CORSServe

@Suite("Reading Chromium's console from its log")
struct ConsoleLogParserTests {
    @Test("console lines are picked out of the log, word for word; other log lines are not")
    func messages() {
        let log = """
            [7144:7144:1121/180719.180000:WARNING:some_file.cc(12)] Not a console line
            [7144:7144:1121/180719.189625:INFO:CONSOLE:0] "Access to fetch at 'http://a/x' from origin 'http://b' \
            has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested \
            resource.", source: http://b/page (0)
            [7144:7144:1121/180719.189717:INFO:CONSOLE(12)] "say "hi", source: x", source: http://b/page (12)
            """
        #expect(
            ConsoleLogParser.chromiumMessages(in: log) == [
                "Access to fetch at 'http://a/x' from origin 'http://b' has been blocked by CORS policy: No "
                    + "'Access-Control-Allow-Origin' header is present on the requested resource.",
                "say \"hi\", source: x",
            ])
    }
}

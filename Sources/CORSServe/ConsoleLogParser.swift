import Foundation

/// Reads the console messages out of Chromium's standard error (`--enable-logging=stderr --v=0`).
///
/// A message line looks like `[1:2:1121/180719.189625:INFO:CONSOLE:0] "Access to fetch at …", source: URL (0)`.
public enum ConsoleLogParser {
    /// The console messages in `log`, in order.
    public static func chromiumMessages(in log: String) -> [String] {
        var messages: [String] = []
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.hasPrefix("["), let tag = line.range(of: ":CONSOLE"),
                let close = line[tag.upperBound...].firstIndex(of: "]")
            else { continue }
            var rest = line[line.index(after: close)...].drop { $0 == " " }
            guard rest.first == "\"" else { continue }
            rest = rest.dropFirst()
            if let end = rest.range(of: "\", source: ", options: .backwards) {
                messages.append(String(rest[..<end.lowerBound]))
            } else if rest.hasSuffix("\"") {
                messages.append(String(rest.dropLast()))
            }
        }
        return messages
    }
}

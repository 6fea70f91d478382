import CORSCore

/// What every server export writes around its configuration: the title, the differences, where it listens.
struct ServerExportContext {
    /// The scenario's title.
    var title: String
    /// The target's name in the heading, e.g. `flask-cors`.
    var targetName: String
    /// What the source server was, e.g. `a generic policy` or `the vapor preset`.
    var source: String
    /// Each difference from the scenario's server.
    var differences: [String]
    /// The address to listen on.
    var listenHost: String
    /// The port to listen on.
    var listenPort: Int

    /// The comment lines that open the file, with `comment` as the line-comment marker.
    func heading(comment: String) -> [String] {
        var lines = [
            "\(comment) " + CodeLiteral.comment(title),
            "\(comment) The scenario's server (\(source)) as \(targetName) (cors-explorer export).",
        ]
        if differences.isEmpty {
            lines.append("\(comment) Browsers get the same verdicts from this server as from the scenario's.")
        } else {
            lines.append(
                "\(comment) Differences from the scenario's server (\(targetName) cannot do exactly the same):")
            for difference in differences { lines.append("\(comment) - " + CodeLiteral.comment(difference)) }
        }
        return lines
    }

    /// A small body that fits the response's content type.
    func body(_ headers: [HeaderField]) -> String {
        let type = headers.first { $0.lowercasedName == "content-type" }?.value ?? ""
        return type.contains("json") ? "{\"ok\": true}" : "ok"
    }
}

import CORSCore
import Yams

/// Typed access to a composed YAML node that reports every problem as a `ScenarioError` at the node's position.
struct YAMLReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    /// The entries of a mapping, checking that every key is one of `allowed` and none repeats.
    func mapping(_ node: Node, at path: String, allowed: [String]) throws(ScenarioError) -> [(String, Node, Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(path) must be a mapping of keys to values, found \(describe(node))")
        }
        var seen = Set<String>()
        var entries: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else { throw error(keyNode, "keys in \(path) must be plain names") }
            guard allowed.contains(key.string) else {
                let place = path == "the file" ? "at the top level" : "in \(path)"
                throw error(
                    keyNode,
                    "unknown key '\(key.string)' \(place); expected one of: \(allowed.joined(separator: ", "))")
            }
            guard seen.insert(key.string).inserted else {
                throw error(keyNode, "'\(key.string)' appears twice in \(path)")
            }
            entries.append((key.string, keyNode, value))
        }
        return entries
    }

    func string(_ node: Node, _ path: String) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, "\(path) must be a single value, found \(describe(node))")
        }
        return scalar.string
    }

    func bool(_ node: Node, _ path: String) throws(ScenarioError) -> Bool {
        switch try string(node, path) {
        case "true": return true
        case "false": return false
        case let other: throw error(node, "\(path) must be true or false, found '\(other)'")
        }
    }

    func int(_ node: Node, _ path: String, range: ClosedRange<Int>? = nil) throws(ScenarioError) -> Int {
        let text = try string(node, path)
        guard let value = Int(text) else { throw error(node, "\(path) must be a whole number, found '\(text)'") }
        if let range, !range.contains(value) {
            throw error(node, "\(path) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    func number(_ node: Node, _ path: String) throws(ScenarioError) -> Double {
        let text = try string(node, path)
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw error(node, "\(path) must be a number of seconds (0 or more), found '\(text)'")
        }
        return value
    }

    func sequence(_ node: Node, _ path: String) throws(ScenarioError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, "\(path) must be a list, found \(describe(node))")
        }
        return Array(sequence)
    }

    /// A list of single-line values: each item ends up inside a header line, so CR, LF and NUL are refused.
    func stringList(_ node: Node, _ path: String) throws(ScenarioError) -> [String] {
        var values: [String] = []
        for item in try sequence(node, path) {
            let value = try string(item, "each item of \(path)")
            if let problem = HeaderText.lineBreakProblem(in: value) {
                throw error(item, "each item of \(path) must fit on one header line, but it contains \(problem)")
            }
            values.append(value)
        }
        return values
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, as type: T.Type)
        throws(ScenarioError) -> T where T.RawValue == String
    {
        let text = try string(node, path)
        guard let value = T(rawValue: text) else {
            let options = T.allCases.map(\.rawValue).joined(separator: " | ")
            throw error(node, "\(path) must be one of \(options), found '\(text)'")
        }
        return value
    }

    /// An ordered header list: a list of one-entry mappings such as `- X-Custom: value`.
    ///
    /// `sender` decides what is malformed (see `HeaderText`): a script's headers may be invalid in ways the
    /// evaluator shows as the browser's TypeError, while a server's headers must be well-formed header lines.
    func headers(_ node: Node, _ path: String, sentBy sender: HeaderSender) throws(ScenarioError)
        -> [HeaderFieldSource]
    {
        var fields: [HeaderFieldSource] = []
        for item in try sequence(node, path) {
            guard case .mapping(let mapping) = item, mapping.count == 1, let (key, value) = mapping.first else {
                throw error(item, "each item of \(path) must be one 'Name: value' entry, e.g. '- X-Custom: hello'")
            }
            let name = try string(key, "a header name in \(path)")
            let text = try string(value, "the value of \(name) in \(path)")
            if let problem = HeaderText.problem(name: name, value: text, sentBy: sender, in: path) {
                throw error(problem.isAboutName ? key : value, problem.message)
            }
            fields.append(HeaderFieldSource(name: name, value: text, node: key))
        }
        return fields
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// A header line read from a file, with its node for error positions.
struct HeaderFieldSource {
    var name: String
    var value: String
    var node: Node
}

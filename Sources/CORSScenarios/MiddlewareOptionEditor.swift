import CORSCore
import Yams

/// Reads and changes one option of a middleware server at a time, the way an editor does.
///
/// Every change goes through the scenario file's own writer and decoder: the option is written as the file would
/// write it and read back by `MiddlewareDecoder`, so a value the loader (or the real middleware at start-up) refuses
/// is refused here with the same message, and there is one place for each option's rules.
public enum MiddlewareOptionEditor {
    /// A preset with the middleware's own defaults, or nil for an unknown name (see `MiddlewarePreset.names`).
    public static func defaultConfiguration(named name: String) -> MiddlewareConfiguration? {
        guard MiddlewarePreset.names.contains(name) else { return nil }
        return try? decode(name: name, config: [], app: [])
    }

    /// The options of `configuration`'s preset, then of its app, each with its current value.
    public static func options(_ configuration: MiddlewareConfiguration) -> [MiddlewareOption] {
        let config = MiddlewareWriter.config(configuration.preset)
        let app = MiddlewareWriter.app(configuration.app)
        let configOptions = MiddlewareOptionCatalog.config(configuration.preset.name).map {
            option($0, block: .config, lines: config)
        }
        return configOptions + MiddlewareOptionCatalog.app.map { option($0, block: .app, lines: app) }
    }

    /// The header list of a `.headers` option (`add_header` of nginx, the app's `headers`).
    public static func headers(_ block: MiddlewareOption.Block, in configuration: MiddlewareConfiguration)
        -> [HeaderField]
    {
        switch (block, configuration.preset) {
        case (.config, .nginx(let options)): return options.addHeader
        case (.config, _): return []
        case (.app, _): return configuration.app.headers
        }
    }

    /// `configuration` with option `key` of `block` set to typed `text`; empty text restores the default.
    ///
    /// A list is typed as items separated by commas (or as a YAML flow list `[…]`), a flag as `true`/`false`, a
    /// number as digits; `.value` options take the YAML value the file takes.
    public static func setting(
        _ key: String, of block: MiddlewareOption.Block, to text: String, in configuration: MiddlewareConfiguration
    ) throws(ScenarioError) -> MiddlewareConfiguration {
        let kind = catalog(block, configuration).first { $0.key == key }?.kind ?? .value
        let trimmed = text.trimmingHTTPWhitespace
        let lines = trimmed.isEmpty ? [] : ["\(key): \(yamlValue(trimmed, kind: kind))"]
        return try replacing(key, of: block, with: lines, in: configuration)
    }

    /// `configuration` with the header list `key` of `block` replaced by `headers`.
    public static func settingHeaders(
        _ key: String, of block: MiddlewareOption.Block, to headers: [HeaderField],
        in configuration: MiddlewareConfiguration
    ) throws(ScenarioError) -> MiddlewareConfiguration {
        try replacing(
            key, of: block, with: ScenarioWriter.headerList(key, headers, omitWhenEmpty: block == .config),
            in: configuration)
    }

    /// The typed text an editor starts with for `option`: list items separated by commas, other values as shown.
    public static func editableText(_ option: MiddlewareOption) -> String {
        guard !option.isDefault else { return "" }
        guard case .list = option.kind, let items = flowItems(option.value),
            !items.contains(where: { $0.contains(",") })
        else { return option.value }
        return items.joined(separator: ", ")
    }

    /// `option`'s value for display: list items separated by commas, other values as written.
    public static func displayText(_ option: MiddlewareOption) -> String {
        guard !option.isDefault else { return option.value + " (default)" }
        if case .list = option.kind, let items = flowItems(option.value) {
            return items.isEmpty ? "[]" : items.joined(separator: ", ")
        }
        return option.value
    }

    // MARK: Private

    private static func catalog(_ block: MiddlewareOption.Block, _ configuration: MiddlewareConfiguration)
        -> [MiddlewareOptionCatalog.Entry]
    {
        block == .app ? MiddlewareOptionCatalog.app : MiddlewareOptionCatalog.config(configuration.preset.name)
    }

    private static func option(
        _ entry: MiddlewareOptionCatalog.Entry, block: MiddlewareOption.Block, lines: [String]
    ) -> MiddlewareOption {
        let hint = "\(entry.key): \(entry.takes); empty: the default, \(entry.defaultText)"
        guard let written = writtenValue(entry.key, in: lines) else {
            return MiddlewareOption(
                block: block, key: entry.key, kind: entry.kind, value: entry.defaultText, isDefault: true, hint: hint)
        }
        return MiddlewareOption(
            block: block, key: entry.key, kind: entry.kind, value: written, isDefault: false, hint: hint)
    }

    /// The value written for `key` in writer lines, as one flow line (a block list becomes `[a, b]`).
    private static func writtenValue(_ key: String, in lines: [String]) -> String? {
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return nil }
        let line = lines[index]
        guard line == key + ":" else { return String(line.dropFirst(key.count + 2)) }
        let items = lines[(index + 1)...].prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(4)) }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// The strings of a YAML flow list, or nil when `text` is not a list of plain values.
    private static func flowItems(_ text: String) -> [String]? {
        guard let node = try? Yams.compose(yaml: text), case .sequence(let sequence) = node else { return nil }
        var items: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else { return nil }
            items.append(scalar.string)
        }
        return items
    }

    private static func yamlValue(_ text: String, kind: MiddlewareOption.Kind) -> String {
        switch kind {
        case .list(let words):
            if words.contains(text) { return ScenarioWriter.quoted(text) }
            if text.hasPrefix("[") { return text }
            let items = text.split(separator: ",").map { String($0).trimmingHTTPWhitespace }.filter { !$0.isEmpty }
            return "[" + items.map(ScenarioWriter.quoted).joined(separator: ", ") + "]"
        case .value:
            // A bare `*` is YAML alias syntax; the file writes it quoted.
            return text == "*" ? ScenarioWriter.quoted(text) : text
        case .flag, .number, .headers:
            return text
        }
    }

    private static func replacing(
        _ key: String, of block: MiddlewareOption.Block, with newLines: [String],
        in configuration: MiddlewareConfiguration
    ) throws(ScenarioError) -> MiddlewareConfiguration {
        var config = MiddlewareWriter.config(configuration.preset)
        var app = MiddlewareWriter.app(configuration.app)
        if block == .config {
            config = removing(key, from: config) + newLines
        } else {
            app = removing(key, from: app) + newLines
        }
        return try decode(name: configuration.preset.name, config: config, app: app)
    }

    /// Writer lines without `key`'s line and the indented lines under it.
    private static func removing(_ key: String, from lines: [String]) -> [String] {
        var result: [String] = []
        var skipping = false
        for line in lines {
            if line.hasPrefix(key + ":") {
                skipping = true
            } else if !(skipping && line.hasPrefix("  ")) {
                skipping = false
                result.append(line)
            }
        }
        return result
    }

    private static func decode(name: String, config: [String], app: [String]) throws(ScenarioError)
        -> MiddlewareConfiguration
    {
        var lines = ["middleware: \(name)"]
        lines += config.isEmpty ? ["config: {}"] : ["config:"] + ScenarioWriter.indented(config)
        lines += app.isEmpty ? ["app: {}"] : ["app:"] + ScenarioWriter.indented(app)
        let reader = YAMLReader(file: "editor")
        let root: Node?
        do {
            root = try Yams.compose(yaml: lines.joined(separator: "\n"))
        } catch {
            throw ScenarioError(
                file: "editor", line: nil, column: nil,
                message: "that is not a value the scenario file takes (YAML syntax); see the hint")
        }
        guard case .mapping(let mapping)? = root else {
            throw ScenarioError(file: "editor", line: nil, column: nil, message: "expected a middleware server")
        }
        let node = { (key: String) in mapping[Node(key)] }
        guard let nameNode = node("middleware") else {
            throw ScenarioError(file: "editor", line: nil, column: nil, message: "expected a middleware name")
        }
        return try MiddlewareDecoder(reader: reader).configuration(
            nameNode: nameNode, config: node("config"), app: node("app"))
    }
}

import CORSCore
import CORSScenarios
import Testing

/// One preset option at a time, through the writer and the decoder: values, defaults, refusals and round trips.
@Suite struct MiddlewareOptionEditorTests {
    static func defaults(_ name: String) throws -> MiddlewareConfiguration {
        try #require(MiddlewareOptionEditor.defaultConfiguration(named: name))
    }

    /// The option names the editor offers are exactly the keys a scenario file takes, in the same order.
    @Test(arguments: MiddlewarePreset.names)
    func optionsAreTheFileKeys(_ name: String) throws {
        let configuration = try Self.defaults(name)
        let options = MiddlewareOptionEditor.options(configuration)
        #expect(options.allSatisfy { $0.isDefault })
        #expect(options.filter { $0.block == .app }.map(\.key) == ["status", "headers", "options_status"])
        for option in options.filter({ $0.block == .config }) {
            // Setting a key the decoder does not know would throw "unknown key".
            let text = option.kind == .headers ? nil : MiddlewareOptionEditor.editableText(option)
            if let text { _ = try MiddlewareOptionEditor.setting(option.key, of: .config, to: text, in: configuration) }
            #expect(option.hint.contains("default"), "\(name).\(option.key) names its default")
        }
    }

    @Test func aListIsTypedWithCommasAndShownAsItems() throws {
        let flask = try MiddlewareOptionEditor.setting(
            "origins", of: .config, to: "https://a.example, https://b.example", in: Self.defaults("flask-cors"))
        guard case .flaskCORS(let options) = flask.preset else {
            Issue.record("still flask-cors")
            return
        }
        #expect(options.origins == ["https://a.example", "https://b.example"])
        let option = try #require(MiddlewareOptionEditor.options(flask).first { $0.key == "origins" })
        #expect(!option.isDefault)
        #expect(MiddlewareOptionEditor.displayText(option) == "https://a.example, https://b.example")
        #expect(MiddlewareOptionEditor.editableText(option) == "https://a.example, https://b.example")
        let cleared = try MiddlewareOptionEditor.setting("origins", of: .config, to: "", in: flask)
        #expect(cleared == (try Self.defaults("flask-cors")), "empty text restores the default")
    }

    @Test func valuesTakeTheFileForms() throws {
        let express = try MiddlewareOptionEditor.setting(
            "origin", of: .config, to: #"["https://a.example", {regex: "\\.b\\.example$"}]"#,
            in: Self.defaults("express-cors"))
        #expect(
            express.preset
                == .expressCORS(
                    ExpressCORS(origin: .allowList([.exact("https://a.example"), .regex(#"\.b\.example$"#)]))))
        let star = try MiddlewareOptionEditor.setting("origin", of: .config, to: "*", in: express)
        #expect(star.preset == .expressCORS(ExpressCORS()))
        let vapor = try MiddlewareOptionEditor.setting(
            "allowedOrigin", of: .config, to: #"{any: ["https://a.example"]}"#, in: Self.defaults("vapor"))
        #expect(vapor.preset == .vapor(VaporCORS(allowedOrigin: .any(["https://a.example"]))))
        let tower = try MiddlewareOptionEditor.setting(
            "allow_headers", of: .config, to: "mirror_request", in: Self.defaults("tower-http"))
        #expect(tower.preset == .towerHTTP(TowerHTTPCORS(allowHeaders: .mirrorRequest)))
        let app = try MiddlewareOptionEditor.setting("status", of: .app, to: "500", in: Self.defaults("nginx"))
        #expect(app.app.status == 500)
    }

    @Test(arguments: [
        ("express-cors", "maxAge", "soon", "config.maxAge must be a whole number, found 'soon'"),
        ("express-cors", "optionsSuccessStatus", "2000", "between 100 and 999"),
        ("rs-cors", "AllowCredentials", "maybe", "must be true or false"),
        ("vapor", "allowedOrigin", "everyone", "must be one of none | originBased | all"),
        ("express-cors", "origin", "[{regex: \"(\"}]", "not a valid regular expression"),
        ("flask-cors", "origins", "[unclosed", "YAML syntax"),
    ])
    func aValueTheFileRefusesIsRefusedWithItsMessage(name: String, key: String, text: String, message: String)
        throws
    {
        let configuration = try Self.defaults(name)
        #expect {
            _ = try MiddlewareOptionEditor.setting(key, of: .config, to: text, in: configuration)
        } throws: { error in
            (error as? ScenarioError)?.message.contains(message) == true
        }
    }

    /// What the real middleware refuses at start-up is refused here too.
    @Test func aConfigurationTheMiddlewareRefusesIsAnError() throws {
        var flask = try Self.defaults("flask-cors")
        flask = try MiddlewareOptionEditor.setting("send_wildcard", of: .config, to: "true", in: flask)
        #expect {
            _ = try MiddlewareOptionEditor.setting("supports_credentials", of: .config, to: "true", in: flask)
        } throws: { error in
            (error as? ScenarioError)?.message.contains("flask-cors raises ValueError") == true
        }
        let tower = try MiddlewareOptionEditor.setting(
            "allow_origin", of: .config, to: "*", in: Self.defaults("tower-http"))
        #expect {
            _ = try MiddlewareOptionEditor.setting("allow_credentials", of: .config, to: "true", in: tower)
        } throws: { error in
            (error as? ScenarioError)?.message.contains("tower-http panics") == true
        }
    }

    @Test func headerListsAreSetAsAWhole() throws {
        let lines = [HeaderField("Access-Control-Allow-Origin", "$http_origin"), HeaderField("Vary", "Origin")]
        let nginx = try MiddlewareOptionEditor.settingHeaders(
            "add_header", of: .config, to: lines, in: Self.defaults("nginx"))
        #expect(MiddlewareOptionEditor.headers(.config, in: nginx) == lines)
        let app = try MiddlewareOptionEditor.settingHeaders("headers", of: .app, to: [], in: nginx)
        #expect(app.app.headers.isEmpty)
        #expect(MiddlewareOptionEditor.headers(.app, in: app).isEmpty)
    }

    /// A preset edited option by option is written and read back unchanged (`w` in the explorer).
    @Test(arguments: MiddlewarePreset.names)
    func anEditedPresetRoundTripsThroughTheFile(_ name: String) throws {
        var configuration = try Self.defaults(name)
        for option in MiddlewareOptionEditor.options(configuration) {
            switch option.kind {
            case .flag(let on):
                if let changed = try? MiddlewareOptionEditor.setting(
                    option.key, of: option.block, to: option.isOn ? "false" : on, in: configuration)
                {
                    configuration = changed
                }
            case .number:
                configuration = try MiddlewareOptionEditor.setting(
                    option.key, of: option.block, to: "201", in: configuration)
            case .list:
                configuration = try MiddlewareOptionEditor.setting(
                    option.key, of: option.block, to: "X-One, x-two", in: configuration)
            case .value:
                continue
            case .headers:
                configuration = try MiddlewareOptionEditor.settingHeaders(
                    option.key, of: option.block, to: [HeaderField("X-Edited", "\"yes\", $http_origin")],
                    in: configuration)
            }
        }
        #expect(configuration != (try Self.defaults(name)))
        let scenario = Scenario(
            title: "edited \(name)",
            request: BrowserRequest(
                page: try Origin.parse("https://app.example"), url: try ParsedURL.parse("https://api.example/x"),
                urlText: "https://api.example/x"),
            server: ServerDefinition(behavior: .middleware(configuration)))
        let text = ScenarioWriter.yaml(scenario)
        #expect(try ScenarioLoader.parse(text, file: "edited.yaml") == scenario, "\(text)")
    }
}

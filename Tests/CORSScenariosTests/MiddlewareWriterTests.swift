import CORSCore
import CORSScenarios
import Testing

/// Every middleware preset, at its defaults and with every option changed, is written and read back unchanged.
@Suite struct MiddlewareWriterTests {
    static let page = "https://app.example.com"

    static let presets: [MiddlewarePreset] = [
        .expressCORS(ExpressCORS()),
        .expressCORS(
            ExpressCORS(
                origin: .allowList([.exact(page), .regex(#"\.example\.com$"#)]), methods: "GET,POST",
                allowedHeaders: "X-A,X-B", exposedHeaders: "X-Total", credentials: true, maxAge: 0,
                preflightContinue: true, optionsSuccessStatus: 200)),
        .expressCORS(ExpressCORS(origin: .reflect)), .expressCORS(ExpressCORS(origin: .disabled)),
        .expressCORS(ExpressCORS(origin: .fixed(page), allowedHeaders: "")),
        .flaskCORS(FlaskCORS()),
        .flaskCORS(
            FlaskCORS(
                origins: [page, #"https://.*\.example\.com"#], methods: ["GET"], allowHeaders: ["X-A"],
                exposeHeaders: ["X-B"], supportsCredentials: true, maxAge: 60, sendWildcard: true, varyHeader: false,
                alwaysSend: false, resources: ["/api/.*"])),
        .rsCORS(RsCORS()),
        .rsCORS(
            RsCORS(
                allowedOrigins: ["https://*.example.com"], allowedMethods: [], allowedHeaders: ["*"],
                exposedHeaders: ["X-B"], allowCredentials: true, maxAge: -1, optionsPassthrough: true,
                optionsSuccessStatus: 200)),
        .spring(SpringCORS()),
        .spring(
            SpringCORS(
                allowedOrigins: [page], allowedOriginPatterns: ["https://*.example.com"], allowedMethods: ["*"],
                allowedHeaders: [], exposedHeaders: ["X-B"], allowCredentials: false, maxAge: 10,
                permitDefaultValues: true)),
        .towerHTTP(TowerHTTPCORS()),
        .towerHTTP(
            TowerHTTPCORS(
                allowOrigin: .list([page]), allowMethods: .mirrorRequest, allowHeaders: .list([]),
                exposeHeaders: .any, maxAge: 5, vary: [])),
        .towerHTTP(TowerHTTPCORS(allowOrigin: .any, allowHeaders: .any)),
        .vapor(VaporCORS()),
        .vapor(
            VaporCORS(
                allowedOrigin: .any([page, "null"]), allowedMethods: ["GET"], allowedHeaders: [],
                allowCredentials: true, cacheExpiration: nil, exposedHeaders: [])),
        .vapor(VaporCORS(allowedOrigin: .custom("*, *"))), .vapor(VaporCORS(allowedOrigin: .none)),
        .hummingbird(HummingbirdCORS()),
        .hummingbird(
            HummingbirdCORS(
                allowOrigin: .oneOf([page]), allowHeaders: ["X-A"], allowMethods: [], allowCredentials: true,
                exposedHeaders: ["X-B"], maxAge: 0)),
        .hummingbird(HummingbirdCORS(allowOrigin: .custom("null"))),
        .aspNetCore(AspNetCoreCORS()),
        .aspNetCore(
            AspNetCoreCORS(
                withOrigins: [page + "/"], setIsOriginAllowedToAny: true, allowWildcardSubdomains: true,
                withMethods: ["PUT"], allowAnyMethod: true, withHeaders: ["X-A"], allowAnyHeader: true,
                withExposedHeaders: ["X-B"], allowCredentials: true, preflightMaxAge: 30)),
        .nginx(NginxCORS()),
        .nginx(
            NginxCORS(
                addHeader: [HeaderField("Access-Control-Allow-Origin", "$http_origin"), HeaderField("Vary", "Origin")],
                always: true, optionsReturn: 204)),
    ]

    static let apps = [
        MiddlewareApp(),
        MiddlewareApp(status: 500, headers: [], optionsStatus: 405),
        MiddlewareApp(headers: [HeaderField("X-Total", "3"), HeaderField("X-Total", "4")]),
    ]

    @Test(arguments: presets.indices)
    func presetRoundTrips(_ index: Int) throws {
        for app in Self.apps {
            let server = ServerDefinition(
                behavior: .middleware(MiddlewareConfiguration(preset: Self.presets[index], app: app)))
            let scenario = Scenario(
                title: "t", request: try ScenarioWriterTests.request(), server: server)
            try ScenarioWriterTests.expectRoundTrip(scenario)
        }
    }
}

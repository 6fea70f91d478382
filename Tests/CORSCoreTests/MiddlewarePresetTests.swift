import CORSCore
import Testing

/// Each middleware preset sends what the real middleware sends, quirks included.
@Suite struct MiddlewarePresetTests {
    static let page = "http://app.example.com:3334"
    static let url = "http://api.example.com:3333/items"

    func preflight(method: String = "PUT", headers: String? = nil, origin: String = page) throws -> WireRequest {
        var fields = [HeaderField("Origin", origin), HeaderField("Access-Control-Request-Method", method)]
        if let headers { fields.append(HeaderField("Access-Control-Request-Headers", headers)) }
        return WireRequest(method: "OPTIONS", url: try ParsedURL.parse(Self.url), headers: fields)
    }

    func actual(method: String = "GET", origin: String = page) throws -> WireRequest {
        WireRequest(method: method, url: try ParsedURL.parse(Self.url), headers: [HeaderField("Origin", origin)])
    }

    func reply(_ preset: MiddlewarePreset, _ request: WireRequest, app: MiddlewareApp = MiddlewareApp())
        -> ServerResponse
    {
        let server = ServerDefinition(behavior: .middleware(MiddlewareConfiguration(preset: preset, app: app)))
        return PolicyResponder.reply(to: request, server: server).response
    }

    @Test func expressEchoesRequestedHeadersWhenAllowedHeadersIsUnset() throws {
        let response = reply(.expressCORS(ExpressCORS()), try preflight(headers: "content-type,x-debug"))
        #expect(response.status == 204)
        #expect(
            response.headers == [
                HeaderField("Access-Control-Allow-Origin", "*"),
                HeaderField("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE"),
                HeaderField("Vary", "Access-Control-Request-Headers"),
                HeaderField("Access-Control-Allow-Headers", "content-type,x-debug"),
                HeaderField("Content-Length", "0"),
            ])
    }

    @Test func expressReflectsWithVaryOriginFirst() throws {
        let options = ExpressCORS(origin: .reflect, credentials: true)
        let response = reply(.expressCORS(options), try preflight(headers: "x-a"))
        #expect(
            response.headers.prefix(3) == [
                HeaderField("Access-Control-Allow-Origin", Self.page),
                HeaderField("Vary", "Origin, Access-Control-Request-Headers"),
                HeaderField("Access-Control-Allow-Credentials", "true"),
            ])
    }

    @Test func rsCORSDropsEveryHeaderWhenOneRequestedHeaderIsNotAllowed() throws {
        let options = RsCORS(allowedOrigins: [Self.page])
        let rejected = reply(.rsCORS(options), try preflight(method: "GET", headers: "content-type,x-trace-id"))
        #expect(rejected.status == 204)
        #expect(
            rejected.headers == [
                HeaderField("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
            ])
        let accepted = reply(.rsCORS(options), try preflight(method: "GET", headers: "content-type"))
        #expect(accepted.headers.values(named: "Access-Control-Allow-Origin") == [Self.page])
        #expect(accepted.headers.values(named: "Access-Control-Allow-Headers") == ["content-type"])
    }

    @Test func springAnswersARejectedPreflightWith403() throws {
        let options = SpringCORS(allowedOrigins: [Self.page], allowedHeaders: ["*"])
        let response = reply(.spring(options), try preflight(method: "PUT"))
        #expect(response.status == 403)
        #expect(!response.headers.contains(named: "Access-Control-Allow-Origin"))
        #expect(response.headers.values(named: "Vary").count == 3)
        let allowed = reply(.spring(options), try preflight(method: "GET"))
        #expect(allowed.status == 200)
        #expect(allowed.headers.values(named: "Access-Control-Allow-Methods") == ["GET,HEAD"])
    }

    @Test func springRejectsAnActualPostWith403ByDefault() throws {
        let response = reply(.spring(SpringCORS(allowedOrigins: [Self.page])), try actual(method: "POST"))
        #expect(response.status == 403)
    }

    @Test func flaskCORSReflectsAnyOriginByDefault() throws {
        let evil = "http://evil.example.net"
        let response = reply(.flaskCORS(FlaskCORS(supportsCredentials: true)), try actual(origin: evil))
        #expect(
            response.headers == [
                HeaderField("Content-Type", "application/json"), HeaderField("Access-Control-Allow-Origin", evil),
                HeaderField("Access-Control-Allow-Credentials", "true"), HeaderField("Vary", "Origin"),
            ])
    }

    @Test func flaskCORSOmitsMethodsAndHeadersForAMethodNotAllowed() throws {
        let response = reply(.flaskCORS(FlaskCORS(methods: ["GET"])), try preflight(method: "PUT", headers: "x-a"))
        #expect(response.headers.values(named: "Access-Control-Allow-Origin") == [Self.page])
        #expect(!response.headers.contains(named: "Access-Control-Allow-Methods"))
        #expect(!response.headers.contains(named: "Access-Control-Allow-Headers"))
    }

    @Test func vaporReflectsAnyOriginByDefault() throws {
        let evil = "http://evil.example.net"
        let response = reply(.vapor(VaporCORS()), try actual(origin: evil))
        #expect(response.headers.values(named: "Access-Control-Allow-Origin") == [evil])
        #expect(response.headers.values(named: "Vary") == ["origin"])
        #expect(response.headers.values(named: "Access-Control-Max-Age") == ["600"])
    }

    @Test func vaporAddsNoVaryForAnOriginList() throws {
        let options = VaporCORS(allowedOrigin: .any([Self.page, "http://admin.example.com"]))
        let response = reply(.vapor(options), try actual())
        #expect(response.headers.values(named: "Access-Control-Allow-Origin") == [Self.page])
        #expect(!response.headers.contains(named: "Vary"))
        let other = reply(.vapor(options), try actual(origin: "http://evil.example.net"))
        #expect(!other.headers.contains(named: "Access-Control-Allow-Origin"))
        #expect(other.headers.contains(named: "Access-Control-Allow-Methods"))
    }

    @Test(arguments: [(200, true), (204, true), (302, true), (400, false), (401, false), (404, false), (500, false)])
    func nginxAddsHeadersWithoutAlwaysOnlyToSomeStatuses(status: Int, sent: Bool) throws {
        let options = NginxCORS(addHeader: [HeaderField("Access-Control-Allow-Origin", "$http_origin")])
        let response = reply(.nginx(options), try actual(), app: MiddlewareApp(status: status))
        #expect(response.headers.values(named: "Access-Control-Allow-Origin") == (sent ? [Self.page] : []))
        var always = options
        always.always = true
        let withAlways = reply(.nginx(always), try actual(), app: MiddlewareApp(status: status))
        #expect(withAlways.headers.values(named: "Access-Control-Allow-Origin") == [Self.page])
    }

    @Test func towerHTTPAnswersEveryOptionsRequestItself() throws {
        let options = TowerHTTPCORS(allowOrigin: .any, allowMethods: .list(["GET", "POST"]))
        let plainOptions = WireRequest(
            method: "OPTIONS", url: try ParsedURL.parse(Self.url), headers: [HeaderField("Origin", Self.page)])
        let response = reply(.towerHTTP(options), plainOptions, app: MiddlewareApp(optionsStatus: 404))
        #expect(response.status == 200)
        #expect(response.headers.values(named: "access-control-allow-methods") == ["GET,POST"])
    }

    @Test func hummingbirdRefusesTheNullOriginWhenOriginBased() throws {
        let response = reply(.hummingbird(HummingbirdCORS()), try actual(origin: "null"))
        #expect(!response.headers.contains(named: "Access-Control-Allow-Origin"))
    }

    @Test func aspNetCoreStillRunsTheRequestForADisallowedOrigin() throws {
        let options = AspNetCoreCORS(withOrigins: ["http://app.example.com:3334/"])
        let response = reply(.aspNetCore(options), try actual(), app: MiddlewareApp(status: 201))
        #expect(response.status == 201)
        #expect(!response.headers.contains(named: "Access-Control-Allow-Origin"))
    }

    @Test func redirectsCarryTheMiddlewaresHeaders() throws {
        let configuration = MiddlewareConfiguration(preset: .expressCORS(ExpressCORS(origin: .reflect)))
        let server = ServerDefinition(
            behavior: .middleware(configuration),
            redirects: [ServerRedirect(from: try ParsedURL.parse(Self.url), location: "/next", status: 301)])
        let response = PolicyResponder.reply(to: try actual(), server: server).response
        #expect(response.status == 301)
        #expect(response.headers.values(named: "Location") == ["/next"])
        #expect(response.headers.values(named: "Access-Control-Allow-Origin") == [Self.page])
    }
}

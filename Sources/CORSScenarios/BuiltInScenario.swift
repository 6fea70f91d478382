/// The scenario the explorer opens when no file is given.
public enum BuiltInScenario {
    /// The file name shown for it.
    public static let name = "built-in welcome scenario"

    /// Its YAML text: a PUT with a custom header whose preflight fails because the policy leaves PUT out.
    public static let yaml = """
        title: "Welcome: a PUT that needs a preflight"
        lesson: >
          The page sends PUT with a JSON body and an X-Request-Id header. PUT is not a simple method and neither
          header is CORS-safelisted, so the browser first asks the server with an OPTIONS preflight. The policy
          names the page's origin and both headers, but not PUT, so the browser stops there and the PUT is never
          sent. Fix it: select Methods in the server editor, press Enter, add PUT, press Enter. Then try b (another
          browser), r (replay) or space (one step at a time).
        browser: chromium
        request:
          page: https://app.example.com
          url: https://api.example.com/items/7
          method: PUT
          headers:
            - Content-Type: application/json
            - X-Request-Id: "42"
          body: '{"name":"widget"}'
        server:
          policy:
            allow_origins: [https://app.example.com]
            allow_methods: [GET, POST]
            allow_headers: [Content-Type, X-Request-Id]
            max_age: 600
        expect:
          outcome: blocked
          preflight: true
          access_control_request_headers: "content-type,x-request-id"
          console: "Access to fetch at 'https://api.example.com/items/7' from origin 'https://app.example.com' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."
        """

    /// The parsed scenario.
    public static func scenario() throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse(yaml, file: name)
    }
}

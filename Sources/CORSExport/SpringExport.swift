import CORSCore

/// Spring's `CorsConfiguration` behind a `CorsFilter`: the policy translated into its fields, written out.
///
/// A filter with the configuration as is, not `WebMvcConfigurer.addCorsMappings`: a registry mapping starts from
/// `applyPermitDefaultValues()` (max-age 1800, every header), which the configuration would inherit.
enum SpringExport {
    static let target = ServerTarget(name: "Spring", fixedPreflightStatus: 200)

    /// The configuration closest to `policy`, and what still differs.
    static func translate(_ policy: CORSPolicy, server: ServerDefinition) -> (SpringCORS, [String]) {
        var differences = target.commonDifferences(policy, server: server)
        var options = SpringCORS()
        switch policy.allowOrigins {
        case .any where policy.allowCredentials:
            options.allowedOriginPatterns = ["*"]
            differences.append(
                "the original sends Access-Control-Allow-Origin: * with credentials, which browsers refuse for "
                    + "credentialed requests; Spring refuses allowedOrigins \"*\" with credentials, so this uses "
                    + "allowedOriginPatterns \"*\", which reflects the origin: credentialed requests from any origin "
                    + "succeed")
        case .any: options.allowedOrigins = ["*"]
        case .reflectAny: options.allowedOriginPatterns = ["*"]
        case .list(let patterns):
            var origins: [String] = []
            var globs: [String] = []
            var leftOut: [String] = []
            for pattern in patterns {
                switch pattern {
                case .exact(let origin): origins.append(origin)
                case .subdomainWildcard: globs.append(pattern.written)
                case .regex: leftOut.append(pattern.written)
                }
            }
            options.allowedOrigins = origins.isEmpty ? nil : origins
            options.allowedOriginPatterns = globs.isEmpty ? nil : globs
            if !leftOut.isEmpty {
                differences.append(
                    "Spring has no regex origins: " + leftOut.joined(separator: ", ")
                        + " left out, so the origins they match are refused")
            }
            if !origins.isEmpty {
                differences.append("Spring compares origins ignoring case and a trailing /")
            }
        }
        if !policy.varyOrigin { differences.append("Spring always sends Vary: Origin, which the original leaves out") }
        if policy.allowMethods.contains("*") {
            options.allowedMethods = ["*"]
            if policy.allowCredentials {
                differences.append(
                    "allowedMethods \"*\" echoes the requested method, which also works with credentials, where the "
                        + "original's literal * does not")
            }
        } else {
            options.allowedMethods = ServerTarget.methodsWithSafelisted(policy.allowMethods)
        }
        switch policy.allowHeaders {
        case .list(let names): options.allowedHeaders = names
        case .wildcard:
            options.allowedHeaders = ["*"]
            differences.append(
                "allowedHeaders \"*\" echoes the requested headers, so Authorization"
                    + (policy.allowCredentials ? " and every header with credentials are" : " is")
                    + " allowed too, unlike the original's Access-Control-Allow-Headers: *")
        case .mirror: options.allowedHeaders = ["*"]
        }
        options.exposedHeaders = policy.exposeHeaders.isEmpty ? nil : policy.exposeHeaders
        options.allowCredentials = policy.allowCredentials ? true : nil
        options.maxAge = policy.maxAge
        return (options, differences)
    }

    /// The `WebMvcConfigurer` and a controller.
    static func render(_ options: SpringCORS, app: MiddlewareApp, context: ServerExportContext) -> String {
        var lines = context.heading(comment: "//")
        lines += [
            "// A Spring Boot (spring-web MVC) app; in application.properties:",
            "//   server.address=" + CodeLiteral.comment(context.listenHost),
            "//   server.port=\(context.listenPort)",
            "package cors.export;",
            "",
            "import java.util.List;",
            "import org.springframework.boot.SpringApplication;",
            "import org.springframework.boot.autoconfigure.SpringBootApplication;",
            "import org.springframework.http.ResponseEntity;",
            "import org.springframework.web.bind.annotation.RequestMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import org.springframework.context.annotation.Bean;",
            "import org.springframework.web.cors.CorsConfiguration;",
            "import org.springframework.web.cors.UrlBasedCorsConfigurationSource;",
            "import org.springframework.web.filter.CorsFilter;",
            "",
            "@SpringBootApplication",
            "@RestController",
            "public class CorsExportApplication {",
            "    public static void main(String[] args) {",
            "        SpringApplication.run(CorsExportApplication.class, args);",
            "    }",
            "",
            "    /** DefaultCorsProcessor with exactly this configuration, for every path. */",
            "    @Bean",
            "    public CorsFilter corsFilter() {",
            "        CorsConfiguration config = new CorsConfiguration();",
        ]
        if let origins = options.allowedOrigins {
            lines.append("        config.setAllowedOrigins(" + list(origins) + ");")
        }
        if let patterns = options.allowedOriginPatterns {
            lines.append("        config.setAllowedOriginPatterns(" + list(patterns) + ");")
        }
        if let methods = options.allowedMethods {
            lines.append("        config.setAllowedMethods(" + list(methods) + ");")
        }
        if let headers = options.allowedHeaders {
            lines.append("        config.setAllowedHeaders(" + list(headers) + ");")
        }
        if let exposed = options.exposedHeaders {
            lines.append("        config.setExposedHeaders(" + list(exposed) + ");")
        }
        if let credentials = options.allowCredentials {
            lines.append("        config.setAllowCredentials(\(credentials));")
        }
        if let maxAge = options.maxAge { lines.append("        config.setMaxAge(\(maxAge)L);") }
        if options.permitDefaultValues { lines.append("        config = config.applyPermitDefaultValues();") }
        lines += [
            "        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();",
            "        source.registerCorsConfiguration(\"/**\", config);",
            "        return new CorsFilter(source);",
            "    }",
            "",
            "    /** The scenario's app: its status and headers, on every path. */",
            "    @RequestMapping(\"/**\")",
            "    public ResponseEntity<String> route() {",
            "        return ResponseEntity.status(\(app.status))",
        ]
        for header in app.headers {
            lines.append(
                "            .header(" + CodeLiteral.java(header.name) + ", " + CodeLiteral.java(header.value) + ")")
        }
        lines += [
            "            .body(" + CodeLiteral.java(context.body(app.headers)) + ");",
            "    }",
            "}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ values: [String]) -> String {
        "List.of(" + values.map(CodeLiteral.java).joined(separator: ", ") + ")"
    }
}

import CORSCore

/// Spring's `CorsConfiguration` behind a `CorsFilter`: its fields (`PresetTranslation` makes them from a policy) written out.
///
/// A filter with the configuration as is, not `WebMvcConfigurer.addCorsMappings`: a registry mapping starts from
/// `applyPermitDefaultValues()` (max-age 1800, every header), which the configuration would inherit.
enum SpringExport {
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

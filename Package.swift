// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cors-explorer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cors-explorer", targets: ["cors-explorer"]),
        .library(name: "CORSCore", targets: ["CORSCore"]),
        .library(name: "CORSLint", targets: ["CORSLint"]),
        // For the fuzz targets in Tests/Fuzz, a package of their own.
        .library(name: "CORSScenarios", targets: ["CORSScenarios"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The loopback HTTP servers of `serve` and `verify`: exact status and header bytes.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // Test-only: starts tmux with a clean signal mask for the real-terminal tests.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // The evaluator: pure Swift, no Foundation, no I/O. The only place CORS rules live.
        .target(name: "CORSCore"),
        // The security lint: probes a server definition with attacker origins through the evaluator. Pure, no I/O.
        .target(name: "CORSLint", dependencies: ["CORSCore"]),
        // The what-if matrix: a scenario's request varied over origins, methods, headers and credentials, every
        // combination evaluated by CORSCore. Pure, no I/O.
        .target(name: "CORSMatrix", dependencies: ["CORSCore", "CORSLint", "CORSReport"]),
        // Scenario files (YAML or JSON) to and from CORSCore values.
        .target(name: "CORSScenarios", dependencies: ["CORSCore", .product(name: "Yams", package: "Yams")]),
        // Text and JSON reports of an exchange, shared by the CLI and (later) the explorer.
        .target(name: "CORSReport", dependencies: ["CORSCore"]),
        // Exports of a scenario: curl commands, fetch/XHR code and server configurations. Pure, no I/O.
        .target(name: "CORSExport", dependencies: ["CORSCore", "CORSScenarios"]),
        // Real HTTP servers for a scenario, a headless browser to run it, and the comparison with the evaluator.
        .target(
            name: "CORSServe",
            dependencies: [
                "CORSCore", "CORSScenarios",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Scenarios from what browsers copy: "Copy as cURL" commands and HAR files.
        .target(name: "CORSImport", dependencies: ["CORSCore", "CORSScenarios"]),
        // The live probe: sends the evaluator's wire requests to a real server and records the answers.
        .target(
            name: "CORSProbe",
            dependencies: [
                "CORSCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The explorer's state, keys and drawing into a grid of cells: pure Swift, no terminal.
        .target(name: "CORSUI", dependencies: ["CORSCore", "CORSScenarios", "CORSLint", "CORSMatrix", "CORSExport"]),
        // ncursesw for Swift: the curses import (wide API on) plus a shim for macros and signals.
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        .executableTarget(
            name: "cors-explorer",
            dependencies: [
                "CORSCore", "CORSScenarios", "CORSReport", "CORSUI", "CORSLint", "CORSMatrix", "CORSServe",
                "CORSImport", "CORSProbe", "CORSExport", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Evaluator throughput over the scenario library: `swift run -c release cors-bench`.
        .executableTarget(name: "cors-bench", dependencies: ["CORSCore", "CORSScenarios", "CORSUI", "CORSMatrix"]),
        // Test-only (not a product): real servers on loopback for the live tests — nginx with a config body, a Flask
        // app, a script that announces its port — curl, commands off the cooperative pool, and their failure type.
        .target(name: "LiveServerSupport", dependencies: ["CORSCore"], path: "Tests/LiveServerSupport"),
        .testTarget(name: "CORSCoreTests", dependencies: ["CORSCore"]),
        .testTarget(name: "CORSMatrixTests", dependencies: ["CORSCore", "CORSMatrix", "CORSScenarios"]),
        .testTarget(name: "CORSLintTests", dependencies: ["CORSCore", "CORSLint", "CORSScenarios"]),
        .testTarget(
            name: "CORSScenariosTests",
            dependencies: ["CORSCore", "CORSScenarios", "CORSReport"],
            // Malformed scenario files, read by path from the source tree.
            exclude: ["BadInput"]
        ),
        .testTarget(
            name: "CORSUITests",
            dependencies: ["CORSCore", "CORSScenarios", "CORSUI", "CORSLint", "CORSMatrix", "CORSExport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "CORSServeTests", dependencies: ["CORSCore", "CORSScenarios", "CORSServe"]),
        .testTarget(name: "CORSImportTests", dependencies: ["CORSCore", "CORSScenarios", "CORSReport", "CORSImport"]),
        .testTarget(
            name: "CORSProbeTests",
            dependencies: [
                "CORSCore", "CORSScenarios", "CORSServe", "CORSProbe", "LiveServerSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The exports: evaluated as presets, run with curl against `ScenarioServer`, checked with node, and the nginx
        // and flask-cors exports run for real on 127.0.0.1.
        .testTarget(
            name: "CORSExportTests",
            dependencies: ["CORSCore", "CORSScenarios", "CORSExport", "CORSServe", "LiveServerSupport"]),
        // The presets against the real middleware where it runs here: flask-cors (python3, flask, flask_cors) and
        // nginx, started on 127.0.0.1 and asked with curl; and the live probe against flask-cors.
        .testTarget(name: "MiddlewareLiveTests", dependencies: ["CORSCore", "CORSProbe", "LiveServerSupport"]),
        // The built explorer in a real terminal (tmux), and its plain mode when not a tty.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "cors-explorer", "LiveServerSupport", .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

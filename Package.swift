// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cors-explorer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cors-explorer", targets: ["cors-explorer"]),
        .library(name: "CORSCore", targets: ["CORSCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The evaluator: pure Swift, no Foundation, no I/O. The only place CORS rules live.
        .target(name: "CORSCore"),
        // Scenario files (YAML or JSON) to and from CORSCore values.
        .target(name: "CORSScenarios", dependencies: ["CORSCore", .product(name: "Yams", package: "Yams")]),
        // Text and JSON reports of an exchange, shared by the CLI and (later) the explorer.
        .target(name: "CORSReport", dependencies: ["CORSCore"]),
        .executableTarget(
            name: "cors-explorer",
            dependencies: [
                "CORSCore", "CORSScenarios", "CORSReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Evaluator throughput over the scenario library: `swift run -c release cors-bench`.
        .executableTarget(name: "cors-bench", dependencies: ["CORSCore", "CORSScenarios"]),
        .testTarget(name: "CORSCoreTests", dependencies: ["CORSCore"]),
        .testTarget(
            name: "CORSScenariosTests",
            dependencies: ["CORSCore", "CORSScenarios", "CORSReport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

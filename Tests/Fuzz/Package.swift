// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for cors-explorer's parsers and evaluator. Not part of the main package's build or tests:
// `.ci/fuzz` builds them with `-sanitize=fuzzer` into `.build-fuzz` and runs each one (see docs/fuzzing.md).
let package = Package(
    name: "cors-explorer-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "cors-explorer", path: "../..")],
    targets: [
        // libFuzzer's driver entry point, declared for Swift.
        .target(name: "CLibFuzzer"),
        // Starting libFuzzer, and turning fuzz bytes into values: shared by the targets.
        .target(
            name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "CORSCore", package: "cors-explorer")]),
        .executableTarget(
            name: "FuzzURL", dependencies: ["FuzzSupport", .product(name: "CORSCore", package: "cors-explorer")]),
        .executableTarget(
            name: "FuzzHeaderList",
            dependencies: ["FuzzSupport", .product(name: "CORSCore", package: "cors-explorer")]),
        .executableTarget(
            name: "FuzzMIME", dependencies: ["FuzzSupport", .product(name: "CORSCore", package: "cors-explorer")]),
        .executableTarget(
            name: "FuzzScenario",
            dependencies: [
                "FuzzSupport", .product(name: "CORSCore", package: "cors-explorer"),
                .product(name: "CORSScenarios", package: "cors-explorer"),
            ]),
        .executableTarget(
            name: "FuzzEvaluator",
            dependencies: ["FuzzSupport", .product(name: "CORSCore", package: "cors-explorer")]),
    ],
    swiftLanguageModes: [.v6]
)

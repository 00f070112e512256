// swift-tools-version: 6.1
import PackageDescription

/// One settings list for every target of ours (STYLE.md): Swift 6 language mode comes from the
/// tools version; these add the upcoming checks the house style asks for.
let sharedSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "LeadRelay",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .executable(name: "leadrelay-server", targets: ["leadrelay-server"]),
        .executable(name: "leadrelay", targets: ["leadrelay"]),
        .executable(name: "leadrelay-demo", targets: ["leadrelay-demo"]),
        .library(name: "LeadModel", targets: ["LeadModel"]),
        .library(name: "LeadScoring", targets: ["LeadScoring"]),
        .library(name: "SyncProtocol", targets: ["SyncProtocol"]),
        .library(name: "LocalStore", targets: ["LocalStore"]),
        .library(name: "SyncClient", targets: ["SyncClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "LeadModel", swiftSettings: sharedSwiftSettings),
        .target(name: "CommandLineSupport", swiftSettings: sharedSwiftSettings),
        .target(name: "LeadScoring", dependencies: ["LeadModel"], swiftSettings: sharedSwiftSettings),
        .target(name: "SyncProtocol", dependencies: ["LeadModel"], swiftSettings: sharedSwiftSettings),
        // What every server store implements (protocols), the records they take and give, and their
        // errors; no database library.
        .target(name: "StoreContract", dependencies: ["LeadModel", "SyncProtocol"], swiftSettings: sharedSwiftSettings),
        // The embedded SQLite store (the default).
        .target(
            name: "SQLiteStore",
            dependencies: [
                "LeadModel", "SyncProtocol", "StoreContract", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        // The PostgreSQL store, for several `serve` processes on one database (SPEC §7).
        .target(
            name: "PostgresStore",
            dependencies: [
                "LeadModel", "SyncProtocol", "StoreContract",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .target(
            name: "LeadPipeline",
            dependencies: [
                "LeadModel", "LeadScoring", "StoreContract", "SQLiteStore", "PostgresStore", "SyncProtocol",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        // Generated from api-schema/openapi.yaml (symlinked into the target) by the build plugin, alone:
        // the generated code trips Swift 6.3 warnings (unused `package import`s, silenced by the
        // generator itself only from Swift 6.4 on), so this target alone compiles with warnings off.
        .target(
            name: "SyncAPIGenerated",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            swiftSettings: sharedSwiftSettings + [.unsafeFlags(["-suppress-warnings"])],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // The hand-written wire <-> domain mapping over the generated types, which it re-exports.
        .target(
            name: "SyncAPI",
            dependencies: [
                "LeadModel", "SyncProtocol", "SyncAPIGenerated",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .target(
            name: "LeadServer",
            dependencies: [
                "LeadModel", "LeadScoring", "SyncProtocol", "StoreContract", "LeadPipeline", "SyncAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .target(
            name: "LeadRelayServerCLI",
            dependencies: [
                "CommandLineSupport", "LeadModel", "LeadScoring", "StoreContract", "LeadPipeline", "LeadServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        // The rep's device side (SPEC §6): what the phone app would link, so nothing Linux-only.
        .target(
            name: "LocalStore",
            dependencies: ["LeadModel", "SyncProtocol", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: sharedSwiftSettings
        ),
        // URLSession transport: the iOS-native HTTP stack (no NIO on the phone); on Linux it runs on
        // FoundationNetworking (libcurl), enough for a CLI that stands in for the app.
        .target(
            name: "SyncClient",
            dependencies: [
                "LeadModel", "SyncProtocol", "SyncAPI",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .target(
            name: "LeadRelayCLI",
            dependencies: [
                "CommandLineSupport", "LeadModel", "SyncProtocol", "LocalStore", "SyncClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(name: "leadrelay", dependencies: ["LeadRelayCLI"], swiftSettings: sharedSwiftSettings),
        // The one-command demo links both sides (server admin verbs and the rep's CLI); the server
        // library itself never links the client.
        .target(
            name: "LeadRelayDemo",
            dependencies: [
                "CommandLineSupport", "LeadModel", "SyncProtocol", "LeadPipeline", "LeadRelayServerCLI", "LeadRelayCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(name: "leadrelay-demo", dependencies: ["LeadRelayDemo"], swiftSettings: sharedSwiftSettings),
        .executableTarget(
            name: "leadrelay-server",
            dependencies: ["LeadRelayServerCLI"],
            swiftSettings: sharedSwiftSettings
        ),
        // Test-only helpers (temporary folders, package and shared-data paths) for the test targets.
        .target(
            name: "TestSupport", dependencies: ["LeadScoring"], path: "Tests/TestSupport",
            swiftSettings: sharedSwiftSettings),
        .testTarget(name: "LeadModelTests", dependencies: ["LeadModel"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "SyncProtocolTests",
            dependencies: ["LeadModel", "SyncProtocol"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadScoringTests",
            dependencies: ["LeadModel", "LeadScoring", "TestSupport"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "SQLiteStoreTests",
            dependencies: [
                "LeadModel", "StoreContract", "SQLiteStore", "SyncProtocol", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        // One suite over the StoreContract protocols, run against every store implementation.
        .testTarget(
            name: "StoreContractTests",
            dependencies: ["LeadModel", "SyncProtocol", "StoreContract", "SQLiteStore", "PostgresStore"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: ["LeadModel", "SyncProtocol", "StoreContract", "PostgresStore"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadPipelineTests",
            dependencies: ["LeadModel", "LeadScoring", "StoreContract", "SQLiteStore", "LeadPipeline", "SyncProtocol", "TestSupport"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadServerTests",
            dependencies: [
                "CommandLineSupport", "LeadModel", "SyncProtocol", "StoreContract", "SQLiteStore", "LeadPipeline", "SyncAPI",
                "LeadServer", "LeadRelayServerCLI", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadRelayDemoTests",
            dependencies: [
                "CommandLineSupport", "LeadModel", "StoreContract", "SQLiteStore", "LeadRelayDemo", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LocalStoreTests",
            dependencies: ["LeadModel", "SyncProtocol", "LocalStore"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "SyncClientTests",
            dependencies: [
                "SyncProtocol", "SyncClient", .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadRelayCLITests",
            dependencies: [
                "CommandLineSupport", "LeadModel", "SyncProtocol", "LocalStore", "SyncClient", "LeadRelayCLI",
                "LeadScoring", "TestSupport",
                "StoreContract", "SQLiteStore", "PostgresStore", "LeadPipeline", "LeadServer", "LeadRelayServerCLI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadRelayServerCLITests",
            dependencies: [
                "CommandLineSupport", "LeadModel", "StoreContract", "SQLiteStore", "LeadPipeline", "LeadRelayServerCLI",
                "SyncProtocol", "LeadScoring", "TestSupport",
            ],
            swiftSettings: sharedSwiftSettings
        ),
    ]
)

// The benchmark suite (scripts/bench.sh): built only with LEADRELAY_BENCHMARKS=1, so CI and the
// tests never build it.
if Context.environment["LEADRELAY_BENCHMARKS"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "leadrelay-bench",
            dependencies: [
                "LeadModel", "LeadScoring", "SyncProtocol", "StoreContract", "SQLiteStore", "PostgresStore", "LeadPipeline",
                "LeadServer", "LeadRelayServerCLI", "LocalStore", "SyncClient", "LeadRelayCLI", "CommandLineSupport", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/leadrelay-bench",
            swiftSettings: sharedSwiftSettings
        ))
}

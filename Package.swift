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
        .library(name: "LeadModel", targets: ["LeadModel"]),
        .library(name: "LeadScoring", targets: ["LeadScoring"]),
        .library(name: "SyncProtocol", targets: ["SyncProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "LeadModel", swiftSettings: sharedSwiftSettings),
        .target(name: "LeadScoring", dependencies: ["LeadModel"], swiftSettings: sharedSwiftSettings),
        .target(name: "SyncProtocol", dependencies: ["LeadModel"], swiftSettings: sharedSwiftSettings),
        .target(
            name: "ServerStore",
            dependencies: ["LeadModel", "SyncProtocol", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: sharedSwiftSettings
        ),
        .target(
            name: "LeadPipeline",
            dependencies: [
                "LeadModel", "LeadScoring", "ServerStore", "SyncProtocol",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .target(
            name: "LeadRelayServerCLI",
            dependencies: [
                "LeadModel", "LeadScoring", "ServerStore", "LeadPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(
            name: "leadrelay-server",
            dependencies: ["LeadRelayServerCLI"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(name: "LeadModelTests", dependencies: ["LeadModel"], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "SyncProtocolTests",
            dependencies: ["LeadModel", "SyncProtocol"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadScoringTests",
            dependencies: ["LeadModel", "LeadScoring"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "ServerStoreTests",
            dependencies: [
                "LeadModel", "ServerStore", "SyncProtocol", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadPipelineTests",
            dependencies: ["LeadModel", "LeadScoring", "ServerStore", "LeadPipeline", "SyncProtocol"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LeadRelayServerCLITests",
            dependencies: [
                "LeadModel", "ServerStore", "LeadPipeline", "LeadRelayServerCLI", "SyncProtocol", "LeadScoring",
            ],
            swiftSettings: sharedSwiftSettings
        ),
    ]
)

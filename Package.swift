// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Referee",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "referee", targets: ["Referee"]),
        .executable(name: "grpo-trainer", targets: ["GRPOTrainer"]),
        .executable(name: "fake-judge", targets: ["FakeJudge"]),
        .library(name: "RewardCore", targets: ["RewardCore"]),
        .library(name: "AnswerCheck", targets: ["AnswerCheck"]),
        .library(name: "RefereeServer", targets: ["RefereeServer"]),
        .library(name: "Judging", targets: ["Judging"]),
        .library(name: "VerdictStore", targets: ["VerdictStore"]),
        .library(name: "VerdictStorePostgres", targets: ["VerdictStorePostgres"]),
        .library(name: "GRPO", targets: ["GRPO"]),
        .library(name: "Rescore", targets: ["Rescore"]),
        .library(name: "RewardClient", targets: ["RewardClient"]),
        .library(name: "FakeJudgeServer", targets: ["FakeJudgeServer"]),
        .library(name: "Sandbox", targets: ["Sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Answer equivalence: math, choice and text checkers. Pure.
        .target(
            name: "AnswerCheck",
            dependencies: [.product(name: "BigInt", package: "BigInt")],
            swiftSettings: strict
        ),
        // The reward contract: parsing, components, formula, groups, engine. Pure.
        .target(
            name: "RewardCore",
            dependencies: ["AnswerCheck"],
            swiftSettings: strict
        ),
        // OpenAI-compatible LLM judge client, prompt library, verdict parsing, retries.
        .target(
            name: "Judging",
            dependencies: [
                "RewardCore", .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Verdict caches: SQLite through GRDB, and in memory.
        .target(
            name: "VerdictStore",
            dependencies: ["RewardCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // The verdict cache on PostgreSQL, shared by replicas, with cross-replica claims.
        .target(
            name: "VerdictStorePostgres",
            dependencies: [
                "RewardCore", "VerdictStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Runs `code` answers: bubblewrap on the host, a parallel-run limit, a result cache.
        .target(name: "Sandbox", dependencies: ["RewardCore"], swiftSettings: strict),
        // HTTP application: buildApplication(configuration), routes, errors.
        .target(
            name: "RefereeServer",
            dependencies: [
                "AnswerCheck",
                "RewardCore",
                "Judging",
                "Sandbox",
                "VerdictStore",
                "VerdictStorePostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The one HTTP client of a running service's POST /reward (trainer, rescore --server).
        .target(name: "RewardClient", dependencies: ["RewardCore"], swiftSettings: strict),
        // Batch re-scoring of JSONL files: streaming, resumable, with a summary and a diff.
        .target(name: "Rescore", dependencies: ["AnswerCheck", "RewardCore", "RewardClient"], swiftSettings: strict),
        .executableTarget(
            name: "Referee",
            dependencies: [
                "RefereeServer",
                "Rescore",
                "RewardCore",
                "VerdictStore",
                "VerdictStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // A scripted OpenAI-compatible judge served in process, for tests and benchmarks.
        .target(
            name: "FakeJudgeServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The same judge as a process, for load tests by hand.
        .executableTarget(
            name: "FakeJudge",
            dependencies: [
                "FakeJudgeServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // CPU BLAS for the trainer.
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "GRPO",
            dependencies: ["COpenBLAS", "RewardCore", "RewardClient"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "GRPOTrainer",
            dependencies: [
                "GRPO", "RewardClient", "RewardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The conformance corpus is data the tests read from their own source path, not a resource.
        .testTarget(
            name: "AnswerCheckTests", dependencies: ["AnswerCheck", .product(name: "BigInt", package: "BigInt")], exclude: ["Fixtures/conformance"],
            swiftSettings: strict
        ),
        .testTarget(name: "RewardCoreTests", dependencies: ["AnswerCheck", "RewardCore"], swiftSettings: strict),
        .testTarget(
            name: "RefereeServerTests",
            dependencies: [
                "FakeJudgeServer", "RefereeServer", "Referee", "RewardCore", "VerdictStore", "VerdictStorePostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "JudgingTests",
            dependencies: [
                "FakeJudgeServer", "Judging", "RefereeServer", "RewardCore", "VerdictStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "VerdictStoreTests", dependencies: ["RewardCore", "VerdictStore"], swiftSettings: strict),
        .testTarget(
            name: "VerdictStorePostgresTests",
            dependencies: [
                "Judging", "RewardCore", "VerdictStore", "VerdictStorePostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "RescoreTests", dependencies: ["Rescore", "RewardCore", "RefereeServer"], swiftSettings: strict),
        .testTarget(
            name: "RewardClientTests",
            dependencies: ["RewardClient", "RewardCore", "RefereeServer", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: ["RewardCore", "Sandbox", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),
        .testTarget(name: "GRPOTests", dependencies: ["GRPO", "RewardCore", "RewardClient"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)

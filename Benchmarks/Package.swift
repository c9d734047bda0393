// swift-tools-version:6.0
// Benchmarks live apart from the tests: `swift test` in the main package never builds them.
// Each prints figures and ratios against a baseline measured in the same run; none gates on time.
import PackageDescription

let package = Package(
    name: "RefereeBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Referee", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "RewardBenchmark",
            dependencies: [
                .product(name: "AnswerCheck", package: "Referee"),
                .product(name: "RewardCore", package: "Referee"),
                .product(name: "RefereeServer", package: "Referee"),
            ]
        ),
        .executableTarget(
            name: "MathBenchmark",
            dependencies: [.product(name: "AnswerCheck", package: "Referee")]
        ),
        .executableTarget(
            name: "MultimodalBenchmark",
            dependencies: [.product(name: "AnswerCheck", package: "Referee")]
        ),
        .executableTarget(
            name: "JudgeBenchmark",
            dependencies: [
                .product(name: "RewardCore", package: "Referee"),
                .product(name: "Judging", package: "Referee"),
                .product(name: "VerdictStore", package: "Referee"),
                .product(name: "FakeJudgeServer", package: "Referee"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "CacheBenchmark",
            dependencies: [
                .product(name: "RewardCore", package: "Referee"),
                .product(name: "VerdictStore", package: "Referee"),
                .product(name: "VerdictStorePostgres", package: "Referee"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "RescoreBenchmark",
            dependencies: [
                .product(name: "RewardCore", package: "Referee"),
                .product(name: "Rescore", package: "Referee"),
            ]
        ),
        .executableTarget(
            name: "CodeBenchmark",
            dependencies: [.product(name: "RewardCore", package: "Referee"), .product(name: "Sandbox", package: "Referee")]
        ),
        .executableTarget(
            name: "TrainerBenchmark",
            dependencies: [.product(name: "GRPO", package: "Referee"), .product(name: "RewardCore", package: "Referee")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
// A libFuzzer target for the math answer parser, apart from the main package so that ordinary
// builds never need the sanitizer runtime. See docs/math-answers.md (Fuzzing) for how to build and run it.
import PackageDescription

let package = Package(
    name: "RefereeFuzz",
    dependencies: [.package(name: "Referee", path: "..")],
    targets: [
        .executableTarget(
            name: "MathFuzz",
            dependencies: [.product(name: "AnswerCheck", package: "Referee")]
        )
    ],
    swiftLanguageModes: [.v6]
)

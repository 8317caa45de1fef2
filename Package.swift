// swift-tools-version:6.0
import PackageDescription

// One target per stage; a stage depends only on the stages before it (the graph is in
// ARCHITECTURE.md; `PackageGraphTests` holds the intended order and fails on a dependency that
// points to a later stage). What another target of the package uses is `package`; what library
// callers use is `public`.
let package = Package(
    name: "Renja",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "renja", targets: ["renja"]),
        .library(name: "RenjaKit", targets: ["RenjaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
    ],
    targets: [
        // Debian's cmark-gfm (libcmark-gfm-dev + libcmark-gfm-extensions-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The vocabulary every stage shares: numbers (`Values/`), the content model (`Model/`),
        // diagnostics and the check catalogue (`Diagnostics/`), small helpers (`Support/`).
        .target(name: "RenjaModel"),
        // Markdown → HTML through cmark-gfm.
        .target(name: "RenjaMarkdown", dependencies: ["RenjaModel", "CCmarkGFM"]),
        // Content/ → `Site`.
        .target(
            name: "RenjaLoad",
            dependencies: ["RenjaModel", .product(name: "Yams", package: "Yams")]
        ),
        // `Document` → `DocumentFacts`.
        .target(name: "RenjaFacts", dependencies: ["RenjaModel"]),
        // `DocumentFacts` → findings.
        .target(name: "RenjaChecks", dependencies: ["RenjaModel", "RenjaFacts"]),
        // `renja import`: a pasted table → table YAML. Outside the build pipeline.
        .target(name: "RenjaImport", dependencies: ["RenjaModel", "RenjaLoad"]),
        // Site + facts + findings + templates → `[OutputFile]` in memory.
        .target(
            name: "RenjaRender",
            dependencies: [
                "RenjaModel", "RenjaMarkdown", "RenjaLoad", "RenjaFacts",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `[OutputFile]` → Public/.
        .target(name: "RenjaWrite", dependencies: ["RenjaModel"]),
        // The pipeline (load → facts → checks → render → write, the build cache) and the library
        // callers' one import: it re-exports the stages' public API.
        .target(
            name: "RenjaKit",
            dependencies: [
                "RenjaModel", "RenjaMarkdown", "RenjaLoad", "RenjaFacts", "RenjaChecks", "RenjaImport",
                "RenjaRender", "RenjaWrite",
            ]
        ),
        // Preview server (`renja serve`): HTTP, file watching, live reload. Kept out of RenjaKit so the
        // core builds and tests without Hummingbird.
        .target(
            name: "RenjaServe",
            dependencies: [
                "RenjaKit",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "renja",
            dependencies: [
                "RenjaKit",
                "RenjaServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target (scripts/fuzz); in a normal build, a replay tool for saved inputs.
        .executableTarget(
            name: "renja-fuzz",
            dependencies: ["RenjaKit"],
            path: "Sources/RenjaFuzz"
        ),
        .testTarget(
            name: "RenjaKitTests",
            // `renja` too: the bad-input tests run the real command and check its exit code.
            dependencies: [
                "RenjaKit", "RenjaModel", "RenjaMarkdown", "RenjaLoad", "RenjaFacts", "RenjaChecks",
                "RenjaImport", "RenjaRender", "RenjaWrite", "renja",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RenjaServeTests",
            // `renja` too: the command-line tests run the real `renja serve`.
            dependencies: ["RenjaServe", "RenjaKit", "renja"]
        ),
    ],
    swiftLanguageModes: [.v5]
)

// swift-tools-version:6.0
import PackageDescription

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
        // The whole pipeline: load → validate → render → write.
        .target(
            name: "RenjaKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
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
            dependencies: ["RenjaKit", "renja"],
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

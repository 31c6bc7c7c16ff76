// swift-tools-version:6.0
//
// `towns`: a terminal dashboard for Zhejiang's characteristic towns (特色小镇).
// Layers (data flows one way): Data/ files -> TownsCore (model) -> TownsUI (state, update,
// views into a grid of cells) -> TownsTerminal (ncurses backend) -> `towns` executable.
import PackageDescription

let package = Package(
    name: "towns",
    products: [
        .executable(name: "towns", targets: ["towns"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The system C library ncursesw, with static inline wrappers for the macros and
        // globals Swift cannot import (see Sources/CNcursesw/shim.h).
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Display width of a Unicode scalar as the C library's wcwidth gives it under a UTF-8
        // locale: the same width ncurses uses, so tests and the real terminal agree.
        .target(name: "CTownsText", path: "Sources/CTownsText"),
        // The model: towns, figures with provenance, periods, types, entities, checks.
        // Knows nothing of terminals.
        .target(
            name: "TownsCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // State, actions, update, views rendering into an in-memory grid of cells, themes.
        // Knows nothing of ncurses and reads no files.
        .target(name: "TownsUI", dependencies: ["TownsCore", "CTownsText"]),
        // The ncurses backend: terminal set-up and restore, signals, keys, colours.
        .target(name: "TownsTerminal", dependencies: ["TownsUI", "CNcursesw"]),
        // forkpty for the benchmark's pseudo-terminal runs (`towns bench`).
        .target(name: "CTownsPty", path: "Sources/CTownsPty"),
        // `towns bench`: timings in process, the real binary and VisiData through a
        // pseudo-terminal, the synthetic towns as CSV. No ncurses, no argument parsing.
        .target(name: "TownsBench", dependencies: ["TownsCore", "TownsUI", "CTownsPty"]),
        .executableTarget(
            name: "towns",
            dependencies: [
                "TownsCore", "TownsUI", "TownsTerminal", "TownsBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Temporary smoke program for the backend while the dashboard is built.
        .executableTarget(name: "termdemo", dependencies: ["TownsTerminal", "TownsUI"]),
        .testTarget(name: "TownsCoreTests", dependencies: ["TownsCore"]),
        .testTarget(name: "TownsUITests", dependencies: ["TownsUI", "TownsCore", "CTownsText"]),
        .testTarget(name: "EndToEndTests", dependencies: ["towns"]),
    ],
    swiftLanguageModes: [.v5]
)

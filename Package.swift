// swift-tools-version:6.0
//
// `towns`: a terminal dashboard for Zhejiang's characteristic towns (特色小镇).
// Layers (data flows one way): Data/ files -> TownsCore (model) -> TownsUI (state, update,
// views into a grid of cells) -> TownsTerminal (ncurses backend) -> `towns` executable.
// Monthly sheets (CSV) -> TownsImport -> Data/monthly/*.toml, read by TownsCore.
import PackageDescription

let package = Package(
    name: "towns",
    products: [
        .executable(name: "towns", targets: ["towns"]),
        // The libraries, for the fuzz targets in Fuzz/ (a package of its own, built only by
        // .ci/fuzz with libFuzzer, so `swift build` and `swift test` never build them).
        .library(name: "TownsCore", targets: ["TownsCore"]),
        .library(name: "TownsImport", targets: ["TownsImport"]),
        .library(name: "TownsUI", targets: ["TownsUI"]),
        .library(name: "TownsMeeting", targets: ["TownsMeeting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
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
        // Swift 6 language mode: the compiler checks what crosses threads (the loader parses
        // parts of a large file on every core).
        .target(
            name: "TownsCore",
            dependencies: ["CTownsText", "CTownsSnapshot", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // The snapshot figure area's structure check, in C: its loop over every record lies on the
        // first screen's path at 10,000 x 60 (wave 39).
        .target(name: "CTownsSnapshot", path: "Sources/CTownsSnapshot"),
        // The synthetic dataset (`towns generate`, the benchmark, tests at province scale): a
        // seeded generator writing files in the real format, marked synthetic. Not the model.
        .target(
            name: "TownsSynthetic",
            dependencies: ["TownsCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // `towns import`: a statistics office's monthly sheet (CSV in UTF-8 or GB18030) checked
        // against the dataset and written as Data/monthly/YYYY-MM.toml. Knows no terminal.
        .target(
            name: "TownsImport",
            dependencies: ["TownsCore", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // State, actions, update, views rendering into an in-memory grid of cells, themes.
        // Knows nothing of ncurses and reads no files.
        .target(name: "TownsUI", dependencies: ["TownsCore", "CTownsText"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        // The ncurses backend: terminal set-up and restore, signals, keys, colours.
        .target(name: "TownsTerminal", dependencies: ["TownsUI", "CNcursesw"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        // Meetings (issue 16): one presenter's value (the session, opaque here) sent as JSON lines
        // over a Unix-domain socket to many followers, with the system's sockets and Dispatch.
        // Knows nothing of TownsUI: the dashboard passes its Session through it.
        .target(name: "TownsMeeting", dependencies: ["CTownsSocket"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // accept4 and SO_PEERCRED's ucred, which Glibc's Swift module hides behind _GNU_SOURCE.
        .target(name: "CTownsSocket", path: "Sources/CTownsSocket"),
        // malloc_trim for the dashboard, after the load (the loader's parse trees freed).
        .target(name: "CTownsMemory", path: "Sources/CTownsMemory"),
        // openpty and posix_spawn for the benchmark's pseudo-terminal runs (`towns bench`).
        .target(name: "CTownsPty", path: "Sources/CTownsPty"),
        // `towns bench`: timings in process, the real binary and VisiData through a
        // pseudo-terminal, the synthetic towns as CSV. No ncurses, no argument parsing.
        .target(name: "TownsBench", dependencies: ["TownsCore", "TownsUI", "CTownsPty"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "towns",
            dependencies: [
                "TownsCore", "TownsImport", "TownsSynthetic", "TownsUI", "TownsTerminal", "TownsBench", "CTownsMemory",
                "TownsMeeting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // TownsUI for the English words of findings and rule results (`EnglishWords.swift`): the core
        // gives data, TownsUI's worders word it (code debt D4).
        // What the test targets share: temporary folders removed when the test that made them
        // ends (`TemporaryFiles`). Only the test targets depend on it.
        .target(name: "TownsTestSupport", path: "Tests/TownsTestSupport"),
        .testTarget(name: "TownsCoreTests", dependencies: ["TownsCore", "TownsSynthetic", "TownsUI", "TownsTestSupport"]),
        .testTarget(name: "TownsImportTests", dependencies: ["TownsImport", "TownsCore", "TownsTestSupport"]),
        .testTarget(name: "TownsUITests",
                    dependencies: ["TownsUI", "TownsCore", "TownsSynthetic", "CTownsText", "TownsTestSupport"],
                    exclude: ["Screens"]),
        .testTarget(name: "EndToEndTests",
                    dependencies: ["towns", "TownsMeeting", "TownsUI", "TownsCore", "CTownsMemory", "TownsTestSupport"]),
        .testTarget(name: "TownsMeetingTests", dependencies: ["TownsMeeting", "TownsTestSupport"]),
        // The ncurses backend's pure parts (key decoding, bracketed paste), without a terminal.
        .testTarget(name: "TownsTerminalTests", dependencies: ["TownsTerminal", "TownsUI", "CNcursesw"]),
    ],
    swiftLanguageModes: [.v5]
)

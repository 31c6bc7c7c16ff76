// swift-tools-version:6.0
//
// libFuzzer targets for `towns`, kept out of the main package so that `swift build` and
// `swift test` never build them. Built and run by `.ci/fuzz`:
//
//     swift build --package-path Fuzz -c release --sanitize fuzzer --sanitize address
//     Fuzz/.build/release/fuzz-loader -max_total_time=60 Fuzz/corpus/loader
//
// - fuzz-loader: the bytes of one data file (figures.toml, towns.toml, ... chosen by the
//   records the input holds) written into a copy of Data/, then DatasetLoader.load; a dataset
//   that loads is also checked (Checker) and drawn (every view, every town's page, exports).
// - fuzz-import: the bytes of a monthly sheet through the import's decoding, CSV reading and
//   row checks against the bundled dataset; a sheet the import accepts must give a file that
//   loads with the dataset.
// - fuzz-settings: the bytes of a theme or a configuration file through `Theme.parse` and
//   `ConfigText` (both reach TOML only through `GuardedTOML`); a problem must name the file.
// - fuzz-meeting: the bytes a meeting follower reads through MeetingDecoder (bounded lines,
//   JSON envelopes): nothing held over the limit, the same results however the bytes are split
//   into reads, and every envelope it accepts unchanged when encoded and decoded again.
import PackageDescription

let package = Package(
    name: "towns-fuzz",
    dependencies: [
        .package(name: "towns", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "fuzz-loader",
            dependencies: [
                .product(name: "TownsCore", package: "towns"),
                .product(name: "TownsUI", package: "towns"),
            ],
            path: "Sources/FuzzLoader",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "fuzz-import",
            dependencies: [
                .product(name: "TownsCore", package: "towns"),
                .product(name: "TownsImport", package: "towns"),
            ],
            path: "Sources/FuzzImport",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "fuzz-settings",
            dependencies: [
                .product(name: "TownsCore", package: "towns"),
                .product(name: "TownsUI", package: "towns"),
            ],
            path: "Sources/FuzzSettings",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "fuzz-meeting",
            dependencies: [.product(name: "TownsMeeting", package: "towns")],
            path: "Sources/FuzzMeeting",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)

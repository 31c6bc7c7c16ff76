import Foundation
import TownsTestSupport
import XCTest

/// The real binary's `generate`, `check` and `bench --short`, run as a person or CI would.
final class BenchAndGenerateTests: XCTestCase {
    static let root = packageRoot()

    /// The `towns` binary `swift test` built beside the test bundle.
    static let towns: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("towns").path,
            Bundle.main.bundleURL.appendingPathComponent("towns").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("towns").path,
            root + "/.build/debug/towns",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Runs `towns` with `arguments`; returns the exit status and standard output.
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.towns)
        process.arguments = arguments
        // Output to a file, not a pipe: nothing to drain while it runs.
        let outPath = NSTemporaryDirectory() + "towns-e2e-out-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let out = try XCTUnwrap(FileHandle(forWritingAtPath: outPath))
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate(); XCTFail("towns \(arguments.joined(separator: " ")) took over \(timeout) s") }
        process.waitUntilExit()
        try out.close()
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "towns-e2e-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func testGenerateIsDeterministicAndChecksClean() throws {
        let a = temporaryDirectory(), b = temporaryDirectory(), c = temporaryDirectory()
        let data = ["--data", Self.root + "/Data"]
        XCTAssertEqual(try run(["generate", "--towns", "150", "--months", "18", "--seed", "9", a] + data).status, 0)
        XCTAssertEqual(try run(["generate", "--towns", "150", "--months", "18", "--seed", "9", b] + data).status, 0)
        XCTAssertEqual(try run(["generate", "--towns", "150", "--months", "18", "--seed", "10", c] + data).status, 0)
        // A folder that holds files is not written over without --force.
        let again = try run(["generate", "--towns", "5", "--months", "2", "--seed", "1", c] + data)
        XCTAssertEqual(again.status, 2, "(the message goes to stderr: already holds files)")
        let names = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        XCTAssertEqual(names, ["dataset.toml", "entities.toml", "figures.toml", "rules.toml", "sources.toml",
                               "totals.toml", "towns.toml", "types.toml"])
        for name in names {
            XCTAssertEqual(FileManager.default.contents(atPath: a + "/" + name), FileManager.default.contents(atPath: b + "/" + name),
                           "\(name): the same seed gives the same bytes")
        }
        XCTAssertNotEqual(FileManager.default.contents(atPath: a + "/figures.toml"), FileManager.default.contents(atPath: c + "/figures.toml"))
        let check = try run(["check", "--lang", "en", "--data", a])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.contains("150 towns, 18 periods loaded"), check.output)
        let dataset = try String(contentsOfFile: a + "/dataset.toml", encoding: .utf8)
        XCTAssertTrue(dataset.contains("synthetic = true"))
    }

    /// `generate --force` never writes over data not marked synthetic, and replaces a synthetic
    /// dataset whole: the stale monthly/ and optional files go, other files stay, and it checks clean.
    func testForceReplacesOnlyASyntheticDatasetAndWhole() throws {
        let fm = FileManager.default
        let data = ["--data", Self.root + "/Data"]
        let real = temporaryDirectory()
        try fm.copyItem(atPath: Self.root + "/Data", toPath: real)
        try fm.createDirectory(atPath: real + "/monthly", withIntermediateDirectories: true)
        try Data("# an imported month\n".utf8).write(to: URL(fileURLWithPath: real + "/monthly/2015-11.toml"))
        func listing() throws -> [(String, Data?)] {
            try fm.subpathsOfDirectory(atPath: real).sorted().map { ($0, fm.contents(atPath: real + "/" + $0)) }
        }
        let before = try listing()
        let refused = try run(["generate", "--force", "--towns", "5", "--months", "2", real] + data)
        XCTAssertEqual(refused.status, 2, "a real dataset (no synthetic = true) is refused")
        let after = try listing()
        XCTAssertEqual(after.map(\.0), before.map(\.0), "no file added or removed")
        XCTAssertTrue(zip(after, before).allSatisfy { $0.1 == $1.1 }, "no file changed")

        let synthetic = temporaryDirectory()
        let first = try run(["generate", "--towns", "30", "--months", "14", "--seed", "2", synthetic] + data)
        XCTAssertEqual(first.status, 0, first.output)
        try fm.createDirectory(atPath: synthetic + "/monthly", withIntermediateDirectories: true)
        try Data("[[figure]]\ntown = \"nowhere\"\n".utf8)
            .write(to: URL(fileURLWithPath: synthetic + "/monthly/2016-02.toml"))
        try fm.copyItem(atPath: Self.root + "/Data/province.toml", toPath: synthetic + "/province.toml")
        try Data("kept\n".utf8).write(to: URL(fileURLWithPath: synthetic + "/notes.txt"))
        let replaced = try run(["generate", "--force", "--towns", "5", "--months", "2", "--seed", "3", synthetic]
                                + data)
        XCTAssertEqual(replaced.status, 0, replaced.output)
        let names = try fm.contentsOfDirectory(atPath: synthetic).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(names, ["dataset.toml", "entities.toml", "figures.toml", "notes.txt", "rules.toml",
                               "sources.toml", "totals.toml", "towns.toml", "types.toml"],
                       "stale monthly/ and province.toml removed")
        XCTAssertEqual(fm.contents(atPath: synthetic + "/notes.txt"), Data("kept\n".utf8), "other files stay")
        let check = try run(["check", "--lang", "en", "--data", synthetic])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.contains("5 towns, 2 periods loaded"), check.output)
    }

    func testBenchShortPrintsEveryFigure() throws {
        // A guard against a hang, not a speed target (the figures themselves are `towns bench`'s to
        // print, never asserted): the debug build on this 2-core machine took 83-120 s in early waves,
        // 260 s in wave 29's CI on a quiet machine and over 300 s at load 3 in wave 30 (what grew is not
        // measured: README's Known gaps); 900 s still ends a hang.
        let (status, output) = try run(["bench", "--short", "--data", Self.root + "/Data"], timeout: 900)
        XCTAssertEqual(status, 0, output)
        let lines = output.split(separator: "\n").map(String.init)
        func figure(_ tag: String, _ label: String, unit: String) {
            let prefix = "[\(tag)] \(label) "
            guard let line = lines.first(where: { $0.hasPrefix(prefix) }) else {
                return XCTFail("no line \(prefix)…\n\(output)")
            }
            let rest = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            let parts = rest.split(separator: " ", maxSplits: 2)
            XCTAssertGreaterThanOrEqual(parts.count, 2, line)
            XCTAssertNotNil(Double(parts[0]), "a number: \(line)")
            XCTAssertEqual(parts.count > 1 ? String(parts[1]) : "", unit, line)
        }
        for tag in ["bundled", "1000x12"] {
            for label in ["load", "first frame 80x24", "key move (↓)", "key page (PgDn)", "key open (Enter)", "key back (Esc)",
                          "key period (])", "key sort (s)", "key sort reverse (S)", "key filter (b)", "key search keystroke",
                          "render 80x24", "render 240x70", "pty 80x24 first screen"] {
                figure(tag, label, unit: "ms")
            }
            for label in ["pty 80x24 bytes first screen", "pty 80x24 bytes move (↓↑)", "pty 80x24 bytes full frame (Ctrl-L)"] {
                figure(tag, label, unit: "bytes")
            }
            figure(tag, "pty 80x24 peak RSS", unit: "MiB")
            // The snapshot (issue 17): from the text, its write and load, 20 reloads.
            figure(tag, "pty text 80x24 first screen", unit: "ms")
            figure(tag, "pty text 80x24 peak RSS", unit: "MiB")
            for label in [
                "snapshot write", "load from snapshot", "load: content fingerprint", "reload through the child",
            ] {
                figure(tag, label, unit: "ms")
            }
            figure(tag, "RSS after 20 reloads", unit: "MiB")
        }
        if lines.contains(where: { $0.contains("VisiData is not installed") }) {
            XCTAssertTrue(lines.contains { $0.hasPrefix("[1000x12 visidata] first screen") && $0.contains("n/a") })
        } else {
            figure("1000x12 visidata", "pty 80x24 first screen", unit: "ms")
            figure("1000x12 visidata", "pty 80x24 peak RSS", unit: "MiB")
            figure("1000x12 visidata", "ratio first screen towns/vd", unit: "x")
            figure("1000x12 visidata", "ratio peak RSS towns/vd", unit: "x")
            figure("1000x12 visidata", "pty 80x24 long table first screen", unit: "ms")
            figure("1000x12 visidata", "ratio long table first screen towns/vd", unit: "x")
            figure("1000x12 visidata", "ratio long table peak RSS towns/vd", unit: "x")
            // The tenth of VisiData's is judged on medians of starts taken in turn, not one start each.
            figure("1000x12 visidata", "ratio default view first screen towns/vd", unit: "x")
            let ratio = lines.first { $0.hasPrefix("[1000x12 visidata] ratio default view first screen towns/vd ") }
            XCTAssertTrue(ratio?.contains("median") == true && ratio?.contains("taken in turn") == true,
                          ratio ?? "no ratio line")
        }
        figure("1000x12", "ratio default view first screen to bundled", unit: "x")
        XCTAssertEqual(lines.last, "done")
    }
}

import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Exports never destroy (issue 13, point 1), through the real binary: `towns report --output`
/// writes with the dashboard's export (`SafeWrite`), as root and, when the tests run as root,
/// as `nobody` (via `setpriv`), onto each kind of thing a path can name.
final class ExportSafetyTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// Runs `towns report --output path [--force]`, as `nobody` when `asNobody`.
    private func report(to path: String, force: Bool = false, asNobody: Bool) throws -> ProcessResult {
        let arguments = ["report", "--data", Paths.data, "--format", "csv", "--lang", "en", "--output", path]
            + (force ? ["--force"] : [])
        if asNobody {
            let nobody = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary!]
            return try runProcess("/usr/bin/setpriv", nobody + arguments)
        }
        return try runProcess(binary, arguments)
    }

    private func matrix(asNobody: Bool) throws {
        let folder = NSTemporaryDirectory() + "towns-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if asNobody { XCTAssertEqual(chown(folder, 65534, 65534), 0) }
        func text(_ path: String) -> String? {
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }

        // A new file: written.
        let new = folder + "/towns.csv"
        var r = try report(to: new, asNobody: asNobody)
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(text(new)?.contains("Haining") ?? false, r.summary)
        // The same again: refused, the file kept; with --force: replaced.
        try "mine".write(toFile: new, atomically: false, encoding: .utf8)
        if asNobody { chown(new, 65534, 65534) }
        r = try report(to: new, asNobody: asNobody)
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertTrue(r.stderr.contains("already exists") && r.stderr.contains("--force"), r.summary)
        XCTAssertEqual(text(new), "mine")
        r = try report(to: new, force: true, asNobody: asNobody)
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(text(new)?.contains("Haining") ?? false, r.summary)

        // A read-only file (root's, 0444), a symbolic link, a FIFO, a folder, devices:
        // refused with --force too, each named, and left as they were.
        let locked = folder + "/locked.csv"
        try "locked".write(toFile: locked, atomically: false, encoding: .utf8)
        chmod(locked, 0o444)
        let target = folder + "/precious.txt"
        try "precious".write(toFile: target, atomically: false, encoding: .utf8)
        let link = folder + "/link.csv"
        symlink(target, link)
        let fifo = folder + "/pipe.csv"
        mkfifo(fifo, 0o666)
        let sub = folder + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        let cases: [(String, String)] = [
            (locked, "read-only"), (link, "symbolic link"), (fifo, "FIFO"), (sub, "folder"),
            ("/dev/full", "character device"), ("/dev/null", "character device"), ("/dev/stdout", "symbolic link"),
            ("/proc/version", "kernel"), (Paths.data + "/figures.toml", "dataset folder"),
            (Paths.data + "/x.csv", "dataset folder"),
        ]
        for (path, words) in cases {
            let r = try report(to: path, force: true, asNobody: asNobody)
            XCTAssertEqual(r.status, 1, "\(path):\n\(r.summary)")
            XCTAssertTrue(r.stderr.contains(words) && r.stderr.contains("nothing written"), "\(path):\n\(r.summary)")
        }
        XCTAssertEqual(text(locked), "locked")
        XCTAssertEqual(text(target), "precious")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
        XCTAssertEqual(lstat("/dev/full", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.data + "/x.csv"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(left, ["link.csv", "locked.csv", "pipe.csv", "precious.txt", "sub", "towns.csv"],
                       "no temporary file left")
    }

    func testEveryKindAsTheCurrentUser() throws {
        try matrix(asNobody: false)
    }

    func testEveryKindAsNobody() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to run as nobody") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("no setpriv") }
        try matrix(asNobody: true)
    }

    /// The dashboard's `:export`: an existing file is not replaced without `--force`, is with
    /// it; a symbolic link is refused even with it. The status line says which.
    func testTheDashboardsExport() throws {
        let session = try DashboardSession(label: "export")
        defer { session.kill() }
        let path = session.scratch.appendingPathComponent("view.csv").path
        let target = session.scratch.appendingPathComponent("precious.txt").path
        let link = session.scratch.appendingPathComponent("link.csv").path
        try "mine".write(toFile: path, atomically: false, encoding: .utf8)
        try "precious".write(toFile: target, atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink(target, link), 0)
        try session.start()
        func command(_ text: String, expect: String) throws {
            try session.tmux.send(":")
            try session.tmux.tmux(["send-keys", "-t", session.tmux.target, "-l", text])
            try session.tmux.send("Enter")
            // One line (wave 20): the words there where they fit, else in the `:messages` log the
            // line points to (a long path pushes them out).
            let screen = try session.tmux.waitUntil("the status line: \(expect)") {
                $0.contains { $0.contains(expect) || $0.contains("（全文见 :messages）") }
            }
            guard !screen.contains(where: { $0.contains(expect) }) else { return }
            try session.tmux.send("M")
            let log = try session.tmux.waitFor("本次会话的状态消息")
            XCTAssertTrue(log.map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains(expect),
                          TmuxSession.show(log))
            try session.tmux.send("Escape")
        }
        try command("export csv \(path)", expect: "已存在")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "mine")
        try command("export csv \(path) --force", expect: "覆盖了")
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("海宁"))
        try command("export csv \(link) --force", expect: "符号链接")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "precious")
        try session.tmux.send("q")
        _ = try session.assertTerminalRestored("q after exports")
    }

    /// `--force` without `--output` is a usage error.
    func testForceNeedsOutput() throws {
        let r = try runProcess(binary, ["report", "--data", Paths.data, "--force"])
        XCTAssertEqual(r.status, 2, r.summary)
    }
}

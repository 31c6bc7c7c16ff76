import Foundation
import TownsTestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Wave 23: `towns` runs on a shared server, so a command that leaves files in the temporary
/// directory is a bug (a `towns bench` stopped by Ctrl-C left its 3.5 MB folder in /tmp, `towns
/// edit` a copy with no edit in it). Each command here runs with a private `TMPDIR`, on success,
/// on an error and on a signal, and must leave it as it found it: empty. The one thing kept is
/// `towns edit`'s copy holding an edit that was not put in place, whose path it prints.
final class W23TidyTemporaryFilesTests: XCTestCase {
    var binary: String!
    /// The private temporary directory the commands get (`TMPDIR`).
    var tmp = ""
    /// A copy of the bundled data, outside `tmp`.
    var data = ""
    var environment: [String: String] = [:]

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
        tmp = try TemporaryFiles.folder("w23")
        data = try TemporaryFiles.copy(of: Paths.data, name: "w23-data")
        environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = tmp
        environment["TOWNS_CACHE"] = try TemporaryFiles.folder("w23-cache")
        environment["LANG"] = "C.UTF-8"
    }

    /// What is in `tmp` (names), after waiting up to `timeout` seconds for it to empty (the
    /// children of a stopped command end a moment after it).
    func leftovers(timeout: TimeInterval = 0) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? ["<cannot list \(tmp)>"]
            if names.isEmpty || Date() >= deadline { return names.sorted() }
            usleep(50_000)
        }
    }

    func run(_ arguments: [String], editor: String? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
        var env = environment
        if let editor { env["EDITOR"] = editor; env["VISUAL"] = nil }
        return try runProcess(binary, arguments, environment: env, timeout: timeout)
    }

    /// A shell script to serve as $EDITOR (its file is $1).
    func editor(_ body: String) throws -> String {
        let path = TemporaryFiles.path("w23-editor", suffix: ".sh")
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    func testCheckReportGenerateSnapshotAndImportLeaveNothing() throws {
        let good = TemporaryFiles.path("w23-good", suffix: ".csv")
        try "小镇,期间,累计完成投资（亿元）\n海宁皮革时尚小镇,2015-10,15.21\n".write(toFile: good, atomically: true, encoding: .utf8)
        let bad = TemporaryFiles.path("w23-bad", suffix: ".csv")
        try "2015-10,x\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let generated = TemporaryFiles.path("w23-generated")
        let runs: [(arguments: [String], status: Int32)] = [
            (["check", "--data", data], 0),
            (["report", "--data", data], 0),
            (["snapshot", "--data", data], 0),
            (["generate", "--towns", "20", "--months", "2", "--seed", "1", generated], 0),
            (["import", "--dry-run", good, "--data", data], 0),
            (["import", bad, "--data", data], 1),
            (["import", good + ".missing", "--data", data], 2),
            (["import", good, "--data", data], 0),
            (["check", "--data", data + "/missing"], 20),
        ]
        for (arguments, status) in runs {
            let r = try run(arguments)
            XCTAssertEqual(r.status, status, "\(arguments): \(r.summary)")
            XCTAssertEqual(leftovers(), [], "towns \(arguments.joined(separator: " ")) left these in TMPDIR")
        }
    }

    func testEditLeavesNothingButAnEditItCouldNotPutInPlace() throws {
        let edit = ["--lang", "en", "edit", "figures.toml", "--data", data]
        let written = try run(edit,
                              editor: try editor("sed -i 's/^value = 140$/value = 141/' \"$1\""))
        XCTAssertEqual(written.status, 0, written.summary)
        XCTAssertEqual(leftovers(), [], "an edit put in place")
        let unchanged = try run(edit, editor: try editor("true"))
        XCTAssertEqual(unchanged.status, 0, unchanged.summary)
        XCTAssertEqual(leftovers(), [], "no change")
        // The editor fails (vim's :cq) with nothing edited: nothing to keep.
        let failed = try run(edit, editor: try editor("exit 3"))
        XCTAssertEqual(failed.status, 1, failed.summary)
        XCTAssertFalse(failed.stderr.contains("kept"), failed.summary)
        XCTAssertEqual(leftovers(), [], "the editor failed, nothing edited")
        let notData = try run(["edit", "/etc/passwd", "--data", data], editor: try editor("true"))
        XCTAssertEqual(notData.status, 2, notData.summary)
        XCTAssertEqual(leftovers(), [], "not a data file")
        // An edit the data does not load with, not saved (no answer): kept where it says, alone.
        let refused = try run(edit, editor: try editor("printf '\\n[[figure\\n' >> \"$1\""))
        XCTAssertEqual(refused.status, 1, refused.summary)
        let kept = leftovers()
        XCTAssertEqual(kept.count, 1, "\(kept)")
        let copy = tmp + "/" + (kept.first ?? "?") + "/figures.toml"
        XCTAssertTrue(refused.stderr.contains("kept at " + copy), refused.summary)
        XCTAssertTrue(try String(contentsOfFile: copy, encoding: .utf8).hasSuffix("\n[[figure\n"))
    }

    /// SIGTERM and SIGHUP while the editor runs remove a copy with no edit in it; Ctrl-C (SIGINT
    /// to the command and its editor alike) is the editor's: the command goes on.
    func testEditRemovesItsCopyWhenStopped() throws {
        // The editor says it runs in a file outside TMPDIR (one beside the copy would be work to keep).
        let marker = TemporaryFiles.path("w23-editor-runs")
        let waiting = try editor("touch \(marker); sleep 30")
        let editorRuns = { FileManager.default.fileExists(atPath: marker) }
        for signal in [SIGTERM, SIGHUP] {
            unlink(marker)
            let started = try Started(binary, ["--lang", "en", "edit", "figures.toml", "--data", data],
                                      environment: environment.merging(["EDITOR": waiting]) { $1 })
            XCTAssertFalse(waitUntil(editorRuns).isEmpty, "the copy was made, the editor runs")
            let status = started.stop(signal)
            XCTAssertEqual(status, 128 + signal, "ended by signal \(signal)")
            XCTAssertEqual(leftovers(timeout: 5), [], "signal \(signal) while editing")
        }
        unlink(marker)
        let quick = try editor("touch \(marker); sleep 2")
        let started = try Started(binary, ["--lang", "en", "edit", "figures.toml", "--data", data],
                                  environment: environment.merging(["EDITOR": quick]) { $1 })
        XCTAssertFalse(waitUntil(editorRuns).isEmpty, "the copy was made, the editor runs")
        kill(started.pid, SIGINT)  // to the command only: its editor (sleep) runs on
        XCTAssertEqual(started.wait(), 0, "Ctrl-C while the editor runs is the editor's")
        XCTAssertEqual(leftovers(), [])
    }

    /// `towns bench` on success, on an error, and stopped by Ctrl-C or SIGTERM halfway (its
    /// pseudo-terminal runs of `towns` writing snapshots into its folder).
    func testBenchLeavesNothing() throws {
        let small = ["bench", "--data", data, "--towns", "30", "--months", "2", "--iterations", "1",
                     "--reloads", "0", "--no-visidata"]
        let done = try run(small + ["--terminal-only"], timeout: 240)
        XCTAssertEqual(done.status, 0, done.summary)
        XCTAssertTrue(done.stdout.contains("done"), done.summary)
        XCTAssertEqual(leftovers(), [], "a bench that ran to its end")
        let failed = try run(["bench", "--data", data + "/missing", "--towns", "30", "--months", "2"])
        XCTAssertNotEqual(failed.status, 0, failed.summary)
        XCTAssertEqual(leftovers(), [], "a bench on a missing data folder")
        for signal in [SIGINT, SIGTERM] {
            let started = try Started(binary, small + ["--towns", "400", "--months", "12", "--terminal-only"],
                                      environment: environment)
            // Stopped once its folder holds something (the first pseudo-terminal run's cache).
            let folder = waitUntil(timeout: 60) { self.inBenchFolder { !$0.isEmpty } }
            XCTAssertFalse(folder.isEmpty, "the bench made its folder")
            let status = started.stop(signal)
            XCTAssertEqual(status, 128 + signal, "ended by signal \(signal)")
            XCTAssertEqual(leftovers(timeout: 5), [], "a bench stopped by signal \(signal)")
        }
        // The meeting figure's socket folder (`MeetingBench`) was left by Ctrl-C too.
        let meeting = try Started(binary, ["bench", "--data", data, "--meeting"], environment: environment)
        XCTAssertFalse(waitUntil(timeout: 60) { self.inBenchFolder { $0.contains("m") } }.isEmpty, "the meeting started")
        XCTAssertEqual(meeting.stop(SIGINT), 128 + SIGINT)
        XCTAssertEqual(leftovers(timeout: 5), [], "bench --meeting stopped by Ctrl-C")
    }

    /// Whether the names in the one folder `tmp` holds (the bench's) satisfy `condition`.
    func inBenchFolder(_ condition: ([String]) -> Bool) -> Bool {
        guard let folder = leftovers().first,
              let names = try? FileManager.default.contentsOfDirectory(atPath: tmp + "/" + folder) else { return false }
        return condition(names)
    }

    /// Waits (polling, up to `timeout` seconds) until `condition` holds; what is in `tmp` then
    /// ([] if it never held).
    func waitUntil(timeout: TimeInterval = 20, _ condition: () -> Bool) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return leftovers() }
            usleep(20_000)
        }
        return []
    }
}

/// A command started without waiting for it (stdin /dev/null, output into files of a temporary
/// folder), every signal at its default, so a signal can be sent while it runs.
private final class Started {
    let pid: pid_t
    private var reaped: Int32?

    init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        let logs = try TemporaryFiles.folder("w23-started")
        pid = try startProcess(executable, arguments, environment: environment, stdout: .file(logs + "/stdout"),
                               stderrPath: logs + "/stderr", defaultSignals: true)
    }

    /// The exit status, or 128 + the signal that ended it; killed after `timeout` seconds.
    func wait(timeout: TimeInterval = 60) -> Int32 {
        if let reaped { return reaped }
        let status = (try? waitForExit(pid, timeout: timeout, poll: 10_000))?.status ?? 0
        reaped = exitCode(status)
        return reaped!
    }

    /// Sends `signal` and waits for the end.
    func stop(_ signal: Int32) -> Int32 {
        kill(pid, signal)
        return wait()
    }

    deinit {
        if reaped == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }
}

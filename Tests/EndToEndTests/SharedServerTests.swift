import Foundation
import TownsTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `towns` installed for every user of a shared server: data in a folder they cannot write
/// (a read-only mount, or root's 0555 folder), imports that fail cleanly there, and imports by
/// two people at once, serialised by the lock, while others read.
final class SharedServerTests: XCTestCase {
    var binary: String!
    var folder: URL!
    private var mounts: [String] = []

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        for mount in mounts.reversed() { _ = try? runProcess("/bin/umount", [mount], timeout: 10) }
        if let folder {
            _ = try? runProcess("/bin/chmod", ["-R", "u+w", folder.path], timeout: 10)
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// A copy of Data/ that cannot be written: a read-only bind mount of it (as root), else
    /// the copy with write permission removed. Returns the path to use and how it was made.
    func readOnlyData() throws -> (path: String, copy: String, how: String) {
        let copy = folder.appendingPathComponent("Data").path
        try FileManager.default.copyItem(atPath: Paths.data, toPath: copy)
        if geteuid() == 0 {
            let target = folder.appendingPathComponent("ro").path
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            let bind = try runProcess("/bin/mount", ["--bind", copy, target], timeout: 10)
            if bind.status == 0 {
                mounts.append(target)
                let ro = try runProcess("/bin/mount", ["-o", "remount,bind,ro", target], timeout: 10)
                if ro.status == 0 { return (target, copy, "a read-only bind mount") }
            }
            // No mounts here (a container without the capability): fall through to modes,
            // which root ignores; the tests that need another user use `nobody`.
        }
        _ = try runProcess("/bin/chmod", ["-R", "a-w", copy], timeout: 10)
        return (copy, copy, "a folder without write permission")
    }

    /// Root's folder (0555, files 0444) with a copy of Data/, for running `towns` as nobody.
    func rootOwnedData() throws -> String {
        let copy = folder.appendingPathComponent("shared/Data").path
        try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.data, toPath: copy)
        _ = try runProcess("/bin/chmod", ["-R", "a+rX,a-w", copy], timeout: 10)
        chmod(folder.path, 0o755)
        chmod(folder.appendingPathComponent("shared").path, 0o755)
        return copy
    }

    /// Every file under `dir` with its bytes (and `<dir>` for folders).
    func snapshot(_ dir: String) -> [String: Data] { filesAndBytes(under: dir) }

    // MARK: - Reading from a read-only folder

    func testReportCheckAndDashboardFromAReadOnlyFolder() throws {
        let (data, copy, how) = try readOnlyData()
        let before = snapshot(copy)
        let reference = try runProcess(binary, ["report", "--data", Paths.data, "--period", "2015-09"])
        for command in [["check"], ["report", "--period", "2015-09"], ["report", "--format", "json"]] {
            let r = try runProcess(binary, command + ["--data", data])
            XCTAssertEqual(r.status, 0, "\(command) on \(how): \(r.summary)")
        }
        let report = try runProcess(binary, ["report", "--data", data, "--period", "2015-09"])
        XCTAssertEqual(report.stdout, reference.stdout, "the same report as from Data/")

        // The dashboard: opens, shows the data, exports elsewhere, polls the files for a few
        // seconds (live reload only stats them), quits cleanly.
        let session = try DashboardSession(label: "readonly")
        defer { session.kill() }
        let exports = session.scratch.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let words = [session.binary, "--data", data, "--themes", Paths.themes, "--view", "towns"]
        try session.tmux.typeLine("cd \(Paths.shellQuote(data)) && TOWNS_EXPORT_DIR=\(Paths.shellQuote(exports.path)) "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
        try session.tmux.waitUntil("the dashboard on \(how)") { ($0.first?.contains("towns ·") ?? false) && ($0.last?.contains("q 退出") ?? false) }
        try session.tmux.send("Enter")
        try session.tmux.waitUntil("a town's page") { $0.count > 2 && $0[2].contains("›") }
        try session.tmux.send("Escape")
        try session.tmux.send("e")
        let exported = try session.tmux.waitFor("已导出")
        XCTAssertFalse(exported.contains { $0.contains("数据未更新") }, TmuxSession.show(exported))
        // An export into the read-only folder itself fails with a message, and the dashboard goes on.
        try session.tmux.send(":")
        try session.tmux.tmux(["send-keys", "-t", session.tmux.target, "-l", "export csv \(data)/x.csv"])
        try session.tmux.send("Enter")
        let failed = try session.tmux.waitFor("导出失败")
        // One line (wave 20): the file named there where it fits, else in the log it points to.
        if !failed.contains(where: { $0.contains("x.csv") }) {
            XCTAssertTrue(failed.contains { $0.contains("导出失败") && $0.contains("（全文见 :messages）") },
                          TmuxSession.show(failed))
            try session.tmux.send("M")
            let log = try session.tmux.waitFor("本次会话的状态消息").map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertTrue(log.joined().contains("x.csv"), TmuxSession.show(log))
            try session.tmux.send("Escape")
        }
        usleep(2_200_000)  // two live-reload polls
        let screen = try session.tmux.capture()
        XCTAssertFalse(screen.contains { $0.contains("数据未更新") }, "a poll of a read-only folder is no problem:\n\(TmuxSession.show(screen))")
        try session.tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q on \(how)"), 0)
        // The CSV and, beside it, its title, period, markers and sources (NAME.meta.txt).
        let written = try FileManager.default.contentsOfDirectory(atPath: exports.path).sorted()
        XCTAssertEqual(written.count, 2, "\(written)")
        XCTAssertEqual(written.last.map { String($0.dropLast(".meta.txt".count)) + ".csv" }, written.first)
        XCTAssertEqual(snapshot(copy), before, "nothing written into the data folder")
    }

    /// Another user (nobody) reading root's read-only folder: check, report and the dashboard.
    func testAnotherUserReadsRootsReadOnlyFolder() throws {
        let (prefix, reason) = asNobody()
        if let reason { throw XCTSkip(reason) }
        if prefix.isEmpty { throw XCTSkip("not root: testReportCheckAndDashboardFromAReadOnlyFolder covers a folder this user cannot write") }
        let data = try rootOwnedData()
        let before = snapshot(data)
        for command in [["check"], ["report", "--period", "2015-09"]] {
            let words = prefix + [binary!] + command + ["--data", data]
            let r = try runProcess(words[0], Array(words.dropFirst()))
            XCTAssertEqual(r.status, 0, "\(command) as nobody: \(r.summary)")
        }
        let session = try DashboardSession(label: "nobody")
        defer { session.kill() }
        chmod(session.scratch.path, 0o777)
        let words = prefix + [session.binary, "--data", data, "--themes", Paths.themes]
        try session.tmux.typeLine("cd /tmp && TOWNS_EXPORT_DIR=\(Paths.shellQuote(session.scratch.path)) " + words.map(Paths.shellQuote).joined(separator: " "))
        try session.tmux.waitUntil("the dashboard as nobody") { ($0.first?.contains("towns ·") ?? false) && ($0.last?.contains("q 退出") ?? false) }
        try session.tmux.send("3")
        try session.tmux.waitUntil("the entities view") { $0.count > 2 && $0[2].contains("运营主体") }
        try session.tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q as nobody"), 0)
        XCTAssertEqual(snapshot(data), before)
    }

    // MARK: - Importing where one cannot write

    func testImportIntoAReadOnlyFolderFailsClearlyAndChangesNothing() throws {
        let sheet = Paths.repositoryRoot.appendingPathComponent("Examples/monthly-2015-10.csv").path
        let (data, copy, how) = try readOnlyData()
        if geteuid() == 0 && !how.contains("mount") {
            throw XCTSkip("root here cannot mount, and ignores file modes: no folder root cannot write")
        }
        let before = snapshot(copy)
        var r = try runProcess(binary, ["import", sheet, "--data", data, "--lang", "en"])
        XCTAssertEqual(r.status, 3, "import into \(how): \(r.summary)")
        XCTAssertTrue(r.stderr.contains("towns import: cannot write into \(data)"), r.summary)
        XCTAssertTrue(r.stderr.contains("Read-only file system") || r.stderr.contains("Permission denied"), r.summary)
        XCTAssertTrue(r.stderr.contains("Nothing imported; the data is unchanged."), r.summary)
        XCTAssertEqual(snapshot(copy), before)
        // A dry run still works there.
        r = try runProcess(binary, ["import", sheet, "--data", data, "--dry-run"])
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertEqual(snapshot(copy), before)

        // Another user, in root's folder: with no lock file yet (cannot create it), and with one
        // root made (the lock opens, the temporary file cannot be made).
        let (prefix, reason) = asNobody()
        guard reason == nil, !prefix.isEmpty else { return }
        let shared = try rootOwnedData()
        chmod(shared, 0o755)
        for lockExists in [false, true] {
            if lockExists { FileManager.default.createFile(atPath: shared + "/.import.lock", contents: nil, attributes: [.posixPermissions: 0o644]) }
            let before = snapshot(shared)
            let words = prefix + [binary!, "import", sheet, "--data", shared, "--lang", "en"]
            r = try runProcess(words[0], Array(words.dropFirst()))
            XCTAssertEqual(r.status, 3, "import as nobody (lock file \(lockExists ? "there" : "absent")): \(r.summary)")
            XCTAssertTrue(r.stderr.contains("Permission denied") && r.stderr.contains("Nothing imported"), r.summary)
            XCTAssertEqual(snapshot(shared), before)
        }
    }

    // MARK: - Two imports at once

    /// Two `towns import` processes into one folder while this test holds the lock: both say
    /// they are waiting and neither writes; released, both finish, one after the other, and
    /// the month's file is one of the two sheets' whole. Meanwhile `towns check` runs over and
    /// over and never sees a half-written file.
    func testTwoImportsAtOnceAreSerialisedAndReadersSeeWholeFiles() throws {
        let data = folder.appendingPathComponent("Data").path
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data)
        let a = folder.appendingPathComponent("a.csv").path, b = folder.appendingPathComponent("b.csv").path
        try "小镇,期间,累计完成投资（亿元）\n海宁皮革时尚小镇,2015-10,15.21\n南湖基金小镇,2015-10,4.10\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "town,period,completed (亿元)\nhaining,2015-10,15.50\nnanhu,2015-10,4.20\nhaiyan,2015-10,11.30\n".write(toFile: b, atomically: true, encoding: .utf8)

        let lockPath = data + "/.import.lock"
        let lock = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(lock, 0)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)

        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var imports: [ProcessResult] = []
            var checks: [ProcessResult] = []
            var stop = false
        }
        let results = Results()
        let group = DispatchGroup()
        let binary: String = self.binary
        for sheet in [a, b] {
            group.enter()
            DispatchQueue.global().async {
                let r = try? runProcess(binary, ["import", "--lang", "en", sheet, "--data", data], timeout: 60)
                results.lock.lock(); if let r { results.imports.append(r) }; results.lock.unlock()
                group.leave()
            }
        }
        let readers = DispatchGroup()
        readers.enter()
        DispatchQueue.global().async {
            while true {
                results.lock.lock(); let stop = results.stop; results.lock.unlock()
                if stop { break }
                if let r = try? runProcess(binary, ["check", "--data", data], timeout: 30) {
                    results.lock.lock(); results.checks.append(r); results.lock.unlock()
                }
            }
            readers.leave()
        }
        // Both wait for the lock; neither writes.
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            usleep(100_000)
            results.lock.lock(); let finished = results.imports.count; results.lock.unlock()
            XCTAssertEqual(finished, 0, "an import finished while the lock was held")
            if finished > 0 { break }
            if waitingMessages(data: data) >= 2 { break }
        }
        usleep(300_000)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data + "/monthly/2015-10.toml"), "written while the lock was held")
        XCTAssertEqual(flock(lock, LOCK_UN), 0)
        close(lock)
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success, "the imports did not finish")
        // A few more reads after the imports: at least 4 in all (a loaded machine runs fewer
        // `towns check`s in a fixed time; the count is what the assertion below needs).
        let readDeadline = Date().addingTimeInterval(30)
        repeat {
            usleep(100_000)
            results.lock.lock(); let reads = results.checks.count; results.lock.unlock()
            if reads > 3 { break }
        } while Date() < readDeadline
        usleep(300_000)
        results.lock.lock(); results.stop = true; results.lock.unlock()
        XCTAssertEqual(readers.wait(timeout: .now() + 60), .success)

        XCTAssertEqual(results.imports.count, 2)
        for r in results.imports {
            XCTAssertEqual(r.status, 0, r.summary)
            XCTAssertTrue(r.stderr.contains("another import into \(data) is running; waiting for it to finish"), r.summary)
        }
        // One replaced the other: the second says so.
        XCTAssertEqual(results.imports.filter { $0.stdout.contains("it replaces the earlier import of 2015-10") }.count, 1,
                       results.imports.map(\.summary).joined(separator: "\n"))
        let final = try String(contentsOfFile: data + "/monthly/2015-10.toml", encoding: .utf8)
        let towns = ["haining", "nanhu", "haiyan"].filter { final.contains("town = \"\($0)\"") }
        XCTAssertTrue(towns == ["haining", "nanhu"] || towns == ["haining", "nanhu", "haiyan"], "a whole sheet's towns: \(towns)\n\(final)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: data + "/monthly"), ["2015-10.toml"], "no temporary file left")
        XCTAssertGreaterThan(results.checks.count, 3)
        for r in results.checks {
            XCTAssertEqual(r.status, 0, "a reader saw a broken dataset during the imports: \(r.summary)")
        }
        print("two imports at once: \(results.checks.count) checks ran meanwhile, all exit 0")
    }

    /// How many `towns import` processes are blocked in flock on `data`'s lock, judged by their
    /// command lines and wait channel (a process waiting for a lock sleeps in the kernel).
    func waitingMessages(data: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var count = 0
        for name in names where Int32(name) != nil {
            guard let cmdline = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(name)/cmdline")) else { continue }
            let words = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard words.count > 2, words[0].hasSuffix("/towns"), words[1] == "import", words.contains(data) else { continue }
            let wchan = (try? String(contentsOfFile: "/proc/\(name)/wchan", encoding: .utf8)) ?? ""
            if wchan.contains("flock") || wchan.contains("locks") { count += 1 }
        }
        return count
    }
}

import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Every class of bad data through the real binary: `towns check`, `towns report` and the
/// dashboard each print the error with its file, line and field, and exit with the class's own
/// code (README: "Exit codes"); nothing of a dataset with errors is shown.
final class BadDataTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// One way to break a copy of Data/: what to do, the exit code, what stderr must say, and
    /// where (`towns.toml:68: town[3].type`, computed after the edit).
    struct Case {
        var name: String
        var code: Int32
        var expect: String
        var edit: (URL) throws -> String?
    }

    var cases: [Case] {
        [
            Case(name: "syntax error", code: 10, expect: "TOML syntax") { data in
                let line = try self.replace(in: data, "towns.toml", #"name_zh = "海宁皮革时尚小镇""#, with: #"name_zh = "海宁皮革时尚小镇"#)
                return "towns.toml:\(line):"
            },
            Case(name: "wrong type", code: 11, expect: "expected an integer, found a string") { data in
                "towns.toml:\(try self.replace(in: data, "towns.toml", "type = 2\n", with: "type = \"two\"\n")): town[3].type:"
            },
            Case(name: "missing required field", code: 12, expect: "missing (required)") { data in
                _ = try self.replace(in: data, "towns.toml", "name_zh = \"桐乡毛衫时尚小镇\"\n", with: "")
                // A missing field has no line: the record's `[[town]]` header, just above its id.
                let lines = try String(contentsOf: data.appendingPathComponent("towns.toml"), encoding: .utf8).components(separatedBy: "\n")
                let header = try XCTUnwrap(lines.firstIndex(of: "id = \"tongxiang\""))
                XCTAssertEqual(lines[header - 1], "[[town]]")
                return "towns.toml:\(header): town[2].name_zh:"
            },
            Case(name: "negative amount", code: 13, expect: "-45.06 is negative") { data in
                "totals.toml:\(try self.replace(in: data, "totals.toml", "value = 45.06", with: "value = -45.06")): total["
            },
            Case(name: "NaN amount", code: 13, expect: "nan is not a finite number") { data in
                "totals.toml:\(try self.replace(in: data, "totals.toml", "value = 45.06", with: "value = nan")): total["
            },
            Case(name: "infinite amount", code: 13, expect: "inf is not a finite number") { data in
                "totals.toml:\(try self.replace(in: data, "totals.toml", "value = 45.06", with: "value = inf")): total["
            },
            Case(name: "impossible percentage", code: 14, expect: "143.8% cannot be: a share is at most 100%") { data in
                "totals.toml:\(try self.replace(in: data, "totals.toml", "value = 43.8", with: "value = 143.8")): total["
            },
            Case(name: "duplicate id", code: 15, expect: "duplicate town 'nanhu'") { data in
                "towns.toml:\(try self.replace(in: data, "towns.toml", "id = \"haiyan\"", with: "id = \"nanhu\"")): town[5].id:"
            },
            Case(name: "entity that refers to nothing", code: 16, expect: "unknown entity 'cnecc'") { data in
                "towns.toml:\(try self.replace(in: data, "towns.toml", "\"cnec\", ", with: "\"cnecc\", ")): town[5].entities:"
            },
            Case(name: "period that refers to nothing", code: 16, expect: "'2015-10' is not a period") { data in
                let line = try self.replace(in: data, "figures.toml", "period = \"2015-09\"\nvalue = 3.52", with: "period = \"2015-10\"\nvalue = 3.52")
                return "figures.toml:\(line): figure["
            },
            Case(name: "not UTF-8", code: 17, expect: "not valid UTF-8") { data in
                let url = data.appendingPathComponent("towns.toml")
                var bytes = try Data(contentsOf: url)
                let lines = bytes.filter { $0 == 0x0a }.count
                bytes.append(contentsOf: Array("# 海宁".utf8.prefix(4)) + [0xff, 0x0a])  // a cut character, a stray byte
                try bytes.write(to: url)
                return "towns.toml:\(lines + 1):"
            },
            Case(name: "empty file", code: 18, expect: "is empty") { data in
                try Data().write(to: data.appendingPathComponent("figures.toml"))
                return "figures.toml:"
            },
            Case(name: "very large file", code: 19, expect: "209715200 bytes") { data in
                XCTAssertEqual(truncate(data.appendingPathComponent("figures.toml").path, 200 << 20), 0)
                return "figures.toml:"
            },
            Case(name: "file not found", code: 20, expect: "file not found") { data in
                try FileManager.default.removeItem(at: data.appendingPathComponent("totals.toml"))
                return "totals.toml:"
            },
            Case(name: "directory where a file should be", code: 21, expect: "is a directory") { data in
                try FileManager.default.removeItem(at: data.appendingPathComponent("types.toml"))
                try FileManager.default.createDirectory(at: data.appendingPathComponent("types.toml"), withIntermediateDirectories: false)
                return "types.toml:"
            },
            Case(name: "symlink loop", code: 23, expect: "symlink loop") { data in
                try FileManager.default.removeItem(at: data.appendingPathComponent("figures.toml"))
                XCTAssertEqual(symlink("b", data.appendingPathComponent("figures.toml").path), 0)
                XCTAssertEqual(symlink("figures.toml", data.appendingPathComponent("b").path), 0)
                return "figures.toml:"
            },
        ]
    }

    func testEveryClassOfBadDataHasItsOwnExitCode() throws {
        var codes: [String: Int32] = [:]
        for c in cases {
            let data = try copyOfData()
            defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
            let location = try c.edit(data)
            codes[c.name] = c.code
            for command in [["check"], ["report"], ["dashboard"]] {
                let label = "\(c.name), towns \(command[0])"
                let start = Date()
                // English asked for (a UTF-8 locale's default is Chinese, since wave 8 load errors too).
                let r = try runProcess(binary, command + ["--data", data.path, "--lang", "en"], timeout: 20)
                let seconds = Date().timeIntervalSince(start)
                XCTAssertEqual(r.status, c.code, "\(label): exit status\n\(r.summary)")
                XCTAssertTrue(r.stderr.contains(c.expect), "\(label): stderr should say '\(c.expect)'\n\(r.summary)")
                if let location {
                    XCTAssertTrue(r.stderr.contains(data.path + "/" + location), "\(label): the error names \(location)\n\(r.summary)")
                }
                XCTAssertTrue(r.stderr.contains("nothing loaded (exit \(c.code):"), "\(label): the last line gives the status\n\(r.summary)")
                if command == ["check"] {
                    // In Chinese: the same place, the status in Chinese, no English summary.
                    let zh = try runProcess(binary, command + ["--data", data.path, "--lang", "zh"], timeout: 20)
                    XCTAssertEqual(zh.status, c.code, "\(label) zh\n\(zh.summary)")
                    XCTAssertTrue(zh.stderr.contains("未载入任何数据（退出码 \(c.code)："), "\(label) zh\n\(zh.summary)")
                    XCTAssertFalse(zh.stderr.contains("nothing loaded"), "\(label) zh\n\(zh.summary)")
                    if let location {
                        XCTAssertTrue(zh.stderr.contains(data.path + "/" + location), "\(label) zh\n\(zh.summary)")
                    }
                }
                XCTAssertEqual(r.stdout, "", "\(label): nothing of a dataset with errors is printed\n\(r.summary)")
                XCTAssertFalse(r.stderr.contains("not a terminal"), "\(label): the dashboard must refuse the data before anything else\n\(r.summary)")
                if c.code == 19 {
                    // Refused by its size: no read of 200 MB, no 200 MB of memory.
                    XCTAssertLessThan(seconds, 1.0, "\(label): took \(seconds) s")
                    // The peak memory of the command, through /usr/bin/time (which forks it: the
                    // ru_maxrss of a child this process posix_spawns counts this process's own
                    // memory, which the vfork-style spawn shares until exec).
                    var peak = "(no /usr/bin/time here)"
                    if FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
                        let timed = try runProcess("/usr/bin/time", ["-f", "maxrss=%M", binary] + command + ["--data", data.path])
                        let kilobytes = timed.stderr.components(separatedBy: "\n").last { $0.hasPrefix("maxrss=") }
                            .flatMap { Int($0.dropFirst("maxrss=".count)) }
                        XCTAssertLessThan(kilobytes ?? .max, 100_000, "\(label): peak memory \(kilobytes ?? -1) kB: the file was read\n\(timed.summary)")
                        peak = "\(kilobytes ?? -1) kB"
                    }
                    print("\(label): refused in \(String(format: "%.3f", seconds)) s, peak RSS \(peak)")
                }
            }
        }
        // One code per class; classes with several cases (NaN, infinite, negative) share theirs.
        let byCode = Dictionary(grouping: codes, by: \.value)
        for (code, names) in byCode where names.count > 1 {
            XCTAssertTrue(Set(names.map(\.key)).isSubset(of: ["negative amount", "NaN amount", "infinite amount",
                                                               "entity that refers to nothing", "period that refers to nothing"]),
                          "exit \(code) shared by \(names.map(\.key))")
        }
        XCTAssertEqual(Set(codes.values).count, 13, "13 classes here, plus unreadable (22) as another user")
    }

    /// An unknown field is a warning: printed with its file, line and field; exit 0.
    func testUnknownFieldIsAWarningAndExitsZero() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let line = try replace(in: data, "towns.toml", "county_en = \"Jiashan\"", with: "county_en = \"Jiashan\"\ncountee = \"x\"") + 1
        for command in ["check", "report"] {
            let r = try runProcess(binary, [command, "--data", data.path, "--lang", "en"])
            XCTAssertEqual(r.status, 0, "towns \(command): \(r.summary)")
            XCTAssertTrue((r.stdout + r.stderr).contains("towns.toml:\(line): warning: town[3].countee: unknown field"), r.summary)
            let zh = try runProcess(binary, [command, "--data", data.path, "--lang", "zh"])
            XCTAssertTrue((zh.stdout + zh.stderr).contains("towns.toml:\(line): 警告：town[3].countee: 未知字段"), zh.summary)
        }
        // The dashboard loads it, and only then finds no terminal (exit 2).
        let r = try runProcess(binary, ["--data", data.path, "--lang", "en"])
        XCTAssertEqual(r.status, 2, r.summary)
        XCTAssertTrue(r.stderr.contains("not a terminal"), r.summary)
    }

    /// A file the user cannot read (chmod 000), and a monthly/ folder they cannot list: exit 22
    /// with "permission denied". As root, modes do not stop reads, so the commands run as the
    /// user nobody (setpriv or runuser).
    func testUnreadableFileAsAnotherUser() throws {
        let (prefix, reason) = asNobody()
        if let reason { throw XCTSkip("cannot test an unreadable file: \(reason)") }
        let data = try copyOfData()
        defer {
            chmod(data.appendingPathComponent("figures.toml").path, 0o644)
            chmod(data.appendingPathComponent("monthly").path, 0o755)
            try? FileManager.default.removeItem(at: data.deletingLastPathComponent())
        }
        chmod(data.appendingPathComponent("figures.toml").path, 0)
        for command in [["check"], ["report"], ["dashboard"]] {
            let words = prefix + [binary!] + command + ["--data", data.path, "--lang", "en"]
            let r = try runProcess(words[0], Array(words.dropFirst()), timeout: 20)
            XCTAssertEqual(r.status, 22, "\(command[0]) as nobody: \(r.summary)")
            XCTAssertTrue(r.stderr.contains(data.path + "/figures.toml: cannot be read: permission denied"), r.summary)
        }
        chmod(data.appendingPathComponent("figures.toml").path, 0o644)
        try FileManager.default.createDirectory(at: data.appendingPathComponent("monthly"), withIntermediateDirectories: false)
        chmod(data.appendingPathComponent("monthly").path, 0o700)  // root's own: nobody cannot list it
        let words = prefix + [binary!, "check", "--data", data.path, "--lang", "en"]
        let r = try runProcess(words[0], Array(words.dropFirst()), timeout: 20)
        XCTAssertEqual(r.status, 22, "monthly/ unlistable: its months would be left out silently\n\(r.summary)")
        XCTAssertTrue(r.stderr.contains("monthly: the folder of monthly files (YYYY-MM.toml) cannot be listed: permission denied"), r.summary)
    }

    /// The dashboard in a real terminal on a dataset with an error: it prints the errors and
    /// exits with the class's code without ever entering full-screen mode.
    func testDashboardNeverStartsOnBadData() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: data.appendingPathComponent("figures.toml"))
        XCTAssertEqual(symlink("b", data.appendingPathComponent("figures.toml").path), 0)
        XCTAssertEqual(symlink("figures.toml", data.appendingPathComponent("b").path), 0)
        let session = try DashboardSession(label: "baddata")
        defer { session.kill() }
        try session.tmux.tmux(["pipe-pane", "-t", session.tmux.target, "-o", "cat >>" + Paths.shellQuote(session.scratch.path + "/raw")])
        try session.tmux.typeLine([binary, "--data", data.path].map(Paths.shellQuote).joined(separator: " "))
        let status = try session.assertTerminalRestored("bad data", frameMayRemain: true)
        XCTAssertEqual(status, 23)
        let screen = try session.tmux.capture()
        // LANG=C.UTF-8: Chinese words, the file named as in English.
        XCTAssertTrue(screen.contains { $0.contains("figures.toml: 符号链接循环") }, TmuxSession.show(screen))
        XCTAssertFalse(screen.contains { $0.contains("towns ·") }, "no dashboard frame:\n\(TmuxSession.show(screen))")
        let raw = (try? Data(contentsOf: session.scratch.appendingPathComponent("raw"))) ?? Data()
        XCTAssertFalse(String(decoding: raw, as: UTF8.self).contains("\u{1B}[?1049h"), "the alternate screen was entered")
    }

    /// A running dashboard whose data file is edited into a shape that crashed the TOML parser
    /// (a `[小镇]` header, found by fuzzing): it keeps the data it shows, names the error on the
    /// status line, and reloads once the file is fixed.
    func testRunningDashboardSurvivesAnEditThatCrashedTheParser() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let figures = data.appendingPathComponent("figures.toml")
        let good = try Data(contentsOf: figures)
        let session = try DashboardSession(label: "badedit")
        defer { session.kill() }
        try session.tmux.typeLine([binary!, "--data", data.path, "--themes", Paths.themes].map(Paths.shellQuote).joined(separator: " "))
        try session.tmux.waitUntil("the first frame") { ($0.first?.contains("towns ·") ?? false) && ($0.last?.contains("q 退出") ?? false) }
        let pid = try session.townsPID()
        try ("[小镇]\n".data(using: .utf8)! + good).write(to: figures)
        let screen = try session.tmux.waitFor("数据未更新", timeout: 10)
        // One line (wave 20): whole where it fits, else cut and pointing to `:messages`.
        XCTAssertTrue(screen.contains {
            // Said in Chinese, the guard's English only as an aside (wave 38).
            $0.contains("figures.toml:1:2: TOML 语法错误：表头须以键开头")
                && ($0.contains("must start with a key") || $0.contains("（全文见 :messages）"))
        }, TmuxSession.show(screen))
        XCTAssertTrue(ProcessTable.isAlive(pid))
        XCTAssertTrue(screen.contains { $0.contains("海宁皮革时尚小镇") }, "the last good data stays on screen")
        try good.write(to: figures)
        try session.tmux.waitFor("数据已更新", timeout: 10)
        try session.tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q after the bad edit"), 0)
    }

    // MARK: helpers

    /// Replaces the one occurrence of `old` in `file` of `data`; the 1-based line where the
    /// replacement starts.
    func replace(in data: URL, _ file: String, _ old: String, with new: String) throws -> Int {
        let url = data.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let parts = text.components(separatedBy: old)
        guard parts.count == 2 else { throw E2EError("expected one '\(old)' in \(file), found \(parts.count - 1)") }
        try (parts[0] + new + parts[1]).write(to: url, atomically: true, encoding: .utf8)
        return parts[0].filter { $0 == "\n" }.count + 1
    }
}

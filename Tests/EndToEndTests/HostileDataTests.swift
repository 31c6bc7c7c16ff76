import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Data that tries to drive the terminal: escape sequences (CSI colour, OSC set-title, OSC 8
/// hyperlink, DCS), 8-bit C1 controls, BEL, a bidi override and a zero-width space in every
/// text field of the dataset (names, counties, sources, notes, quotes, period labels, rule
/// titles, cities), in an import sheet's cells, in a config file and in a theme file. None of
/// it may reach the terminal as a control: `report` (every format), `check`, `import`,
/// `config` and the dashboard show it visibly (`^[`, `^G`, `�`).
final class HostileDataTests: XCTestCase {
    /// The payload as TOML escapes (so the files stay valid TOML): OSC 0 (set the window title
    /// to PWNED), CSI SGR red, an OSC 8 hyperlink, a DCS string, C1 CSI (U+009B), C1 OSC
    /// (U+009D ... U+009C), a right-to-left override, a zero-width space, BEL.
    static let tomlPayload = #"\u001b]0;PWNED\u0007\u001b[31mRED\u001b[0m\u001b]8;;http://evil.example/\u001b\\LINK\u001b]8;;\u001b\\\u001bPDCS\u001b\\\u009b31mC1\u009d0;C1TITLE\u009c\u202eRLO\u200bZW\u0007"#
    /// The same payload as text.
    static let payload = "\u{1B}]0;PWNED\u{07}\u{1B}[31mRED\u{1B}[0m\u{1B}]8;;http://evil.example/\u{1B}\\LINK\u{1B}]8;;\u{1B}\\\u{1B}PDCS\u{1B}\\\u{9B}31mC1\u{9D}0;C1TITLE\u{9C}\u{202E}RLO\u{200B}ZW\u{07}"
    /// How the start of the payload looks once sanitised.
    static let sanitisedTitle = "^[]0;PWNED^G"

    /// Text fields of the data files that get the payload in front of their value.
    static let textKeys: Set<String> = [
        "name_zh", "name_en", "at", "quote", "note", "title_zh", "title_en", "text", "short_zh", "title", "county_zh",
        "county_en", "county_from", "type_at", "industry", "industry_note", "industry_note_zh", "cause_zh", "mode_at", "label_zh", "label_en",
        "accelerated_county_note", "derived", "region_zh", "region_en", "author", "url", "city",
    ]

    var binary: String!
    var folder: URL!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// A copy of Data/ with the payload at the front of every text field (the same payload in
    /// a city's name and in the listed towns that name it, so the data still loads).
    func hostileData(extra: (URL) throws -> Void = { _ in }) throws -> URL {
        let data = folder.appendingPathComponent("Data-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data.path)
        for name in try FileManager.default.contentsOfDirectory(atPath: data.path) where name.hasSuffix(".toml") {
            let url = data.appendingPathComponent(name)
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").map { line -> String in
                guard let eq = line.range(of: " = \""), line.hasSuffix("\""),
                      Self.textKeys.contains(String(line[..<eq.lowerBound])) else { return line }
                return String(line[..<eq.upperBound]) + Self.tomlPayload + String(line[eq.upperBound...])
            }
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        try extra(data)
        return data
    }

    // MARK: - Commands

    func testReportInEveryFormatAndViewHasNoControls() throws {
        let data = try hostileData()
        var sawPayload = false
        for view in ["towns", "types", "entities", "assessment", "province"] {
            for format in ["text", "csv", "md", "json"] {
                let r = try runProcess(binary, ["report", "--data", data.path, "--view", view, "--format", format], outputToFile: true)
                XCTAssertEqual(r.status, 0, "report --view \(view) --format \(format): \(r.summary)")
                assertNoControls(r.stdoutBytes, "report --view \(view) --format \(format)")
                assertNoControls(r.stderrBytes, "report --view \(view) --format \(format), stderr")
                sawPayload = sawPayload || r.stdout.contains(Self.sanitisedTitle)
                XCTAssertTrue(r.stdout.contains(Self.sanitisedTitle), "the title (dataset name, period label) carries the payload, sanitised: report --view \(view) --format \(format)\n\(r.stdout.prefix(400))")
                // Sanitising keeps the formats whole: CSV records end in CR LF, JSON parses.
                if format == "csv" {
                    let records = r.stdout.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
                    XCTAssertGreaterThan(records.count, 3)
                    XCTAssertTrue(records.dropLast().allSatisfy { $0.last == "\r" }, "CSV lines end in CR LF")
                    XCTAssertTrue(records.last?.isEmpty ?? false)
                }
                if format == "json" {
                    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: r.stdoutBytes), "report --view \(view) --format json parses")
                }
            }
        }
        XCTAssertTrue(sawPayload)
        let list = try runProcess(binary, ["report", "--data", data.path, "--period", "list"], outputToFile: true)
        XCTAssertEqual(list.status, 0, list.summary)
        assertNoControls(list.stdoutBytes, "report --period list", allowTab: true)
        XCTAssertTrue(list.stdout.contains(Self.sanitisedTitle), list.stdout)
    }

    func testCheckHasNoControls() throws {
        // Loads, with findings naming towns and a warning naming a hostile field.
        let data = try hostileData { data in
            let towns = data.appendingPathComponent("towns.toml")
            let text = try String(contentsOf: towns, encoding: .utf8)
            try text.replacingOccurrences(of: "id = \"jiashan\"", with: "id = \"jiashan\"\n\"\(Self.tomlPayload)\" = 1")
                .write(to: towns, atomically: true, encoding: .utf8)
        }
        var r = try runProcess(binary, ["check", "-v", "--data", data.path], outputToFile: true)
        XCTAssertEqual(r.status, 0, r.summary)
        assertNoControls(r.stdoutBytes, "check (findings, warning)")
        XCTAssertTrue(r.stdout.contains("警告：town[3].\(Self.sanitisedTitle)"), "the hostile field name, sanitised:\n\(r.stdout)")
        XCTAssertTrue(r.stdout.contains(": 不一致: "), "findings in Chinese by default (as the dashboard):\n\(r.stdout)")
        // Errors that quote hostile values.
        let broken = try hostileData { data in
            let towns = data.appendingPathComponent("towns.toml")
            let text = try String(contentsOf: towns, encoding: .utf8)
            try text.replacingOccurrences(of: "list = \"creation\"", with: "list = \"\(Self.tomlPayload)\"")
                .replacingOccurrences(of: "\"cnec\", ", with: "\"\(Self.tomlPayload)\", ")
                .write(to: towns, atomically: true, encoding: .utf8)
        }
        // English asked for: the test reads the English quote (a UTF-8 locale's default is Chinese).
        r = try runProcess(binary, ["check", "--data", broken.path, "--lang", "en"], outputToFile: true)
        XCTAssertEqual(r.status, 14, r.summary)
        assertNoControls(r.stderrBytes, "check (errors)")
        assertNoControls(r.stdoutBytes, "check (errors), stdout")
        XCTAssertTrue(r.stderr.contains("'\(Self.sanitisedTitle)"), r.stderr)
        // In Chinese (wave 11: the value checks are worded in Chinese too), as sanitised.
        r = try runProcess(binary, ["check", "--data", broken.path, "--lang", "zh"], outputToFile: true)
        XCTAssertEqual(r.status, 14, r.summary)
        assertNoControls(r.stderrBytes, "check (errors, zh)")
        XCTAssertTrue(r.stderr.contains("「\(Self.sanitisedTitle)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("」不是名单阶段"), r.stderr)
        // A hostile folder name is echoed too.
        let odd = folder.appendingPathComponent("Data\u{1B}]0;PWNED\u{07}")
        try FileManager.default.copyItem(at: data, to: odd)
        r = try runProcess(binary, ["check", "--data", odd.path], outputToFile: true)
        XCTAssertEqual(r.status, 0, r.summary)
        assertNoControls(r.stdoutBytes, "check of a folder with a hostile name")
        assertNoControls(r.stderrBytes, "check of a folder with a hostile name, stderr")
    }

    func testImportHasNoControls() throws {
        let data = try hostileData()
        let sheet = folder.appendingPathComponent("sheet.csv")
        // A hostile header (an unread column), a hostile town cell, a hostile period cell, and
        // the same bytes raw (C1 as one byte is not UTF-8: read as GB18030, still no control).
        let text = "小镇,期间,累计完成投资（亿元）,\(Self.payload)备注\n"
            + "\(Self.payload)海宁,2015-10,15.21,x\n"
            + "haining,\(Self.payload),15.21,x\n"
            + "nanhu,2015-10,\(Self.payload)4.10,x\n"
        try Data(text.utf8).write(to: sheet)
        var r = try runProcess(binary, ["import", sheet.path, "--data", data.path, "--dry-run"], outputToFile: true)
        XCTAssertEqual(r.status, 1, r.summary)
        assertNoControls(r.stderrBytes, "import errors")
        assertNoControls(r.stdoutBytes, "import errors, stdout")
        XCTAssertTrue(r.stderr.contains(Self.sanitisedTitle), r.stderr)
        // A sheet that imports (dry run): the summary lists the hostile town names.
        try Data("town,period,completed (亿元)\nhaining,2015-10,15.21\nnanhu,2015-10,4.10\n".utf8).write(to: sheet)
        r = try runProcess(binary, ["import", sheet.path, "--data", data.path, "--dry-run"], outputToFile: true)
        XCTAssertEqual(r.status, 0, r.summary)
        assertNoControls(r.stdoutBytes, "import summary")
        XCTAssertTrue(r.stdout.contains(Self.sanitisedTitle), r.stdout)
        // Raw C1 bytes (invalid UTF-8, so decoded as GB18030) in a cell.
        var bytes = Data("town,period,completed (亿元)\nhaining".utf8)
        bytes.append(contentsOf: [0x9B, 0x33, 0x31, 0x6D, 0x1B, 0x5D, 0x30, 0x3B])
        bytes.append(Data(",2015-10,15.21\n".utf8))
        try bytes.write(to: sheet)
        r = try runProcess(binary, ["import", sheet.path, "--data", data.path, "--dry-run"], outputToFile: true)
        XCTAssertNotEqual(r.status, 0, r.summary)
        assertNoControls(r.stderrBytes, "import of raw C1 bytes")
        assertNoControls(r.stdoutBytes, "import of raw C1 bytes, stdout")
    }

    func testConfigValuesEchoedHaveNoControls() throws {
        let config = folder.appendingPathComponent("config.toml")
        try """
        view = "\(Self.tomlPayload)"
        period = "\(Self.tomlPayload)"
        theme = "\(Self.tomlPayload)"
        "\(Self.tomlPayload)" = 1
        [keys]
        "\(Self.tomlPayload)" = ["x"]
        quit = ["\(Self.tomlPayload)"]
        """.write(to: config, atomically: true, encoding: .utf8)
        let r = try runProcess(binary, ["config", "--config", config.path], outputToFile: true)
        XCTAssertEqual(r.status, 1, r.summary)
        assertNoControls(r.stdoutBytes, "towns config, stdout")
        assertNoControls(r.stderrBytes, "towns config, stderr")
        XCTAssertTrue((r.stdout + r.stderr).contains(Self.sanitisedTitle), r.summary)
    }

    // MARK: - The dashboard

    /// The dashboard on the hostile data, with a hostile config and theme, through every view,
    /// a town's page, help, search, the command line's completion and an export. The bytes it
    /// writes to the terminal (tmux pipe-pane) hold ncurses' own sequences only: no OSC, no DCS,
    /// no BEL, no C1, no bidi or zero-width character; the payload shows as `^[]0;PWNED^G`; the
    /// pane's title is unchanged.
    func testDashboardWritesNoControlsFromData() throws {
        let data = try hostileData()
        let config = folder.appendingPathComponent("config.toml")
        try "period = \"\(Self.tomlPayload)\"\n".write(to: config, atomically: true, encoding: .utf8)
        let theme = folder.appendingPathComponent("hostile.toml")
        try "[theme]\nname = \"\(Self.tomlPayload)\"\n[roles]\n\"\(Self.tomlPayload)\" = { fg = \"red\" }\n"
            .write(to: theme, atomically: true, encoding: .utf8)
        let exports = folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)

        let session = try DashboardSession(label: "hostile")
        defer { session.kill() }
        let tmux = session.tmux
        let titleBefore = try tmux.format("#{pane_title}")
        let raw = session.scratch.appendingPathComponent("raw")
        try tmux.tmux(["pipe-pane", "-t", tmux.target, "-o", "cat >>" + Paths.shellQuote(raw.path)])
        let words = [session.binary, "--data", data.path, "--themes", Paths.themes, "--config", config.path, "--theme", theme.path]
        try tmux.typeLine("TOWNS_EXPORT_DIR=\(Paths.shellQuote(exports.path)) " + words.map(Paths.shellQuote).joined(separator: " "))
        // (The hostile period label is so long that the title keeps only the period.)
        var screen = try tmux.waitUntil("the first frame") { $0.count > 2 && $0[2].contains("概览") && ($0.last?.contains("q 退出") ?? false) }
        XCTAssertTrue(screen.contains { $0.contains(Self.sanitisedTitle) }, "the payload is shown, sanitised:\n\(TmuxSession.show(screen))")
        XCTAssertTrue(screen[screen.count - 2].contains("config") || screen[screen.count - 2].contains("主题"),
                      "a notice about the config or theme on the status line:\n\(TmuxSession.show(screen))")

        // Every view, a town's page scrolled through, help, a search, the command line.
        // (It opens on the overview; 1 shows the towns view.)
        let steps: [[String]] = [["1"], ["Enter"], ["PageDown"], ["PageDown"], ["PageDown"], ["Escape"], ["2"], ["Enter"], ["Escape"],
                                 ["3"], ["Enter"], ["Escape"], ["4"], ["5"], ["Enter"], ["Escape"], ["1"], ["["], ["]"], ["?"],
                                 ["Escape"], ["/"], ["-l", "PWNED"], ["Enter"], ["n"], [":"], ["-l", "town "], ["Tab"], ["Tab"],
                                 ["Escape"], ["e"], ["t"], ["L"], ["Enter"], ["Escape"]]
        for keys in steps {
            try tmux.tmux(["send-keys", "-t", tmux.target] + keys)
            usleep(60_000)
        }
        screen = try tmux.waitUntil("the last step drawn (in English after L)") { $0.last?.contains("q quit") ?? false }
        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q on hostile data"), 0)
        XCTAssertEqual(try tmux.format("#{pane_title}"), titleBefore, "the data changed the pane's title")

        let bytes = try Data(contentsOf: raw)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertGreaterThan(bytes.count, 10_000, "pipe-pane captured the dashboard's output")
        XCTAssertTrue(text.contains(Self.sanitisedTitle), "the payload was drawn, sanitised")
        XCTAssertTrue(text.contains("PWNED"))
        // ncurses (xterm-256color, no mouse) writes CSI sequences, SI/SO-free UTF-8 text, CR, LF,
        // BS; never OSC (ESC ]), DCS (ESC P), APC/PM/SOS, a BEL, or any C1 control.
        for (sequence, name) in [("\u{1B}]", "OSC"), ("\u{1B}P", "DCS"), ("\u{1B}_", "APC"), ("\u{1B}^", "PM"), ("\u{1B}X", "SOS")] {
            XCTAssertFalse(text.contains(sequence), "\(name) in the dashboard's output: \(context(of: sequence, in: text))")
        }
        XCTAssertFalse(bytes.contains(0x07), "BEL in the dashboard's output")
        XCTAssertFalse(text.contains("\u{1B}]0;PWNED"), "the payload's OSC reached the terminal")
        if let valid = String(validating: bytes, as: UTF8.self) {
            XCTAssertNil(firstForbiddenScalar(valid, allowEscape: true, allowTab: true), "a C1, bidi or zero-width character in the dashboard's output")
        } else {
            XCTFail("the dashboard's output is not valid UTF-8 (a raw C1 byte?)")
        }
        // The exported file is data too (someone will `cat` it).
        let exported = try FileManager.default.contentsOfDirectory(atPath: exports.path)
        XCTAssertFalse(exported.isEmpty, "e exported the view")
        for name in exported {
            assertNoControls(try Data(contentsOf: exports.appendingPathComponent(name)), "exported \(name)")
        }
    }

    // MARK: - Helpers

    /// Fails when `bytes` are not valid UTF-8 (a raw C1 byte), or hold a C0 control other
    /// than LF, CR (CSV line ends) and (with `allowTab`) TAB, DEL, a C1 control (U+0080-U+009F),
    /// a bidi control or a zero-width character.
    func assertNoControls(_ bytes: Data, _ context: String, allowTab: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return XCTFail("\(context): not valid UTF-8 (a raw C1 byte?)", file: file, line: line)
        }
        if let bad = firstForbiddenScalar(text, allowEscape: false, allowTab: allowTab) {
            XCTFail("\(context): \(bad)", file: file, line: line)
        }
    }

    func firstForbiddenScalar(_ text: String, allowEscape: Bool, allowTab: Bool = false) -> String? {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let v = scalar.value
            let forbidden: Bool
            switch v {
            case 0x0A, 0x0D: forbidden = false
            case 0x09: forbidden = !allowTab
            case 0x1B: forbidden = !allowEscape
            case 0x08: forbidden = !allowEscape  // ncurses may move left with BS
            case 0x00..<0x20, 0x7F: forbidden = true
            case 0x80...0x9F: forbidden = true
            case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0x061C: forbidden = true
            default: forbidden = false
            }
            if forbidden {
                let around = String(text.unicodeScalars.dropFirst(max(0, offset - 20)).prefix(40))
                return String(format: "U+%04X at scalar %d near %@", v, offset, around.debugDescription)
            }
        }
        return nil
    }

    func context(of needle: String, in text: String) -> String {
        guard let r = text.range(of: needle) else { return "" }
        let start = text.index(r.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(r.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).debugDescription
    }
}

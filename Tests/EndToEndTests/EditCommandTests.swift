import Foundation
import XCTest

/// `towns edit FILE` (issue 13, point 2): the editor gets a copy; only a copy with which the
/// whole dataset loads is put in place; a failed check offers to edit again; the data is
/// never left broken.
final class EditCommandTests: XCTestCase {
    var binary: String!
    var folder: String!
    var data: String { folder + "/Data" }

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
        folder = NSTemporaryDirectory() + "towns-edit-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// An "editor": a shell script whose n-th run (n = 1, 2, ...) runs `steps[n-1]` with the
    /// file as $1.
    private func editor(_ steps: [String]) throws -> String {
        let path = folder + "/editor.sh"
        let count = folder + "/count"
        var script = "#!/bin/sh\nn=$(cat \(count) 2>/dev/null || echo 0); n=$((n + 1)); echo $n > \(count)\n"
        for (i, step) in steps.enumerated() { script += "if [ $n -eq \(i + 1) ]; then \(step); fi\n" }
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    private func edit(_ editor: String, answers: String? = nil, lang: String = "en") throws -> ProcessResult {
        let command = [binary!, "--lang", lang, "edit", "figures.toml", "--data", data].map(Paths.shellQuote)
            .joined(separator: " ")
        var environment = ProcessInfo.processInfo.environment
        environment["EDITOR"] = editor
        environment["VISUAL"] = nil
        // An edit not put in place is kept in the temporary directory (its path printed): this
        // test's folder, removed in tearDown.
        environment["TMPDIR"] = folder
        let line = answers.map { "printf '\($0)' | \(command)" } ?? command
        return try runProcess("/bin/sh", ["-c", line], environment: environment)
    }

    private var figures: String { (try? String(contentsOfFile: data + "/figures.toml", encoding: .utf8)) ?? "" }

    func testAGoodEditIsPutInPlace() throws {
        let r = try edit(try editor(["sed -i 's/^value = 140$/value = 141/' \"$1\""]))
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(figures.contains("value = 141\n"), r.summary)
        XCTAssertFalse(figures.contains("value = 140\n"))
    }

    func testABadEditIsRefusedAndTheDataKept() throws {
        let before = figures
        let line = try XCTUnwrap(before.components(separatedBy: "\n").firstIndex(of: "value = 140")) + 1
        let r = try edit(try editor(["sed -i 's/^value = 140$/value = \"abc\"/' \"$1\""]))
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertEqual(figures, before, "the data is as it was")
        XCTAssertTrue(r.stderr.contains(data + "/figures.toml:\(line):"),
                      "the problem names the file and line:\n\(r.summary)")
        XCTAssertTrue(r.stderr.contains("edit again"), r.summary)
        XCTAssertTrue(r.stderr.contains("kept at"), r.summary)
        let check = try runProcess(binary, ["check", "--data", data])
        XCTAssertEqual(check.status, 0, "the data still loads:\n\(check.summary)")
    }

    func testAFailedCheckOffersToEditAgain() throws {
        let r = try edit(try editor(["sed -i 's/^value = 140$/value = \"abc\"/' \"$1\"",
                                     "sed -i 's/^value = \"abc\"$/value = 142/' \"$1\""]), answers: "e\\n")
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(figures.contains("value = 142\n"), r.summary)
    }

    func testAFileChangedMeanwhileIsNotOverwritten() throws {
        let other = "sed -i 's/^value = 51.2$/value = 51.3/' \(data)/figures.toml"
        let r = try edit(try editor(["sed -i 's/^value = 140$/value = 141/' \"$1\"; \(other)"]))
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertTrue(r.stderr.contains("changed while you edited"), r.summary)
        XCTAssertTrue(figures.contains("value = 51.3\n") && figures.contains("value = 140\n"),
                      "the other writer's change stands")
    }

    /// Wave 20: the messages follow the language as the other commands' do (`--lang`; they were
    /// English, with a few Chinese words, in both): each language alone.
    func testTheMessagesFollowTheLanguage() throws {
        let bad = "sed -i 's/^value = 140$/value = \"abc\"/' \"$1\""
        let zh = try edit(try editor([bad]), answers: "q\\n", lang: "zh")
        XCTAssertEqual(zh.status, 1, zh.summary)
        XCTAssertTrue(zh.stderr.contains("改后数据不能读取") && zh.stderr.contains("再编辑 e"), zh.summary)
        XCTAssertTrue(zh.stderr.contains("未保存；figures.toml 未改动。你的编辑保存在"), zh.summary)
        XCTAssertFalse(zh.stderr.contains("edit again") || zh.stderr.contains("kept at")
                       || zh.stderr.contains("does not load"), zh.summary)
        try FileManager.default.removeItem(atPath: folder + "/count")
        let en = try edit(try editor([bad]), answers: "q\\n", lang: "en")
        XCTAssertEqual(en.status, 1, en.summary)
        XCTAssertTrue(en.stderr.contains("does not load with this edit") && en.stderr.contains("kept at"), en.summary)
        XCTAssertFalse(en.stderr.contains("数据") || en.stderr.contains("再编辑"), en.summary)
        let notData = try runProcess(binary, ["--lang", "zh", "edit", "/etc/passwd", "--data", data])
        XCTAssertEqual(notData.status, 2, notData.summary)
        XCTAssertTrue(notData.stderr.contains("不是") && notData.stderr.contains("的数据文件"), notData.summary)
    }

    func testOnlyDataFiles() throws {
        let r = try runProcess(binary, ["edit", "/etc/passwd", "--data", data])
        XCTAssertEqual(r.status, 2, r.summary)
    }

    /// A data folder that is not there is refused before any editor runs (it said "no change"
    /// and exited 0).
    func testAMissingDataFolderIsRefused() throws {
        let missing = folder + "/no-such-folder"
        let en = try runProcess(binary, ["--lang", "en", "edit", "figures.toml", "--data", missing])
        XCTAssertEqual(en.status, 2, en.summary)
        XCTAssertTrue(en.stderr.contains("no such data folder: " + missing), en.summary)
        XCTAssertFalse(en.stdout.contains("no change"), en.summary)
        let zh = try runProcess(binary, ["--lang", "zh", "edit", "figures.toml", "--data", missing])
        XCTAssertEqual(zh.status, 2, zh.summary)
        XCTAssertTrue(zh.stderr.contains("没有这个数据文件夹"), zh.summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "nothing made")
    }
}

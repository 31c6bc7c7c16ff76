import Foundation
import TownsCore
import TownsTestSupport
import TownsUI
import XCTest

@testable import towns

/// Wave 38's fresh user, P2: after the snapshot was damaged the start notice said "no snapshot
/// of this data yet" and the refusal's reason was shown nowhere. The notice now says why the text
/// is read, and `:messages` names a snapshot refused as damaged, truncated or of another version.
final class W38StartNoticeWordsTests: XCTestCase {
    let folder = "/tmp/towns-data-w38"
    let causes: [SlowStartNotice.Cause] = [
        .refused(.missing("x cannot be read")), .refused(.stale("the files changed since it was written")),
        .refused(.corrupt("its checksum does not match")), .refused(.truncated("100 bytes of a snapshot of 5000")),
        .refused(.foreign("format 20, this towns reads 21")), .snapshotsOff, .noCacheFolder,
    ]

    func testEachCauseIsSaidInBothLanguagesAndInEnglishUnderLangC() {
        let expected: [(zh: String, en: String)] = [
            ("尚无这份数据的快照", "(no snapshot of this data yet: the text is read and checked while a snapshot is built"),
            ("数据在快照生成后改过（或 towns 已更新）", "(the data changed since its snapshot was made (or towns was updated): the text is read"),
            ("快照已损坏，未采用：读取并核对文本，快照在后台重新生成", "(the snapshot was refused as damaged (its checksum does not match): the text is read and checked while the snapshot is rebuilt"),
            ("快照不完整（被截断），未采用", "(the snapshot was refused as truncated (100 bytes of a snapshot of 5000):"),
            ("快照不是这一版 towns 的，未采用", "(the snapshot was refused as of another version (format 20, this towns reads 21):"),
            ("快照已关闭（TOWNS_SNAPSHOT=0）", "(snapshots are off (TOWNS_SNAPSHOT=0): the text is read and checked)"),
            ("没有缓存文件夹", "(no cache folder for a snapshot (set XDG_CACHE_HOME or HOME)"),
        ]
        for (cause, words) in zip(causes, expected) {
            let both = SlowStartNotice.line(directory: folder, cause: cause, utf8: true).components(separatedBy: "\n")
            XCTAssertEqual(both.count, 2, "\(cause): \(both)")
            XCTAssertTrue(both[0].hasPrefix("towns: 正在读取 \(folder) 的数据（") && both[0].contains(words.zh), "\(cause): \(both[0])")
            XCTAssertTrue(both[1].hasPrefix("towns: reading the data in \(folder) ") && both[1].contains(words.en)
                          && both[1].hasSuffix(")…"), "\(cause): \(both[1])")
            let ascii = SlowStartNotice.line(directory: folder, cause: cause, utf8: false)
            XCTAssertEqual(ascii, both[1].replacingOccurrences(of: "…", with: "..."), "LANG=C: English alone")
            XCTAssertTrue(ascii.unicodeScalars.allSatisfy { $0.isASCII }, ascii)
            // Only a snapshot that is not there says there is none.
            let none = both[1].contains("no snapshot of this data yet")
            XCTAssertEqual(none, cause == .refused(.missing("x cannot be read")), "\(cause): \(both[1])")
        }
        // Without a cause: no snapshot yet, as the notice said before wave 38.
        XCTAssertEqual(SlowStartNotice.line(directory: folder, utf8: true),
                       SlowStartNotice.line(directory: folder, cause: .refused(.missing("")), utf8: true))
    }

    func testEachCausesNoticeBreaksAtWordsWithinTheWidth() {
        for cause in causes {
            for width in [40, 60, 80, 100] {
                for utf8 in [true, false] {
                    let whole = SlowStartNotice.line(directory: folder, cause: cause, utf8: utf8)
                    let lines = SlowStartNotice.line(directory: folder, cause: cause, utf8: utf8, width: width)
                        .components(separatedBy: "\n")
                    XCTAssertGreaterThan(lines.count, utf8 ? 2 : 1, "\(cause) \(width): broken")
                    for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(cause) \(width): \(line)") }
                    let english = whole.components(separatedBy: "\n").last!
                    let words = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
                    for word in english.split(separator: " ") where DisplayWidth.of(String(word)) <= width {
                        XCTAssertTrue(words.contains(String(word)), "\(cause) \(width): '\(word)' broken: \(lines)")
                    }
                }
            }
        }
    }

    func testMessagesNameOnlyTheRefusalsThatAreNotOrdinary() {
        XCTAssertNil(SlowStartNotice.messagesNotice(nil), "the snapshot was used")
        XCTAssertNil(SlowStartNotice.messagesNotice(.refused(.missing("x cannot be read"))))
        XCTAssertNil(SlowStartNotice.messagesNotice(.refused(.stale("the files changed since it was written"))))
        XCTAssertNil(SlowStartNotice.messagesNotice(.snapshotsOff))
        XCTAssertNil(SlowStartNotice.messagesNotice(.noCacheFolder))
        // The reason in Chinese words in the Chinese line (wave 41's fresh user read
        // `技术细节：its checksum does not match`), a decode's own words quoted as the parser's are.
        let cases: [(SnapshotRejection, String, String, String)] = [
            (.corrupt("its checksum does not match"), "快照已损坏，未采用",
             "the snapshot was refused as damaged (its checksum does not match)", "校验和不符"),
            (.truncated("100 bytes of a snapshot of 5000"), "快照不完整（被截断），未采用",
             "the snapshot was refused as truncated (100 bytes of a snapshot of 5000)", "快照应有 5000 字节，只有 100 字节"),
            (.foreign("it does not begin with TOWNSNAP"), "快照文件已损坏或被替换，未采用",
             "the snapshot was refused as damaged or replaced (it does not begin with TOWNSNAP)",
             "文件开头不是 TOWNSNAP，不是 towns 的快照"),
            (.foreign("format 23, this towns reads 24"), "快照不是这一版 towns 的，未采用",
             "the snapshot was refused as of another version (format 23, this towns reads 24)",
             "快照格式 23，本程序读取格式 24"),
            (.truncated("12 bytes, shorter than the header"), "快照不完整（被截断），未采用",
             "the snapshot was refused as truncated (12 bytes, shorter than the header)", "只有 12 字节，比文件头还短"),
            (.corrupt("a string reference out of the table"), "快照已损坏，未采用",
             "the snapshot was refused as damaged (a string reference out of the table)",
             "内容无法解码（原话：a string reference out of the table）"),
        ]
        for (rejection, zh, en, detail) in cases {
            let notice = SlowStartNotice.messagesNotice(.refused(rejection))
            // The reason shown in the Chinese line too (a logged message keeps its language).
            XCTAssertEqual(notice?.zh, zh + "：数据已从文本读取，快照在后台重新生成（技术细节：\(detail)）",
                           "\(rejection)")
            XCTAssertEqual(notice?.en, en + ": the data was read from the text and the snapshot is rebuilt in the background",
                           "\(rejection)")
        }
    }
}

/// Wave 41's fresh user read the snapshot's refusal in English inside the Chinese notice
/// (`技术细节：its checksum does not match`). The refusals a person meets, made by damaging a real
/// snapshot as a full disk, an interrupted copy or another build would, are worded in Chinese,
/// their numbers kept; none is left to the quoted fallback.
final class W42SnapshotRefusalChineseTests: XCTestCase {
    func testTheRefusalsOfARealDamagedSnapshotAreWordedInChinese() throws {
        let data = try TemporaryFiles.copy(of: Paths.data, name: "w42-refusal-data")
        let store = SnapshotStore(folder: try TemporaryFiles.folder("w42-refusal-cache"))
        try store.write(directory: data)
        let file = store.path(for: data)
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertGreaterThan(written.count, 1000)
        let damages: [(String, ([UInt8]) -> [UInt8])] = [
            ("a bit flipped in the payload", { var b = $0; b[b.count / 2] ^= 0x10; return b }),
            ("cut to 1000 bytes", { Array($0.prefix(1000)) }),
            ("cut to 20 bytes", { Array($0.prefix(20)) }),
            ("another format", { var b = $0; b[8] &+= 1; return b }),
            ("not a snapshot", { _ in Array("not a snapshot at all".utf8) }),
            ("empty", { _ in [] }),
        ]
        var seen = Set<String>()
        for (damage, change) in damages {
            try Data(change(written)).write(to: URL(fileURLWithPath: file))
            do {
                _ = try store.load(directory: data)
                XCTFail("\(damage): the damaged snapshot was used")
            } catch {
                let notice = try XCTUnwrap(SlowStartNotice.messagesNotice(.refused(error)), damage)
                XCTAssertFalse(notice.zh.contains("原话"), "\(damage): \(notice.zh)")
                // No English word but the program's name (`towns`) and the file's magic.
                let words = notice.zh.replacingOccurrences(of: "towns", with: "")
                XCTAssertNil(words.range(of: "[A-Za-z]{3,}", options: .regularExpression).map { String(words[$0]) }
                                 .flatMap { $0 == "TOWNSNAP" ? nil : $0 },
                             "\(damage): English left in \(notice.zh)")
                seen.insert(notice.zh)
            }
        }
        XCTAssertEqual(seen.count, damages.count, "each damage worded apart: \(seen)")
    }
}

/// Wave 38's fresh user, P3: the data's error lines before the screen opens were wrapped by the
/// terminal mid-word. At a terminal they are broken at words, continued two blanks in; into a
/// pipe or a log, one line each as before (`atWords`, used by `printErrorAtWords`).
final class W38ErrorLinesAtWordsTests: XCTestCase {
    let english = "/tmp/towns-data/figures.toml:12: value: \"x\" is not a number (write a number such as 12.5, "
        + "or leave the figure out when nobody reported it)"
    let chinese = "/tmp/towns-data/figures.toml:12：value：「x」不是数字（请写数字，例如 12.5；无人报告的数字请不写）"

    func testNotATerminalLeavesEachLineWhole() {
        for text in [english, chinese, english + "\n" + chinese, ""] {
            XCTAssertEqual(atWords(text, width: nil), text)
            XCTAssertEqual(atWords(text, width: 0), text)
        }
    }

    func testAtATerminalEachLineBreaksAtWordsContinuedTwoBlanksIn() {
        for width in [36, 40, 60, 80] {  // each wider than the longest word (32 cells) and its indent
            let lines = atWords(english, width: width).components(separatedBy: "\n")
            XCTAssertGreaterThan(lines.count, 1, "\(width)")
            XCTAssertFalse(lines[0].hasPrefix(" "))
            for line in lines.dropFirst() { XCTAssertTrue(line.hasPrefix("  ") && !line.hasPrefix("   "), "\(width): \(lines)") }
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(width): \(line)") }
            // Every word whole on one line, and all of them in order.
            let words = lines.flatMap { $0.split(separator: " ") }
            XCTAssertEqual(words, english.split(separator: " "), "\(width): \(lines)")
        }
        // A line that fits is left alone; two lines are broken each on its own.
        XCTAssertEqual(atWords("towns: 1 error", width: 80), "towns: 1 error")
        let two = atWords(english + "\n" + english, width: 60).components(separatedBy: "\n")
        XCTAssertEqual(two.filter { !$0.hasPrefix(" ") }.count, 2, "\(two)")
    }

    func testChineseCountsTwoCellsACharacter() {
        for width in [20, 30, 41, 60] {
            let lines = atWords(chinese, width: width).components(separatedBy: "\n")
            XCTAssertGreaterThan(lines.count, 1, "\(width)")
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(width): \(line)") }
            XCTAssertEqual(lines.map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }.joined()
                               .replacingOccurrences(of: " ", with: ""),
                           chinese.replacingOccurrences(of: " ", with: ""), "nothing lost: \(lines)")
        }
        // 40 cells hold 20 Chinese characters, not 40.
        let han = String(repeating: "镇", count: 30)
        let lines = atWords(han, width: 40).components(separatedBy: "\n")
        XCTAssertEqual(lines, [String(repeating: "镇", count: 20), "  " + String(repeating: "镇", count: 10)])
    }

    func testAWordLongerThanTheWidthIsCutAtIt() {
        let path = "/srv/towns/" + String(repeating: "abcdefghij", count: 8) + "/figures.toml:3:"
        let lines = atWords(path + " value is not a number", width: 40).components(separatedBy: "\n")
        XCTAssertEqual(lines[0], String(path.prefix(40)), "\(lines)")
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 40, "\(line)") }
        XCTAssertEqual(lines.map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }.joined(separator: " ")
                           .replacingOccurrences(of: " ", with: ""),
                       (path + "valueisnotanumber").replacingOccurrences(of: " ", with: ""), "\(lines)")
    }
}

/// The real binary in tmux on a copy of the data whose snapshot is truncated, then damaged, then
/// stale: the notice before the screen says which (not "no snapshot of this data yet"), and
/// `:messages` names the truncated and the damaged snapshot, not the stale one.
final class W38DamagedSnapshotEndToEndTests: XCTestCase {
    func testTheNoticeAndMessagesSayWhyTheSnapshotWasNotUsed() throws {
        let binary = try Paths.townsBinary()
        let data = try copyOfData().path
        let cache = try TemporaryFiles.folder("w38-damaged-cache")
        var env = ProcessInfo.processInfo.environment
        env["TOWNS_CACHE"] = cache
        func writeSnapshot() throws -> String {
            let r = try runProcess(binary, ["snapshot", "--data", data], environment: env)
            XCTAssertEqual(r.status, 0, r.summary)
            let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".snapshot") }
            XCTAssertEqual(names.count, 1, "\(names)")
            return cache + "/" + names[0]
        }
        let session = try DashboardSession(label: "w38snap", width: 100, height: 30)
        defer { session.kill() }
        let tmux = session.tmux
        /// Starts the dashboard (`locale`), opens `:messages`, quits; the screen then, and the
        /// shell's screen after (the notice above the prompt), each joined into one text.
        func start(locale: String) throws -> (messages: String, after: String) {
            try tmux.typeLine("clear; env LANG=\(locale) LC_ALL=\(locale) TOWNS_CACHE=\(Paths.shellQuote(cache)) "
                              + "TOWNS_SLOW_START_SECONDS=0 XDG_CONFIG_HOME=/nonexistent \(Paths.shellQuote(binary)) --data "
                              + Paths.shellQuote(data) + " --themes " + Paths.shellQuote(Paths.themes))
            _ = try tmux.waitUntil("the first frame", timeout: 30) {  // ASCII under LANG=C
                $0.first?.contains(locale == "C" ? "towns - " : "towns ·") ?? false
            }
            try tmux.send("M")  // `:messages`
            let messages = try tmux.waitUntil(":messages") {
                $0.joined().contains(locale == "C" ? "This session's status messages" : "本次会话的状态消息")
            }
            try tmux.send("q")
            let after = try session.waitForPrompt()
            return (messages.joined(separator: " "), after.joined(separator: " "))
        }
        func waitForRebuild(_ file: String, over size: Int) {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let now = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                if now > size { usleep(300_000); return }
                usleep(100_000)
            }
            XCTFail("the snapshot was not rebuilt")
        }

        // Truncated: half its bytes.
        var file = try writeSnapshot()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let whole = bytes.count
        try bytes.prefix(whole / 2).write(to: URL(fileURLWithPath: file))
        var seen = try start(locale: "C.UTF-8")
        XCTAssertTrue(seen.after.contains("快照不完整（被截断），未采用"), seen.after)
        XCTAssertTrue(seen.after.contains("the snapshot was refused as truncated (") && seen.after.contains("is rebuilt"), seen.after)
        XCTAssertFalse(seen.after.contains("no snapshot of this data yet"), seen.after)
        XCTAssertTrue(seen.messages.contains("快照不完整（被截断），未采用："), seen.messages)

        // Damaged: a byte of the payload flipped, under LANG=C (English alone).
        waitForRebuild(file, over: whole / 2)
        file = try writeSnapshot()
        bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 3] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: file))
        seen = try start(locale: "C")
        XCTAssertTrue(seen.after.contains("the snapshot was refused as damaged ("), seen.after)
        XCTAssertFalse(seen.after.contains("正在读取"), seen.after)
        XCTAssertTrue(seen.messages.contains("the snapshot was refused as damaged ("), seen.messages)

        // Stale: the text changed; said plainly, and nothing in :messages.
        sleep(1)
        _ = try writeSnapshot()
        let figures = URL(fileURLWithPath: data + "/figures.toml")
        try (try String(contentsOf: figures, encoding: .utf8) + "\n# w38\n").write(to: figures, atomically: false, encoding: .utf8)
        seen = try start(locale: "C")
        XCTAssertTrue(seen.after.contains("the data changed since its snapshot was made"), seen.after)
        XCTAssertFalse(seen.messages.contains("refused"), seen.messages)
    }

    /// A byte of the snapshot's deferred part damaged (the tables read when first asked for):
    /// the snapshot is used, the warm-up finds the block, `:messages` says so once, and the
    /// snapshot is rebuilt in the background, byte for byte the one written before (wave 38's
    /// fresh user saw nothing said, and the damaged file stayed in the cache).
    func testADamagedDeferredBlockIsSaidAndTheSnapshotRebuilt() throws {
        let binary = try Paths.townsBinary()
        let data = try copyOfData().path
        let cache = try TemporaryFiles.folder("w38-deferred-cache")
        var env = ProcessInfo.processInfo.environment
        env["TOWNS_CACHE"] = cache
        XCTAssertEqual(try runProcess(binary, ["snapshot", "--data", data], environment: env).status, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".snapshot") }
        let file = cache + "/" + (try XCTUnwrap(names.first))
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        // The header's payload length (offset 24) and eager length (32): the deferred part between.
        func word(_ at: Int) -> Int { Int(original[at..<at + 8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }) }
        let header = 56, length = word(24), eager = word(32)
        XCTAssertGreaterThan(length - eager, 1000, "the bundled snapshot has a deferred part")
        var damaged = original
        damaged[header + eager + (length - eager) / 2] ^= 0x5A
        try damaged.write(to: URL(fileURLWithPath: file))
        let session = try DashboardSession(label: "w38defer", width: 100, height: 30)
        defer { session.kill() }
        let tmux = session.tmux
        try tmux.typeLine("clear; env LANG=C.UTF-8 LC_ALL=C.UTF-8 TOWNS_CACHE=\(Paths.shellQuote(cache)) "
                          + "XDG_CONFIG_HOME=/nonexistent \(Paths.shellQuote(binary)) --data "
                          + Paths.shellQuote(data) + " --themes " + Paths.shellQuote(Paths.themes))
        _ = try tmux.waitUntil("the first frame", timeout: 30) { $0.first?.contains("towns ·") ?? false }
        try tmux.send("M")  // `:messages`
        let messages = try tmux.waitUntil("the damage said in :messages", timeout: 20) {
            $0.joined().contains("快照有 1 块损坏")
        }
        XCTAssertTrue(messages.joined().contains("所示数字不受影响"), messages.joined(separator: "\n"))
        try tmux.send("q")
        _ = try session.waitForPrompt()
        // Rebuilt by a child in the background: the same bytes as before the damage.
        let deadline = Date().addingTimeInterval(60)
        var now = Data()
        while Date() < deadline {
            now = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            if now == original { break }
            usleep(200_000)
        }
        XCTAssertEqual(now, original, "the damaged snapshot was rebuilt")
    }
}

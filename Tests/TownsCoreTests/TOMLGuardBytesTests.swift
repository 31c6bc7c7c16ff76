@testable import TownsCore
import Foundation
import XCTest
import TownsSynthetic

/// `TOMLGuard` reads UTF-8 bytes; its answers (line, column in scalars, message) must be the
/// ones of the scalar version it replaced, kept here as the reference.
final class TOMLGuardBytesTests: XCTestCase {
    func testBytesGiveTheScalarAnswers() throws {
        var texts = [
            "", "\u{FEFF}", "\u{FEFF}[中]", "a = 1\n[中]\n", "[[é]]", "[!]", "x = \"é\"\n[", "[ \t\n", "[\r\n",
            "\u{FEFF}a = \"小镇\\0\"\n\u{0}", "名 = \"\u{0}\"", "a = \"\"\"\n[中]\n\"\"\"\n[é]", "a = \'\'\'x\n\'\'\'\'\'\n[中]",
            "a = [\n[中]]\n[b]\n[\u{301}]", "a = \"x\\\ny\"\n[中]", "  [[ \"小镇\" ]]\n[-a]\n[ 中 ]", "# [中]\n{[中]}\n[中]",
            "a = \"\"\"x\\\n\"\"\"\n\t[é]", "a = \"é\"  [b]\n  \u{3000}[中]", "[[a]]\nb = \"\u{1F600}\"\n[\u{1F600}]",
        ]
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["Fuzz/corpus/loader", "Fuzz/regressions/loader", "Data"] {
            let dir = root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".toml") {
                if let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
            }
        }
        XCTAssertGreaterThan(texts.count, 30)
        // Each text cut short at a few places and with bytes of trouble put in: every kind of
        // problem, at every kind of place.
        var generator = SplitMix64(seed: 7)
        let inserts = ["[中]", "\n[中]", "\u{0}", "\"", "\'\'\'", "\"\"\"", "\\", "\n[", "[", "]", "{", "\n\u{FEFF}[é]", "\r\n[!]", "#", "\u{301}"]
        var cases: [String] = []
        for text in texts {
            cases.append(text)
            let scalars = Array(text.unicodeScalars)
            for _ in 0..<12 where !scalars.isEmpty {
                var copy = scalars
                let at = Int(generator.next() % UInt64(copy.count + 1))
                copy.insert(contentsOf: inserts[Int(generator.next() % UInt64(inserts.count))].unicodeScalars, at: at)
                let cut = Int(generator.next() % UInt64(copy.count + 1))
                var s = String.UnicodeScalarView()
                s.append(contentsOf: copy[..<max(cut, at)])
                cases.append(String(s))
            }
        }
        var problems = 0
        for text in cases {
            let expected = ScalarGuardReference.problem(in: text)
            XCTAssertEqual(TOMLGuard.problem(in: text), expected, text.debugDescription)
            if expected != nil { problems += 1 }
        }
        XCTAssertGreaterThan(problems, 50)
    }
}

/// A `#` after a table header starts a comment: quotes in it open no string, so the lines
/// after it are checked (fuzz-settings found `[keys] # """` then a lone `[`, which toml++
/// asserts on, in CI's run of 2026-12-04).
final class TOMLGuardHeaderCommentTests: XCTestCase {
    func testQuotesInAHeadersCommentHideNothing() throws {
        let lone = try XCTUnwrap(TOMLGuard.problem(in: "[keys] # \"\"\"\n[\n"))
        XCTAssertEqual([lone.line, lone.column], [2, 2])
        XCTAssertEqual(TOMLGuard.problem(in: "[keys] # '''x\n[中]\n")?.line, 2)
        XCTAssertEqual(TOMLGuard.problem(in: "[[a]] # \"\n[é]\n")?.line, 2)
        // A `#` inside a quoted key is part of the key, not a comment.
        XCTAssertNil(TOMLGuard.problem(in: "[\"a#\"] # \"\nc = 1\n"))
        XCTAssertEqual(TOMLGuard.problem(in: "[\"a#\" . b] # \"\"\"\n[!]\n")?.line, 2)
    }

    func testTheCrashCIFoundIsASyntaxErrorOfItsFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("Fuzz/regressions/loader/crash-f799493d-header-comment-quotes.toml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let problem = try XCTUnwrap(TOMLGuard.problem(in: text))
        XCTAssertEqual(problem.line, 4, problem.message)
        XCTAssertTrue(problem.message.contains("the end of the line"), problem.message)
    }
}

/// The scalar version of `TOMLGuard.problem(in:)`, as it stood before it read bytes.
private enum ScalarGuardReference {
    static func problem(in text: String) -> TOMLGuard.Problem? {
        let s = Array(text.unicodeScalars)
        let n = s.count
        if let nul = s.firstIndex(of: "\0") {
            let before = s[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = nul - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
            return TOMLGuard.Problem(line: line, column: column, message: "a NUL byte (0x00): not text; a TOML file holds no NUL")
        }
        var i = s.first == "\u{FEFF}" ? 1 : 0  // a byte-order mark, which the parser skips
        var line = 1
        var lineStart = i
        // Open `[` and `{` of values (arrays may span lines); a `[` at the start of a
        // statement with none open is a table header.
        var depth = 0
        var open: [Unicode.Scalar] = []
        var valueDue = false
        var atStatementStart = true

        func column(_ index: Int) -> Int { index - lineStart + 1 }
        func newline(at index: Int) {
            line += 1
            lineStart = index + 1
        }
        /// Skips a string starting at `i` (a quote); multi-line strings may hold newlines.
        func skipString() {
            let quote = s[i]
            let basic = quote == "\""
            if i + 2 < n, s[i + 1] == quote, s[i + 2] == quote {
                i += 3
                while i < n {
                    if basic && s[i] == "\\" {
                        if i + 1 < n, s[i + 1] == "\n" { newline(at: i + 1) }  // a line-ending backslash
                        i += 2
                        continue
                    }
                    if s[i] == "\n" { newline(at: i) }
                    if s[i] == quote, i + 2 < n, s[i + 1] == quote, s[i + 2] == quote {
                        i += 3
                        var extra = 0  // up to two quotes may end the content
                        while extra < 2, i < n, s[i] == quote { i += 1; extra += 1 }
                        return
                    }
                    i += 1
                }
                return
            }
            i += 1
            while i < n, s[i] != "\n" {
                if basic && s[i] == "\\" {
                    if i + 1 < n, s[i + 1] == "\n" { return }  // unterminated: the parser says so
                    i += 2
                    continue
                }
                if s[i] == quote { i += 1; return }
                i += 1
            }
        }

        while i < n {
            let c = s[i]
            switch c {
            case "\n":
                newline(at: i)
                atStatementStart = depth == 0
                i += 1
            case " ", "\t", "\r":
                i += 1
            case "#":
                while i < n, s[i] != "\n" { i += 1 }
            case "\"", "'":
                skipString()
                atStatementStart = false
                valueDue = false
            case "," where depth > 0:
                atStatementStart = false
                valueDue = open.last == "["
                i += 1
            case "[" where atStatementStart && depth == 0:
                var j = i + 1
                if j < n, s[j] == "[" { j += 1 }
                while j < n, s[j] == " " || s[j] == "\t" { j += 1 }
                if j < n {
                    let k = s[j]
                    let bare = (k.isASCII && (k.properties.isAlphabetic || ("0"..."9").contains(k))) || k == "_" || k == "-"
                    if !(bare || k == "\"" || k == "'" || k == "]") {
                        let shown = k == "\n" || k == "\r" ? "the end of the line" : "'\(k)'"
                        return TOMLGuard.Problem(line: line, column: column(j),
                                       message: "a table header must start with a key (ASCII letters, digits, - or _, or a quoted key such as [\"小镇\"]), saw \(shown)")
                    }
                }
                // The rest of the header line: keys, dots, brackets, maybe a comment.
                atStatementStart = false
                i = j
                while i < n, s[i] != "\n" {
                    if s[i] == "#" {
                        while i < n, s[i] != "\n" { i += 1 }
                        break
                    }
                    if s[i] == "\"" || s[i] == "'" { skipString(); continue }
                    i += 1
                }
            case "[", "{":
                depth += 1
                open.append(c)
                valueDue = c == "["
                atStatementStart = false
                i += 1
            case "]", "}":
                if c == "}", valueDue {
                    return TOMLGuard.Problem(line: line, column: column(i), message: "expected a value in the array, saw '}'")
                }
                depth = max(0, depth - 1)
                _ = open.popLast()
                valueDue = false
                atStatementStart = false
                i += 1
            default:
                atStatementStart = false
                valueDue = false
                i += 1
            }
        }
        return nil
    }
}

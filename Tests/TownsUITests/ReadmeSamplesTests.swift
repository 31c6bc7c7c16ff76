import Foundation
import XCTest

/// README's screen samples are the whole-screen golden files, so they cannot drift from the
/// screens again (a fresh user found the overview's old legend and counts, and a towns view
/// without its `7 变化` tab). A sample says which file it is on the line before its block:
/// `<!-- golden: Tests/TownsUITests/Screens/overview-100x30-zh.txt -->` (an HTML comment, not
/// shown when the README is rendered), or a part of it: `<!-- golden: PATH lines 4-15 -->` (the
/// file's lines 4 to 15, counted from 1). After re-recording goldens, copy each named file (or
/// its lines) into its block; a failure prints the lines that differ.
final class ReadmeSamplesTests: XCTestCase {
    /// Each sample that names a golden file: the file, the README line of its first text line,
    /// and the block's lines.
    static func samples(_ readme: String) -> [(file: String, range: ClosedRange<Int>?, line: Int, lines: [String])] {
        let lines = readme.components(separatedBy: "\n")
        var out: [(String, ClosedRange<Int>?, Int, [String])] = []
        let prefix = "<!-- golden: ", suffix = " -->"
        for (i, line) in lines.enumerated() where line.hasPrefix(prefix) && line.hasSuffix(suffix) {
            let words = line.dropFirst(prefix.count).dropLast(suffix.count).split(separator: " ")
            let file = String(words.first ?? "")
            var range: ClosedRange<Int>?
            if words.count == 3, words[1] == "lines" {
                let ends = words[2].split(separator: "-").compactMap { Int($0) }
                if ends.count == 2, ends[0] >= 1, ends[0] <= ends[1] { range = ends[0]...ends[1] }
            }
            guard i + 1 < lines.count, lines[i + 1].hasPrefix("```"), words.count == 1 || range != nil else {
                out.append((file, range, i + 1, ["(no ``` block after the comment, or not 'lines A-B')"]))
                continue
            }
            let body = lines[(i + 2)...].prefix { !$0.hasPrefix("```") }
            out.append((file, range, i + 3, Array(body)))
        }
        return out
    }

    func testEverySampleThatNamesAGoldenFileIsThatFile() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let samples = Self.samples(readme)
        // The home screen and the towns view, at least (a sample whose comment was lost is not checked).
        for wanted in ["overview-100x30-zh.txt", "towns-100x30-zh.txt"] {
            XCTAssertTrue(samples.contains { $0.file.hasSuffix("/" + wanted) }, "README names no sample \(wanted)")
        }
        for sample in samples {
            let path = repositoryRoot + "/" + sample.file
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                XCTFail("README.md:\(sample.line): no golden file \(sample.file)")
                continue
            }
            var golden = text.components(separatedBy: "\n")
            if golden.last == "" { golden.removeLast() }
            if let range = sample.range {
                guard range.upperBound <= golden.count else {
                    XCTFail("README.md:\(sample.line): \(sample.file) has \(golden.count) lines, not \(range)")
                    continue
                }
                golden = Array(golden[(range.lowerBound - 1)...(range.upperBound - 1)])
            }
            guard golden != sample.lines else { continue }
            var diff: [String] = []
            for i in 0..<max(golden.count, sample.lines.count) {
                let a = i < sample.lines.count ? sample.lines[i] : "(none)"
                let b = i < golden.count ? golden[i] : "(none)"
                if a != b { diff += ["README.md:\(sample.line + i):", "  README: \(a)", "  golden: \(b)"] }
            }
            let part = sample.range.map { "lines \($0.lowerBound)-\($0.upperBound)" } ?? ""
            XCTFail("README's sample differs from \(sample.file) \(part)"
                    + " (copy the file into the block):\n"
                    + diff.joined(separator: "\n"))
        }
    }
}

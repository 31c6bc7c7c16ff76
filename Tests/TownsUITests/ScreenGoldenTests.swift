import Foundation
import TownsCore
import TownsUI
import XCTest

/// Whole screens compared line by line with text files kept beside the tests
/// (`Tests/TownsUITests/Screens/NAME.txt`): every top view, a town's page, the city's totals
/// and the help, at 80x24 and 100x30 (the towns view at 60x14 too), in Chinese and English, on the bundled data.
///
/// `TOWNS_RECORD=1 swift test --filter ScreenGoldenTests` rewrites the files from what the
/// screens show now (then read the diff before committing it). A mismatch prints the lines
/// that differ, expected above actual.
final class ScreenGoldenTests: XCTestCase {
    /// The screens compared: a name for the file, and how to reach the screen from the start.
    static let screens: [(name: String, actions: [Action])] = [
        ("towns", []),
        ("types", [.showView(.typeList)]),
        ("entities", [.showView(.entityList)]),
        ("assessment", [.showView(.assessment)]),
        ("province", [.showView(.province)]),
        ("town-haining", [.open]),
        // The full year's ◇>14 (another basis): no expectation against the plan, and why (wave 6).
        ("town-haining-2015-12", [.open, .nextPeriod, .pageDown]),
        ("city-totals", [.last, .moveDown, .open]),
        ("help", [.toggleHelp]),
        ("overview", [.showView(.overview)]),
        // Wave 7: the full year's ◇63.06 (another basis) alone, not `◇63.06 / 106.8`, and why.
        ("overview-2015-12", [.showView(.overview), .nextPeriod]),
        ("changes", [.showView(.changes)]),
        // Issue 15 point 8: `b` keeps every column where it was; a type's long name in the breadcrumb.
        ("towns-behind", [.toggleBehindFilter]),
        ("type-1", [.showView(.typeList), .open]),
        // The presentation layout (`P`), for a projector: at 80x24 only.
        ("presentation-towns", [.meeting(.togglePresentation)]),
        ("presentation-types", [.meeting(.togglePresentation), .showView(.typeList)]),
        // Wave 6: sorted by the plan, its mark parted from the next title (was `年计划↓完成`).
        ("towns-sorted-plan", [.sortNextColumn, .sortNextColumn, .sortNextColumn, .sortNextColumn]),
        // Wave 8: the sort chooser lists every column's key (`c` Δ完成率, `d` 名次 at 80 columns too).
        ("towns-sort-chooser", [.chooseSort(descending: true)]),
    ]

    /// The sizes a screen is compared at.
    static func sizes(of name: String) -> [(Int, Int)] {
        if name.hasPrefix("presentation-") { return [(80, 24)] }
        return sizes + (name == "overview" ? overviewSizes : []) + (name == "towns" ? smallestSizes : [])
    }

    /// The towns view is also compared at the smallest size drawn (wave 8: its bar, 5 cells at least).
    static let smallestSizes = [(60, 14)]

    /// The overview is also compared on a large screen (its panels follow the size).
    static let overviewSizes = [(200, 60)]

    static let sizes = [(80, 24), (100, 30)]

    func testEveryScreenAsRecorded() throws {
        let base = try bundledState()
        let record = ProcessInfo.processInfo.environment["TOWNS_RECORD"] == "1"
        var compared = 0
        for (name, actions) in Self.screens {
            for (w, h) in Self.sizes(of: name) {
                for language in Language.allCases {
                    var state = base
                    state.language = language
                    state = update(state, .resize(width: w, height: h))
                    state = actions.reduce(state) { update($0, $1) }
                    state.message = nil
                    let actual = screen(state)
                    let file = Self.folder + "/\(name)-\(w)x\(h)-\(language.rawValue).txt"
                    if record {
                        try (actual.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
                        continue
                    }
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                        XCTFail("\(file) is missing: run TOWNS_RECORD=1 swift test --filter ScreenGoldenTests")
                        continue
                    }
                    let expected = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
                    if let diff = Self.diff(expected: expected, actual: actual) {
                        XCTFail("\(name) at \(w)x\(h) in \(language) differs from \(file):\n\(diff)")
                    }
                    compared += 1
                }
            }
        }
        if !record {
            let expected = Self.screens.map { Self.sizes(of: $0.name).count }.reduce(0, +)
            XCTAssertEqual(compared, expected * Language.allCases.count)
        }
    }

    /// The recorded screens are the sizes they say (a file cut short would compare as a
    /// shorter screen and hide rows); lines are kept without their trailing blanks.
    func testRecordedFilesHaveTheirSize() throws {
        for (name, _) in Self.screens {
            for (w, h) in Self.sizes(of: name) {
                for language in Language.allCases {
                    let file = Self.folder + "/\(name)-\(w)x\(h)-\(language.rawValue).txt"
                    let text = try String(contentsOfFile: file, encoding: .utf8)
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    XCTAssertEqual(lines.count, h, file)
                    for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), w, "\(file): \(line)") }
                }
            }
        }
    }

    func testTheDiffNamesTheLinesThatDiffer() {
        XCTAssertNil(Self.diff(expected: ["a", "b"], actual: ["a", "b"]))
        let diff = Self.diff(expected: ["a", "b", "c"], actual: ["a", "x", "c", "d"])
        XCTAssertEqual(diff, "line 2:\n- b\n+ x\nline 4:\n- (none)\n+ d")
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Screens"

    /// The lines that differ, each as its number, `- expected` and `+ actual`; nil when equal.
    static func diff(expected: [String], actual: [String]) -> String? {
        var out: [String] = []
        for i in 0..<max(expected.count, actual.count) {
            let e = i < expected.count ? expected[i] : nil
            let a = i < actual.count ? actual[i] : nil
            guard e != a else { continue }
            out.append("line \(i + 1):\n- \(e ?? "(none)")\n+ \(a ?? "(none)")")
        }
        return out.isEmpty ? nil : out.joined(separator: "\n")
    }
}

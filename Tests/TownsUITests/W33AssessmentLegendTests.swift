import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// The assessment's legend under its table lists only the verdict marks its cells draw (wave 32's
/// fresh user: at Jan-Sep it listed `✓ 达标 ✗ 未达标` though no cell drew either), as the
/// legend line lists only the marks shown (`LegendTruthTests`).
final class W33AssessmentLegendTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    static let words: [Language: [(String, String)]] = [
        .zh: [("✓", "✓ 达标"), ("✗", "✗ 未达标"), ("?", "? 不能判定"), ("○", "○ 未到期")],
        .en: [("✓", "✓ met"), ("✗", "✗ not met"), ("?", "? cannot be judged"), ("○", "○ not yet due")],
    ]

    /// The verdict marks in the table's cells (the towns' rows and the city's, above the notes)
    /// and those the legend note lists.
    func marks(_ lines: [String], _ language: Language) throws -> (drawn: Set<String>, listed: Set<String>) {
        let legendRow = try XCTUnwrap(lines.firstIndex { $0.contains(language == .zh ? "3年 期限=" : "3y term:") })
        let table = lines[4..<legendRow].filter { !$0.contains("首年最低投资") && !$0.contains("first-year minimum") }
        var drawn = Set<String>()
        for line in table {
            // The cells after the name: each a mark standing alone.
            for word in line.split(separator: " ") where ["✓", "✗", "?", "○", "?!"].contains(String(word)) {
                drawn.insert(String(word.prefix(1)))
            }
        }
        let legend = lines[legendRow]
        let listed = Set(Self.words[language]!.filter { legend.contains($0.1) }.map(\.0))
        return (drawn, listed)
    }

    /// Every period of the bundled data in each language: exactly the marks drawn are listed; at
    /// Jan-Sep (no ✓, no ✗ drawn) the legend starts `? 不能判定  ○ 未到期`.
    func testTheLegendListsOnlyTheVerdictsTheCellsDraw() throws {
        let dataset = try bundledState().dataset
        for period in dataset.periods.map(\.id) {
            for language in [Language.zh, .en] {
                var s = try bundledState(width: 160, height: 50, period: period)
                s.language = language
                s = update(s, .showView(.assessment))
                let lines = screen(s)
                let (drawn, listed) = try marks(lines, language)
                XCTAssertEqual(listed, drawn, "\(period) \(language):\n\(lines.joined(separator: "\n"))")
            }
        }
        var s = try bundledState(width: 160, height: 50, period: "2015-09")
        s = update(s, .showView(.assessment))
        XCTAssertTrue(screen(s).contains { $0.hasPrefix(" ? 不能判定  ○ 未到期  3年 期限=创建期年数，不考核") },
                      screen(s).joined(separator: "\n"))
        s.language = .en
        XCTAssertTrue(screen(s).contains { $0.hasPrefix(" ? cannot be judged  ○ not yet due  3y term:") },
                      screen(s).joined(separator: "\n"))
        // With a filter on (the city's marks left out: its row is the notes' row), the towns' own.
        s = try bundledState(width: 160, height: 50, period: "2015-12")
        s = update(s, .runCommand("filter county 嘉善县"))
        s = update(s, .showView(.assessment))
        let (drawn, listed) = try marks(screen(s), .zh)
        XCTAssertEqual(listed, drawn, screen(s).joined(separator: "\n"))
        XCTAssertFalse(drawn.contains("✓"), "Jiashan's first year is undecided: \(screen(s).joined(separator: "\n"))")
    }

    /// From a snapshot the whole city's stored rule counts choose the legend's entries (no town
    /// judged again): the same screen as from the text, in every language and several periods.
    func testFromASnapshotTheLegendIsTheTexts() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 200, months: 14, seed: 33, folders: folders,
                                                     name: "w33legend")
        let snapshotFacts = Facts(dataset: loaded.dataset, derived: try XCTUnwrap(loaded.derived))
        for language in Language.allCases {
            for p in [0, 8, text.periods.count - 1] {
                let screens = [AppState(dataset: text, width: 160, height: 60),
                               AppState(facts: snapshotFacts, width: 160, height: 60)].map { s -> [String] in
                    var s = s
                    s.language = language
                    s.periodIndex = p
                    return screen(apply(s, .showView(.assessment)))
                }
                XCTAssertEqual(screens[0], screens[1], "\(language) period \(p)")
            }
        }
    }
}

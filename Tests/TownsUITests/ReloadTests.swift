import Foundation
import TownsCore
import TownsUI
import XCTest

/// Live reload: the view, stack, period and selection carried over to reloaded data.
final class ReloadTests: XCTestCase {
    func bundled() throws -> Dataset { try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset }

    /// The bundled data with a period added (as a monthly import would), oldest first.
    func withPeriod(_ id: String, year: Int, through: Int) throws -> Dataset {
        var d = try bundled()
        let template = d.periods[0]
        var p = template
        p.id = id; p.year = year; p.through = through; p.labelZH = id; p.labelEN = id
        d.periods.append(p)
        d.periods.sort { ($0.year, $0.through) < ($1.year, $1.through) }
        return d
    }

    func testStackSelectionAndPeriodCarryOver() throws {
        // Types view, type 1's towns, second town selected, its page open and scrolled; Jan-Sep.
        var s = try bundledState(width: 100, height: 20, period: "2015-09")
        s = apply(s, .showView(.typeList), .open, .moveDown, .open, .moveDown, .moveDown)
        let before = s.stack
        XCTAssertEqual(before.map(\.kind), [.typeList, .townsOfType(1), .townPage("tongxiang")])
        XCTAssertEqual(s.selectionRow(before[1]), 1)
        XCTAssertEqual(before[2].scroll, 2)
        s.dataChangedAt = "10:00:00"
        // A month before every other arrives: the period's index moves, its id does not.
        let r = reloaded(s, with: try withPeriod("2015-07", year: 2015, through: 7))
        XCTAssertEqual(r.stack, before)
        XCTAssertEqual(r.period?.id, "2015-09")
        XCTAssertEqual(r.periodIndex, 2)
        XCTAssertEqual(r.dataset.periods.map(\.id), ["2015-07", "2015-08", "2015-09", "2015-12"])
        XCTAssertEqual(r.width, 100)
        XCTAssertEqual(r.height, 20)
        XCTAssertEqual(r.dataChangedAt, "10:00:00", "left for the caller to set")
        // The same lines of the town's page are on screen; the title counts one period more.
        XCTAssertEqual(Array(screen(r)[3..<18]), Array(screen(s)[3..<18]))
        XCTAssertTrue(screen(r)[0].contains("期间 [ 2015年1-9月 ] 3/4"), screen(r)[0])
    }

    func testNewFiguresShowInTheSameView() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = apply(s, .moveDown, .moveDown, .moveDown)  // 南湖基金小镇
        var d = try bundled()
        let i = d.towns.firstIndex { $0.id == "tongxiang" }!
        d.towns[i].figures[FigureKey(.completed, "2015-09")] = Figure(quantity: .exact(Decimal(string: "11.11")!, decimals: 2),
                                                                       provenance: .reported(source: "paper", at: nil, quote: nil, note: nil))
        let r = reloaded(s, with: d)
        XCTAssertEqual(r.selection, 3)
        let row = try XCTUnwrap(screen(r).first { $0.contains("桐乡毛衫") })
        XCTAssertTrue(row.contains("11.11"), row)
        XCTAssertFalse(try XCTUnwrap(screen(s).first { $0.contains("桐乡毛衫") }).contains("11.11"))
    }

    func testSelectionIsClampedAndGoneScreensAreLeft() throws {
        // Last town selected; the reloaded data has three towns.
        var s = try bundledState(period: "2015-09")
        s = apply(s, .last, .moveUp)  // End reaches the totals row; the last town is above it
        XCTAssertEqual(s.selection, 4)
        var d = try bundled()
        d.towns.removeAll { $0.id == "nanhu" || $0.id == "haiyan" }
        var r = reloaded(s, with: d)
        XCTAssertEqual(r.stack.map(\.kind), [.townList])
        XCTAssertEqual(r.selection, 2)

        // A town's page whose town is gone: back to the list above it.
        s = apply(try bundledState(period: "2015-09"), .showView(.entityList), .open, .open)
        XCTAssertEqual(s.stack.map(\.kind), [.entityList, .townsOfEntity("haining-leather-city"), .townPage("haining")])
        d = try bundled()
        d.towns.removeAll { $0.id == "haining" }
        r = reloaded(s, with: d)
        XCTAssertEqual(r.stack.map(\.kind), [.entityList, .townsOfEntity("haining-leather-city")])
        XCTAssertEqual(r.selection, 0, "the entity now has no towns: selection 0")

        // Everything below a gone entity is left too.
        d = try bundled()
        d.entities.removeAll { $0.id == "haining-leather-city" }
        r = reloaded(s, with: d)
        XCTAssertEqual(r.stack.map(\.kind), [.entityList])
    }

    func testAPeriodGoneFallsBackToTheLatestNotAfterIt() throws {
        let s = try bundledState(period: "2015-09")
        var d = try bundled()
        d.periods.removeAll { $0.id == "2015-09" }
        XCTAssertEqual(reloaded(s, with: d).period?.id, "2015-08")
        d.periods.removeAll { $0.id == "2015-08" }
        XCTAssertEqual(reloaded(s, with: d).period?.id, "2015-12", "none before it: the first")
    }

    func testHelpMessageAndQuitAreKeptAndTheProblemCleared() throws {
        var s = try bundledState()
        s.showHelp = true
        s.message = "期间 period: x"
        s.reloadProblem = "数据未更新 not reloaded: monthly/2015-10.toml:3: figure[1]: ..."
        let r = reloaded(s, with: try bundled())
        XCTAssertTrue(r.showHelp)
        XCTAssertEqual(r.message, "期间 period: x")
        XCTAssertNil(r.reloadProblem)
    }

    func testStatusLineShowsWhenDataChangedAndAReloadProblem() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.dataChangedAt = "14:02:11"
        var lines = screen(s)
        XCTAssertTrue(lines[2].contains("数据载入 14:02:11"), lines[2])
        XCTAssertTrue(lines[0].hasPrefix(" towns · 嘉兴市首批省级特色小镇（2015）") && lines[0].hasSuffix("期间 [ 2015年1-9月 ] 2/3"), lines[0])
        XCTAssertTrue(screen({ var n = s; n.width = 80; return n }())[0].contains("嘉兴市首批省级特色小镇（2015）"), "the title stays whole at 80 columns")
        s.reloadProblem = "数据未更新 not reloaded: monthly/2015-10.toml:12: figure[2].value: '1.2.3' is not a decimal number"
        lines = screen(s)
        XCTAssertEqual(lines[28].trimmingCharacters(in: .whitespaces), s.reloadProblem)
        XCTAssertEqual(plainRenderer.render(s)[1, 28].style, plainRenderer.theme.style(.warning))
        // A message (the last key's) comes first; the problem is back after the next key.
        s = apply(s, .nextPeriod)
        XCTAssertTrue(screen(s)[28].contains("期间："))
        s = apply(s, .moveDown)
        XCTAssertTrue(screen(s)[28].contains("数据未更新"))
        // Narrow: the time gives way to the title and the period.
        s.width = 60
        XCTAssertFalse(screen(s)[0].contains("数据载入"), screen(s)[0])
    }
}

import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 30's fresh user, items of wave 31's print, meeting-words and signal-words helper: a printed
/// page's legend wrapped to its width, the overview's filter chip naming the province at province
/// scope, `f` after a meeting ended or was left naming `:follow NAME`, the follower's and the
/// lone browser's hint lines.
final class W31PrintTests: XCTestCase {
    /// A printed town page (`towns report --town tongxiang --width W`, `fits`) at 80 and 60
    /// columns: no line wider, the legend's meanings hanging under their meaning.
    func testAPrintedPagesLegendIsWrappedToItsWidth() throws {
        for language in [Language.en, .zh] {
            for width in [80, 60] {
                var s = try bundledState(width: width, height: 200, period: "2015-09")
                s.language = language
                s.stack = [Screen(.townList), Screen(.townPage("tongxiang"))]
                let text = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode, width: width, fits: true)).text
                let lines = text.components(separatedBy: "\n")
                let widest = lines.map(DisplayWidth.of).max() ?? 0
                XCTAssertLessThanOrEqual(widest, width, "\(language) \(width): "
                    + (lines.first { DisplayWidth.of($0) > width } ?? ""))
                // The entities' references whole (the screen moves `reported: paper 二(二)` whole).
                XCTAssertFalse(lines.contains { $0.hasSuffix("二(") }, "\(language) \(width)")
                XCTAssertEqual(lines.filter { $0.contains(language == .en ? "paper 二(二)" : "paper 二(二)") }.count >= 5,
                               true, "\(language) \(width)")
            }
        }
    }

    func testAHangingWrapKeepsTheMeaningUnderItself() {
        let line = "?   not known: a figure is missing, the figures disagree (a check fails), or the reports"
        XCTAssertEqual(TextWrap.legendIndent(line), 4)
        XCTAssertEqual(TextWrap.wrapHanging(line, width: 50, indent: 4), [
            "?   not known: a figure is missing, the figures",
            "    disagree (a check fails), or the reports",
        ])
        // A line that fits is as it is.
        XCTAssertEqual(TextWrap.wrapHanging("≈  推算", width: 50, indent: 3), ["≈  推算"])
    }

    /// On province data (generated: 浙江省) the overview's filter chip names the province's row, as
    /// the row itself (`全省 浙江省`) does; a city's (the bundled 嘉兴市) as before.
    func testTheOverviewsChipNamesTheProvinceAtProvinceScope() throws {
        XCTAssertEqual(Catalogue.filterPartlyOverview("浙江省"), Bilingual("全省行为报告数", "province row as reported"))
        XCTAssertEqual(Catalogue.filterPartlyOverview("嘉兴市"), Bilingual("全市行为报告数", "city row as reported"))
        var dataset = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        dataset.regionZH = "浙江省"
        dataset.regionEN = "Zhejiang"
        var s = AppState(dataset: dataset, width: 120, height: 30)
        s = apply(s, .showView(.townList), .toggleBehindFilter, .showView(.overview))
        XCTAssertTrue(s.filter.behindSchedule)
        for language in [Language.zh, .en] {
            s.language = language
            let chip = s.filterChip(clearKey: "c", separator: " · ")
            XCTAssertTrue(chip.contains(language == .zh ? "全省行为报告数" : "province row as reported"), chip)
            XCTAssertFalse(chip.contains(language == .zh ? "全市" : "city row"), chip)
        }
    }

    /// `f` once the meeting ended, or after `:follow off`, names `:follow NAME` (it repeated why the
    /// meeting ended, or that this follower left).
    func testFAfterTheMeetingEndedOrWasLeftNamesFollow() throws {
        for language in [Language.zh, .en] {
            var ended = try w25Follower(language)
            ended = update(ended, .meeting(.ended("meeting ended", both: Bilingual("会议已结束", "meeting ended"))))
            ended = update(ended, .meeting(.toggleFollow))
            XCTAssertEqual(ended.message, language == .zh
                ? "会议 m3 已结束，f 无处可回；再次主持后 :follow m3 加入"
                : "meeting m3 ended, f has nothing to rejoin; :follow m3 once presented again")
            var left = try w25Follower(language)
            left = update(left, .meeting(.left))
            left = update(left, .meeting(.toggleFollow))
            XCTAssertEqual(left.message, language == .zh
                ? "已离开会议 m3，f 无处可回；:follow m3 重新加入"
                : "left meeting m3: f has nothing to rejoin; :follow m3 joins it again")
            // Whole on the status line at 80 columns.
            XCTAssertEqual(screen(ended)[22].trimmingCharacters(in: .whitespaces), ended.message)
            XCTAssertEqual(screen(left)[22].trimmingCharacters(in: .whitespaces), left.message)
        }
    }

    /// Following, `t` (this follower's own theme) is on the hint line at 80 columns beside `y`;
    /// browsing alone (`f`), the arrows and q stay at 80 and 100 columns, `/` and `y` with them, the
    /// chip short where the full one would cost a key (the sort and `b` give way first).
    func testTheFollowersAndTheLoneBrowsersHintLines() throws {
        let p = try bundledState(width: 120, height: 40, period: "2015-09")
        for language in [Language.zh, .en] {
            let zh = language == .zh
            for width in [80, 100] {
                let f = try w25Followed(try w25Follower(language, width: width), p)
                let following = screen(f)[f.height - 1]
                // `L` too since wave 38, `f alone` where that makes room for it (English at 80).
                let f80 = width == 80 ? "f alone" : "f browse alone"
                for key in zh ? ["t 主题", "y 复制", "q 退出", "f 独自浏览", "L English"] : ["t theme", "y copy", "q quit", f80, "L 中文"] {
                    XCTAssertTrue(following.contains(key), "\(language) \(width): \(following)")
                }
                var alone = update(f, .meeting(.toggleFollow))
                alone.message = nil
                let line = screen(alone)[alone.height - 1]
                for key in ["↑↓", zh ? "q 退出" : "q quit", zh ? "/ 搜索" : "/ ", zh ? "y 复制" : "y copy",
                            zh ? "e 导出" : "e export", "? "] {
                    XCTAssertTrue(line.contains(key), "\(language) \(width): \(key): \(line)")
                }
                XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix(zh ? "独自浏览 · f 回到会议" : "alone · f rejoins"),
                              line)
            }
        }
    }
}

/// Ctrl-Z that reaches the keys (it could not suspend: no job-control shell, `Signals`) is answered
/// on the status line, in the interface's language.
final class W31SuspendWordsTests: XCTestCase {
    func testCtrlZAsAKeySaysWhyItDidNotSuspend() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 100, height: 30, period: "2015-09")
            s.language = language
            s = update(s, .unboundKey(.ctrl("z")))
            XCTAssertEqual(s.message, language == .zh
                ? "Ctrl-Z 未挂起：此终端没有可返回的 shell（无作业控制）；q 退出"
                : "Ctrl-Z did not suspend: no shell to return to in this terminal (no job control); q quits")
            XCTAssertEqual(screen(s)[28].trimmingCharacters(in: .whitespaces), s.message)
        }
    }
}

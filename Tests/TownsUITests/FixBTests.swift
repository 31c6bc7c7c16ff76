import TownsCore
import XCTest

@testable import TownsUI

/// Wave 10 (w10-fixb): `e` on pages' hint lines, and a zero count left out of the towns view's note.
final class FixBTests: XCTestCase {
    /// A page's hint line names `e` (export works there) at 80 and 100 columns in both languages,
    /// kept as on lists whatever else gives way.
    func testPagesHintExport() throws {
        for (width, height) in [(80, 24), (100, 30)] {
            for language in Language.allCases {
                var s = try bundledState(width: width, height: height)
                s.language = language
                let name = s.dataset.regionEN
                for t in [update(s, .open), runCommand(s, "town " + name)] {
                    XCTAssertTrue(t.screen.kind.isPage, "\(t.screen.kind)")
                    let label = t.tr(Catalogue.hintExport)
                    let shown = Renderer.keyHints(t, width: width)
                    XCTAssertTrue(shown.contains { $0 == ("e", label) }, "\(shown) \(t.screen.kind) \(width)")
                    XCTAssertTrue(screen(t)[height - 1].contains(" e \(label)"), screen(t)[height - 1])
                }
            }
        }
    }

    /// The note on what the same-towns rule leaves out names only the counts above 0.
    func testLeftOutNoteOmitsZeroCounts() {
        let onlyDone = Catalogue.leftOutOfTheSums(0, 1)
        XCTAssertFalse(onlyDone.zh.contains("0 个"), onlyDone.zh)
        XCTAssertTrue(onlyDone.zh.contains("另有 1 个小镇的完成数缺少"), onlyDone.zh)
        XCTAssertFalse(onlyDone.en.contains("0 towns"), onlyDone.en)
        XCTAssertTrue(onlyDone.en.contains("1 town's completed amount without"), onlyDone.en)
        XCTAssertTrue(onlyDone.en.hasSuffix(") is left out"), onlyDone.en)  // one figure: singular (wave 21)
        let onlyPlans = Catalogue.leftOutOfTheSums(2, 0)
        XCTAssertTrue(onlyPlans.zh.contains("另有 2 个小镇的年计划缺少"), onlyPlans.zh)
        XCTAssertFalse(onlyPlans.en.contains("completed amounts"), onlyPlans.en)
        let both = Catalogue.leftOutOfTheSums(2, 3)
        XCTAssertTrue(both.zh.contains("2 个小镇的年计划、3 个小镇的完成数"), both.zh)
        XCTAssertTrue(both.en.contains("2 towns' plans and 3 towns' completed amounts"), both.en)
    }
}

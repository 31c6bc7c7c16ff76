import Foundation
import TownsCore

/// Wave 33 (w33-rank): words of session 26's fresh user's place findings.
extension Catalogue {
    /// A town page's place whose order against other placed towns the rates' rounding cannot settle
    /// (`AppState.placesWithinRounding`; F2: Haining's 83.3%, 83.25-83.35, against Nanhu's ≈83%,
    /// 82.98-83.65). `others`: those towns' names (at most three, `more` beyond them).
    static func placeWithinRounding(_ others: [String], more: Int) -> Bilingual {
        Bilingual(
            "；其完成率与" + others.joined(separator: "、") + (more > 0 ? " 等 \(more + others.count) 镇" : "")
                + "的按取整可能相同或次序相反：名次及其变动不能判定（列表标 ?）",
            "; its rate and " + others.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
                + "'s may be equal or in the other order within their rounding: the place and its move are"
                + " undecided (? in the list)")
    }

    /// A town page's move whose order in the period before (`before`) against another town placed
    /// in both periods the rates' rounding cannot settle (`AppState.movesWithinRounding`; wave 34,
    /// F3): the place shown is settled, its move is not.
    static func moveWithinRounding(_ others: [String], more: Int, before: Bilingual) -> Bilingual {
        Bilingual(
            "；" + before.zh + "其完成率与" + others.joined(separator: "、") + (more > 0 ? " 等 \(more + others.count) 镇" : "")
                + "的按取整可能相同或次序相反：名次变动不能判定",
            "; at " + before.en + " its rate and " + others.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
                + "'s may have been equal or in the other order within their rounding: the move is undecided")
    }
}

import Foundation
import TownsCore

/// Wave 34 (w34-ov): words of session 27's fresh user's overview findings.
extension Catalogue {
    /// The overview's changes panel under a filter that keeps no town: no town is listed, so
    /// nothing is said of their changes (F12: it said `无变化` / "no changes" of towns it does not show).
    static let overviewNoTownListed = Bilingual("筛选未留下任何镇：无镇可列", "no town listed: the filter keeps none")
    /// The towns-behind panel's heading where `overviewBehind` is cut by the panel column: the
    /// same count in fewer cells (`落后657镇`); the `?N` after it is kept (F5).
    static func overviewBehindShort(_ n: String) -> Bilingual { Bilingual("落后\(n)镇", "\(n) behind") }
    /// The scope of the overview's checks under a filter, in the figures column beside `核对`
    /// where `overviewChecksOfListed` is cut by the panel column (F6, cut at 120 columns).
    static func overviewChecksScope(_ n: Int) -> Bilingual {
        Bilingual("所列\(n)镇及全市行", EnglishCount.of(n, "town") + " and the city's row")
    }
    /// The scope of the overview's assessment counts under a filter, beside its heading (F11).
    static func overviewRulesScope(_ n: Int) -> Bilingual {
        Bilingual("所列\(n)镇", "of the " + EnglishCount.of(n, "town") + " listed")
    }
    /// `/` on the overview where no row shown matches but `n` towns listed do (their rows folded
    /// away at this window size): said, with the towns view's key, not "no match" (S).
    static func overviewMatchFolded(_ query: String, _ n: Int, key: String) -> Bilingual {
        Bilingual("「\(query)」在本窗口的概览中折叠未显示：小镇视图（\(key)）有 \(n) 个匹配",
                  "“\(query)” is folded away on the overview at this size: \(n) in the towns view (\(key))")
    }
}

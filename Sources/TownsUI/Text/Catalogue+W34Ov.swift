import Foundation
import TownsCore

/// Wave 34 (w34-ov): words of session 27's fresh user's overview findings.
extension Catalogue {
    /// The overview's changes panel under a filter that keeps no town: no town is listed, so
    /// nothing is said of their changes (F12: it said `无变化` / "no changes" of towns it does not show).
    static let overviewNoTownListed = Bilingual("筛选未留下任何镇：无镇可列", "no town listed: the filter keeps none")
}

import Foundation

/// Texts of the pages' explanations in the reader's language (issue 14 point 7): the town page's
/// remaining sentences and the city-totals page's.
extension Catalogue {
    static let countyReadFromName = Bilingual(
        "由小镇名称读出（来源未印县一栏）",
        "read from the town's name (the source prints no county column)")
    static let noSourceAttributesProblems = Bilingual(
        "没有来源把其中任何问题归于本小镇（论文是就各小镇整体而言的）。",
        "no source attributes any of these problems to this town (the paper names them for the towns as a group).")
}

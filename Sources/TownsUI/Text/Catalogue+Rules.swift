import Foundation

/// The catalogue's texts for the rules' verdicts (issue 14 points 6 and 7): the mark of a rule
/// not yet due and the assessment's legend, kept apart from the shared catalogue files so that
/// helpers changing both can merge.
extension Catalogue {
    static let exportMeansNotYetDue = Bilingual(
        "未到期：规则在所示期间之后才判定（创建期末、年底），目前的数字不能定论（规划不等于完成）",
        "not yet due: the rule is judged after the period shown (the creation period's or the year's end) and "
            + "nothing so far settles it (a plan is not a completion)")
    static let helpNotYetDue = Bilingual(
        "未到期 not yet due: 规则在所示期间之后判定（年底、创建期末）",
        "not yet due: a rule judged after the period shown (a plan is not a completion)")
}

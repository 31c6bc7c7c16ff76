import Foundation
import TownsCore

/// Wave 15 (w15-verdict): words of a rule's verdict left undecided because a failing consistency
/// check flags a figure it rests on (`RuleFinding.doubted`, `Assessment.evaluate`).
extension Catalogue {
    /// "undecided (?!): a failing check flags completed, 2015 Jan-Sep (inconsistency: …); as given: …".
    /// `figures`: the flagged figures named (`FindingWords.flagged`); `checks`: the failing checks,
    /// worded (`FindingWords.kind` and `message`); `asGiven`: the finding on the figures as given.
    static func doubtedVerdict(figures: String, checks: String, asGiven: String) -> Bilingual {
        let why = checks.isEmpty ? "" : "（\(checks)）"
        let whyEN = checks.isEmpty ? "" : " (\(checks))"
        return Bilingual("不能判定!：一致性检查未通过，存疑的数字 \(figures)\(why)；按所给数字：\(asGiven)",
                         "undecided!: a consistency check fails on \(figures)\(whyEN); as given: \(asGiven)")
    }
}

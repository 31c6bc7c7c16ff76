import Foundation
import TownsCore

/// Wave 21 (w21-fid): words of the fresh users' data-fidelity findings.
extension Catalogue {
    /// A page's verdict by the completion rate, as the towns list gives it in its 进度差 column
    /// (`points`: schedule variance in percentage points, negative behind; `flag`: "!" when a
    /// check fails on the rate), with the reading named: "进度差 +17.7：按完成率 超前 17.7 个百分点".
    /// `derived`: the rate is worked out, not printed: the variance carries `≈` (wave 22, F21).
    /// `digits`: the digits the rate supports (`ShownFacts.varianceShown`: `≈30%` gives `≈-62`, as the list).
    static func rateVerdictLine(_ points: Decimal, flag: String, derived: Bool = false, digits: Int = 1) -> Bilingual {
        let signed = (derived ? "≈" : "") + (points > 0 ? "+" : "") + DecimalMath.text(points, scale: digits)
        let words = points == 0 ? Bilingual("按完成率 正合进度", "by rate on schedule")
            : rateReading(points, flag: "", digits: digits)
        return Bilingual("\(sched.zh) \(signed)\(flag)：\(words.zh)", "Schedule variance \(signed)\(flag): \(words.en)")
    }
}

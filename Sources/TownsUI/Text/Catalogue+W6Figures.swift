import Foundation
import TownsCore

/// Wave 6 (figures): what a town reporting only a completion rate can still be told.
extension Catalogue {
    /// A town page's field: expected by now in % of the year's plan (its amount unknown).
    static let expectedRateField = Bilingual("应完成 占计划", "Expected, of plan")
    /// A town page's field: the year's end at the pace so far, in % of the year's plan.
    static let rateProjectionField = Bilingual("全年预测 占计划", "Year end, of plan")
    /// Why a page shows no expected-by-now or projection: what cannot be worked out, and the
    /// figures it would need, named. `expectedKnown`: the expected-by-now is shown, only the
    /// projection is not; `projectionKnown`: the year's end at the pace is shown (from the completed
    /// amount), only what sets the year against the plan is not: then the projection is not named
    /// (wave 23, F1: "no projection can be worked out" stood under the projection just shown).
    static func noProjection(_ missing: [Measure], expectedKnown: Bool, projectionKnown: Bool = false) -> Bilingual {
        let what: Bilingual
        switch (expectedKnown, projectionKnown) {
        case (true, _): what = Bilingual("无法推算全年预测", "No projection")
        case (false, true):
            what = Bilingual("无法推算应完成、落后差额和与计划差", "No expected-by-now, shortfall or gap to plan")
        case (false, false): what = Bilingual("无法推算应完成或全年预测", "No expected-by-now or projection")
        }
        return Bilingual(
            what.zh + "：缺少确切的" + missing.map { measureName($0).zh }.joined(separator: "、"),
            what.en + " can be worked out; no exact " + missing.map { measureName($0).en }.joined(separator: ", "))
    }
    /// The overview's behind panel: a rate-only town's year's end in % of its plan.
    static func rateProjectionShort(_ value: String) -> Bilingual {
        Bilingual("预测 \(value)", "proj. \(value)")
    }
    /// A town page's term (`期限 ≈3年`) resting on a fitted county status, after the rule's note:
    /// short, as the assessment's notes and the stake under it spell it out.
    static let fittedTermShort = Bilingual("；≈ 依拟合值（县的身份）", "; ≈ a fitted value")
}

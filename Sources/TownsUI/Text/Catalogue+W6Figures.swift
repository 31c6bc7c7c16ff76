import Foundation
import TownsCore

/// Wave 6 (figures): what a town reporting only a completion rate can still be told.
extension Catalogue {
    /// A town page's field: expected by now in % of the year's plan (its amount unknown).
    static let expectedRateField = Bilingual("应完成 占计划", "Expected, of plan")
    /// A town page's field: the year's end at the pace so far, in % of the year's plan.
    static let rateProjectionField = Bilingual("全年预测 占计划", "Year end, of plan")
    /// Why a page shows no expected-by-now or projection: the figures it would need, named.
    /// `expectedKnown`: the expected-by-now is shown, only the projection is not.
    static func noProjection(_ missing: [Measure], expectedKnown: Bool) -> Bilingual {
        Bilingual(
            (expectedKnown ? "无法推算全年预测" : "无法推算应完成或全年预测") + "：缺少确切的"
                + missing.map { measureName($0).zh }.joined(separator: "、"),
            (expectedKnown ? "No projection" : "No expected-by-now or projection") + " can be worked out; no exact "
                + missing.map { measureName($0).en }.joined(separator: ", "))
    }
    /// The overview's behind panel: a rate-only town's year's end in % of its plan.
    static func rateProjectionShort(_ value: String) -> Bilingual {
        Bilingual("预测 \(value)", "proj. \(value)")
    }
    /// A town page's term (`期限 ≈3年`) resting on a fitted county status, after the rule's note:
    /// short, as the assessment's notes and the stake under it spell it out.
    static let fittedTermShort = Bilingual("；≈ 依拟合值（县的身份）", "; ≈ a fitted value")
}

import Foundation
import TownsCore

/// Which worked-out figure of a `TownProgress` a formula is for.
enum ProgressItem {
    case expected, shortfall, projection, recent, gap, needed
    /// In % of the year's plan, where its amount is unknown (`TownProgress.expectedRate`, `rateProjection`).
    case expectedRate, rateProjection
}

extension ShownFacts {
    /// The formula of one of `p`'s worked-out figures in the interface language, from its
    /// numbers (issue 14 point 7): the core gives the figures (`Metrics.progress`) and the
    /// English formula for `towns check` and the JSON; a page words them for its reader.
    /// "年计划 ≈18.6 × 9/12（全年已过 9 个月）= 13.95", "completed 13.56 / 9 months x 12 = →18.08 (…)".
    func progressFormula(_ p: TownProgress, _ item: ProgressItem) -> String? {
        let ft = FigureText()
        func t(_ f: Figure?) -> String { ft.text(f) }
        func v(_ f: Figure?) -> String { f?.quantity.exactValue.map { DecimalMath.text($0, scale: 2) } ?? "—" }
        // A derived input (`≈15.0`, Nanhu's plan 3.52 / 23.5%) as the formula used it (`≈14.98`),
        // where the two differ, so the result follows from what is printed.
        func u(_ f: Figure?) -> String {
            let shown = t(f)
            guard let x = f?.quantity.exactValue, shown.hasPrefix("≈") else { return shown }
            let used = DecimalMath.text(x, scale: 2)
            return Decimal(string: String(shown.dropFirst())) == Decimal(string: used) ? shown : "≈" + used
        }
        let m = p.period.through, left = 12 - p.period.through
        let zh = language == .zh
        switch item {
        case .expected:
            guard p.expected != nil else { return nil }
            return zh ? "年计划 \(u(p.plan)) × \(m)/12（全年已过 \(m) 个月）= \(v(p.expected))"
                : "plan \(u(p.plan)) x \(m)/12 of the year elapsed = \(v(p.expected))"
        case .shortfall:
            guard p.shortfall != nil else { return nil }
            return zh ? "应完成 \(v(p.expected)) − 已完成 \(t(p.completed)) = \(v(p.shortfall))"
                : "expected \(v(p.expected)) − completed \(t(p.completed)) = \(v(p.shortfall))"
        case .projection:
            guard p.projection != nil else { return nil }
            return zh ? "已完成 \(t(p.completed)) ÷ \(m) 个月 × 12 = →\(v(p.projection))（按目前进度的预测，不是报告数）"
                : "completed \(t(p.completed)) / \(m) months x 12 = →\(v(p.projection)) (a projection at the pace "
                    + "so far, not a reported figure)"
        case .recent:
            guard p.recentProjection != nil, let from = p.recentFrom else { return nil }
            let before = t(from.completed)
            return zh
                ? "已完成 \(t(p.completed)) +（\(t(p.completed)) − \(label(from.period)) \(before)）÷ 3 × 剩余 \(left) 个月"
                    + " = →\(v(p.recentProjection))（按近三个月速度的预测）"
                : "completed \(t(p.completed)) + (\(t(p.completed)) − \(label(from.period)) \(before)) / 3 x \(left) "
                    + "months left = →\(v(p.recentProjection)) (a projection at the last three months' pace)"
        case .gap:
            guard p.projectedGap != nil else { return nil }
            return zh ? "年计划 \(u(p.plan)) − 预测 →\(v(p.projection)) = \(v(p.projectedGap))"
                : "plan \(u(p.plan)) − projection →\(v(p.projection)) = \(v(p.projectedGap))"
        case .expectedRate:
            guard let e = p.expectedRate?.quantity.exactValue else { return nil }
            let et = DecimalMath.text(e, scale: 1)
            return zh ? "年计划的 100% × \(m)/12（全年已过 \(m) 个月）= \(et)%（年计划金额未知，以占年计划计）"
                : "100% of the year's plan x \(m)/12 of the year elapsed = \(et)% (in % of the plan: its amount is "
                    + "unknown)"
        case .rateProjection:
            guard let r = p.rateProjection?.quantity.exactValue else { return nil }
            let rt = DecimalMath.text(r, scale: 1)
            return zh ? "完成率 \(t(p.rate))% ÷ \(m) 个月 × 12 = →\(rt)%（占年计划，按目前进度的预测，不是报告数）"
                : "completion \(t(p.rate))% / \(m) months x 12 = →\(rt)% of the plan (a projection at the pace so far, "
                    + "not a reported figure)"
        case .needed:
            guard p.neededPerMonth != nil else { return nil }
            return zh ? "（年计划 \(u(p.plan)) − 已完成 \(t(p.completed))）÷ 剩余 \(left) 个月 = 每月 \(v(p.neededPerMonth))"
                : "(plan \(u(p.plan)) − completed \(t(p.completed))) / \(left) months left = "
                    + "\(v(p.neededPerMonth)) a month"
        }
    }
}

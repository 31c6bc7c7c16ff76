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
    /// `planFlagged`: a check casts doubt on the plan (`Checker.isFlagged(workedFrom:)`): the
    /// plan is named with its `!`, as the list and the page's plan field show it.
    func progressFormula(_ p: TownProgress, _ item: ProgressItem, planFlagged: Bool = false) -> String? {
        let ft = FigureText()
        func t(_ f: Figure?) -> String { ft.text(f) }
        func v(_ f: Figure?) -> String { f?.quantity.exactValue.map { DecimalMath.text($0, scale: 2) } ?? "—" }
        // The plan as the list and the plan field show it (`≈15.0`, `≈19!`) and, where the formula
        // used more digits (Nanhu's plan 3.52 / 23.5% = 14.98), those too, so that the result
        // follows from what is printed and the page names the plan the list shows:
        // `≈15.0 (14.98 unrounded)`, `≈15.0（未取整 14.98）`.
        // A plan first derivable from a period after `p.period` (wave 24's F7: the earliest later
        // one, its verdicts `?`) is named as later on every line worked from it, as the plan field
        // names it ("据以后的期间推出"): the fresh user's "expected by now" at Jan-Sep read as
        // though September's report gave Haiyan's ≈47 (wave 24, F6).
        let later: Bool = {
            guard case let .planFromCompleted(id, _, _, _)? = p.plan?.explanation?.step,
                  let from = facts.dataset.period(id) else { return false }
            return (from.year, from.through) > (p.period.year, p.period.through)
        }()
        // A derived figure named as shown and, where the formula used more digits, those too
        // (`≈15.0（未取整 14.98）`), with `unit` after each (`%`), `!` where `flagged` and `note`
        // inside the parentheses: so the result follows from what is printed. The plan (`u`) and,
        // since wave 42, a derived completed amount or rate (`c`): worked out from 99.5% x 28.19 =
        // 28.049, `应完成 21.14 − 已完成 ≈28.0 = -6.91` did not add up as printed (its fresh user).
        func named(_ f: Figure?, unit: String = "", flagged: Bool = false, note: String = "") -> String {
            let shown = t(f) + (flagged && f != nil ? "!" : "") + unit
            let aside = note.isEmpty ? shown : zh ? "\(shown)（\(note.dropFirst())）" : "\(shown) (\(note.dropFirst(2)))"
            guard let x = f?.quantity.exactValue, shown.hasPrefix("≈") else { return aside }
            let used = DecimalMath.text(x, scale: 2)
            let digits = String(shown.dropFirst().dropLast(unit.count)).filter { $0 != "!" }
            if Decimal(string: digits) == Decimal(string: used) { return aside }
            return zh ? "\(shown)（未取整 \(used)\(unit)\(note)）" : "\(shown) (\(used)\(unit) unrounded\(note))"
        }
        func u(_ f: Figure?) -> String {
            named(f, flagged: planFlagged,
                  note: later && f != nil ? (zh ? "，据以后的期间推出" : ", from a later period") : "")
        }
        func c(_ f: Figure?, unit: String = "") -> String { named(f, unit: unit) }
        let m = p.period.through, left = 12 - p.period.through
        let zh = language == .zh
        switch item {
        case .expected:
            guard p.expected != nil else { return nil }
            return zh ? "年计划 \(u(p.plan)) × \(m)/12（全年已过 \(m) 个月）= \(v(p.expected))"
                : "plan \(u(p.plan)) x \(m)/12 of the year elapsed = \(v(p.expected))"
        case .shortfall:
            guard p.shortfall != nil else { return nil }
            return zh ? "应完成 \(v(p.expected)) − 已完成 \(c(p.completed)) = \(v(p.shortfall))"
                : "expected \(v(p.expected)) − completed \(c(p.completed)) = \(v(p.shortfall))"
        case .projection:
            guard p.projection != nil else { return nil }
            return zh ? "已完成 \(c(p.completed)) ÷ \(m) 个月 × 12 = →\(v(p.projection))（按目前进度的预测，不是报告数）"
                : "completed \(c(p.completed)) / \(m) months x 12 = →\(v(p.projection)) (a projection at the pace "
                    + "so far, not a reported figure)"
        case .recent:
            guard p.recentProjection != nil, let from = p.recentFrom else { return nil }
            let before = c(from.completed), now = c(p.completed)
            return zh
                ? "已完成 \(now) +（\(now) − \(label(from.period)) \(before)）÷ 3 × 剩余 \(left) 个月"
                    + " = →\(v(p.recentProjection))（按近三个月速度的预测）"
                : "completed \(now) + (\(now) − \(label(from.period)) \(before)) / 3 x \(left) "
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
            guard case let .exact(r, digits)? = p.rateProjection?.quantity else { return nil }
            // Its own digits (`Metrics.projectionDecimals`: →99.99%, not →100.0%).
            let rt = DecimalMath.text(r, scale: digits)
            return zh ? "完成率 \(c(p.rate, unit: "%")) ÷ \(m) 个月 × 12 = →\(rt)%（占年计划，按目前进度的预测，不是报告数）"
                : "completion \(c(p.rate, unit: "%")) / \(m) months x 12 = →\(rt)% of the plan (a projection at the pace so far, "
                    + "not a reported figure)"
        case .needed:
            guard p.neededPerMonth != nil else { return nil }
            return zh ? "（年计划 \(u(p.plan)) − 已完成 \(c(p.completed))）÷ 剩余 \(left) 个月 = 每月 \(v(p.neededPerMonth))"
                : "(plan \(u(p.plan)) − completed \(c(p.completed))) / \(left) months left = "
                    + "\(v(p.neededPerMonth)) a month"
        }
    }
}

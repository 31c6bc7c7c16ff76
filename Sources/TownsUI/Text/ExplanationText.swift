import Foundation
import TownsCore

extension ShownFacts {
    /// A derived figure's arithmetic (`Explanation`) in words of the interface language:
    /// "2015年1-8月完成 9.3 ÷ 完成率 50% = 18.60（按印出数字的舍入，在 [18.317, 18.889] 之间）；
    /// 2015年1-9月完成 13.56 ÷ 完成率 72.9% = 18.60 印证". As of the period shown (`period`): a
    /// step from a later period is named as later ("from a later period: …", "; later confirmed
    /// by …", "; later … disagrees: that period's figures are marked !").
    func explain(_ e: Explanation) -> String {
        let zh = language == .zh
        func period(_ id: String) -> String { facts.dataset.period(id).map(label) ?? id }
        // Whether `s` was worked out from a period after the one shown (same year: later month).
        func isLater(_ s: Explanation.Step) -> Bool {
            guard case let .planFromCompleted(p, _, _, _) = s, let shown = self.period,
                  let from = facts.dataset.period(p) else { return false }
            return (from.year, from.through) > (shown.year, shown.through)
        }
        func step(_ s: Explanation.Step) -> String {
            switch s {
            case let .planFromCompleted(p, done, rate, result):
                return zh ? "\(period(p))完成 \(done) ÷ 完成率 \(rate)% = \(result)"
                    : "completed \(period(p)) \(done) / completion \(rate)% = \(result)"
            case let .completedFromRate(rate, year, plan, result):
                return zh ? "完成率 \(rate)% × \(year)年计划 \(plan) = \(result)"
                    : "completion \(rate)% × \(year) plan \(plan) = \(result)"
            case let .rateFromPlan(done, year, plan, result):
                return zh ? "完成 \(done) ÷ \(year)年计划 \(plan) × 100 = \(result)%"
                    : "completed \(done) / \(year) plan \(plan) × 100 = \(result)%"
            case let .startRate(started, planned, result):
                return zh ? "已开工 \(started) ÷ 计划项目 \(planned) × 100 = \(result)%"
                    : "started \(started) / planned \(planned) × 100 = \(result)%"
            case let .planShare(year, plan, total, result):
                return zh ? "\(year)年计划 \(plan) ÷ 3年计划 \(total) × 100 = \(result)%"
                    : "\(year) plan \(plan) / 3-year plan \(total) × 100 = \(result)%"
            case let .sumOfTowns(p, towns, values, sources, result):
                let names = towns.map { id in
                    facts.dataset.town(id).map { zh ? $0.nameZH : $0.nameEN } ?? id
                }
                let parts = zip(names, values).map { "\($0) \($1)" }.joined(separator: " + ")
                let cited = sources.map { facts.dataset.sources[$0]?.title ?? $0 }.joined(separator: zh ? "；" : "; ")
                return zh ? "各镇报告的\(period(p))完成之和（全市未报告）：\(parts) = \(result)（来源：\(cited)）"
                    : "sum of the towns' reported completed \(period(p)) (the city gives none): \(parts) = \(result)"
                        + " (sources: \(cited))"
            }
        }
        // As of the period shown: a derivation from a later period's figures says so (a year's
        // plan first derivable from October is the year's plan in August too, but was not
        // known from August's report), and a later confirmation or disagreement is named as later.
        var text = isLater(e.step) ? (zh ? "据以后的期间推出：" : "from a later period: ") + step(e.step) : step(e.step)
        if case .planFromCompleted = e.step, let i = e.interval {
            text += zh ? "（按印出数字的舍入，在 \(i) 之间）" : " (given the rounding of the printed figures: \(i))"
        }
        for other in e.confirmedBy {
            text += isLater(other) ? (zh ? "；以后 \(step(other)) 印证" : "; later confirmed by \(step(other))")
                : (zh ? "；\(step(other)) 印证" : "; confirmed by \(step(other))")
        }
        for (other, i) in zip(e.disagreeing, e.disagreeingIntervals) {
            let range = i.map { " (\($0))" } ?? ""
            text += isLater(other)
                ? (zh ? "；以后 \(step(other))\(range) 不一致（年内调整了计划，或数字有误）：该期间的数字标记 !，见 towns check"
                    : "; later \(step(other))\(range) disagrees (a plan revised in the year, or a wrong figure): "
                        + "that period's figures are marked !, see towns check")
                : (zh ? "；但 \(step(other))\(range) 不一致（年内调整了计划，或数字有误）：核对不符，见 towns check"
                    : "; but \(step(other))\(range) disagrees (a plan revised in the year, or a wrong figure): "
                        + "a consistency check fails, see towns check")
        }
        // The range every agreeing period allows together: the one plan of the year, the same
        // digits at every period shown (wave 43).
        if let together = e.together {
            text += zh ? "；各期间共同允许 \(together)，即全年同一计划"
                : "; together they allow \(together), the year's one plan"
        }
        if let middle = e.middleOf {
            text += zh ? "；取各印证推算共同允许的 \(middle) 的中点" : "; written as the middle of \(middle), which every agreeing derivation allows"
        }
        return text
    }
}

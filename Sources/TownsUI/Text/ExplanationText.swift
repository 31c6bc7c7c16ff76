import Foundation
import TownsCore

extension ShownFacts {
    /// A derived figure's arithmetic (`Explanation`) in words of the interface language:
    /// "2015年1-8月完成 9.3 ÷ 完成率 50% = 18.60（按印出数字的舍入，在 [18.317, 18.889] 之间）；
    /// 2015年1-9月完成 13.56 ÷ 完成率 72.9% = 18.60 印证".
    func explain(_ e: Explanation) -> String {
        let zh = language == .zh
        func period(_ id: String) -> String { facts.dataset.period(id).map(label) ?? id }
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
            }
        }
        var text = step(e.step)
        if case .planFromCompleted = e.step, let i = e.interval {
            text += zh ? "（按印出数字的舍入，在 \(i) 之间）" : " (given the rounding of the printed figures: \(i))"
        }
        for other in e.confirmedBy { text += zh ? "；\(step(other)) 印证" : "; confirmed by \(step(other))" }
        for (other, i) in zip(e.disagreeing, e.disagreeingIntervals) {
            let range = i.map { " (\($0))" } ?? ""
            text += zh ? "；但 \(step(other))\(range) 不一致：核对不符，见 towns check"
                : "; but \(step(other))\(range) disagrees: a consistency check fails, see towns check"
        }
        return text
    }
}

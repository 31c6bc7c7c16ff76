import Foundation
import TownsCore

extension ShownFacts {
    /// A rule's finding (`RuleFinding`) in words of the interface language (issue 14 point 7):
    /// "规划 140 达到最低额 50；完成情况在2017年底判定" / "plan 140 meets the minimum 50; completion
    /// judged at the end of 2017". English is the core's own wording (`RuleFinding.english`), with
    /// periods by their English labels.
    func ruleText(_ finding: RuleFinding) -> String {
        guard language == .zh else { return finding.english(periodLabel) }
        func rel(_ r: RuleFinding.Relation) -> String { r == .atLeast ? "≥" : "<" }
        func fit(_ f: Bool) -> String { f ? "（档次依通知合计拟合，无来源）" : "" }
        let p = periodLabel
        switch finding {
        case .noFirstYear: return "首年未知"
        case let .firstYearNotBegun(y, by): return "首年 \(y) 在\(p(by))尚未开始"
        case let .clearsHigherTier(period, c, h):
            return "\(p(period))完成 \(c) ≥ \(h)（较高一档）：无论适用哪一档都达标"
        case let .tierUnknown(period, c, m, l):
            let head = period.map { "\(p($0))完成 \(c ?? "?")；" } ?? ""
            return head + "最低额（\(m) 或 \(l)）取决于产业或所在县"
        case let .againstTier(period, c, r, tier, fitted, standing):
            let head = "\(p(period))完成 \(c)"
            switch standing {
            case .settled: return "\(head) \(rel(r)) \(tier)\(fit(fitted))"
            case .soFar: return "\(head)，目前低于 \(tier)\(fit(fitted))；全年未过"
            case .noFullYear: return "\(head)，低于 \(tier)\(fit(fitted))；没有全年数字"
            }
        case let .noCompletedFigure(y, by, tier, fitted, notOver):
            return "最低额 \(tier)\(fit(fitted))；" + (by.map { "截至\(p($0))" } ?? "") + "没有\(y)年的完成数字"
                + (notOver ? "；全年未过" : "")
        case let .creationMinimum(plan, end, judged):
            let planText: String
            switch plan {
            case .industryUnknown: planText = "最低额取决于产业"
            case let .noPlan(m): planText = "最低额 \(m)；没有3年规划投资"
            case let .meets(v, m): planText = "规划 \(v) 达到最低额 \(m)"
            case let .below(v, m): planText = "规划 \(v) 低于最低额 \(m)"
            case let .boundAgainst(v, m): planText = "规划 \(v)，最低额 \(m)"
            }
            let at = endText(end)
            switch judged {
            case .notYet: return "\(planText)；完成情况在\(at)判定"
            case .ended: return "\(planText)；创建期已结束（\(at)），不知道创建期内的完成数字"
            case let .dependsOn(m): return "\(planText)；完成情况在\(at)判定：是否已到期取决于\(missingText(m))"
            }
        case let .creationYears(n, a, b): return "\(n)年：\(a)-\(b)"
        case let .creationYearsUnknown(n, l): return "\(n)年，26个加快发展县为\(l)年"
        case let .featuredShare(period, s, r, m, earlier):
            let shown = "\(p(period))特色产业投资占比 \(s)% \(rel(r)) \(m)%"
            return earlier.map { "\(shown)，为较早期间：\(p($0))没有占比" } ?? shown
        case let .featuredShareUnknown(m): return "不低于 \(m)%"
        case let .area(a, f):
            let name = a == .planned ? "规划面积" : "建成面积"
            func shown(_ v: String, _ asOf: String?) -> String { "\(name) \(v) 平方公里" + (asOf.map { "（\($0)）" } ?? "") }
            switch f {
            case let .noFigure(m): return "\(m) 平方公里左右"
            case let .datedAfter(v, d, s, m):
                return "\(name) \(v) 平方公里的日期为 \(d)，晚于\(p(s))：不是所示期间的依据；\(m) 平方公里左右"
            case let .within(v, d, m): return "\(shown(v, d)) ≤ \(m)"
            case let .tourism(v, d, m): return "\(shown(v, d)) > \(m)，旅游类小镇可以超出"
            case let .tolerance(v, d, above, m, t): return "\(shown(v, d)) \(above ? ">" : "≤") \(m) 左右 + 容差 \(t)"
            case let .noTolerance(v, d, m):
                return "\(shown(v, d)) 超过 \(m)，但规则只说“\(m) 平方公里左右”，来源没有给出容差：是否超标未知"
            }
        case let .scenicRating(tourism, r): return tourism ? "按\(r)A级标准" : "\(r)A级或以上"
        case let .visitors(m): return "每年至少 \(m) 人次"
        case let .landReward(percents, f):
            let rate = "奖励实际使用指标的" + percents.map { "\($0)%" }.joined(separator: "或")
            switch f {
            case .noListDate: return "完成年度计划则\(rate)"
            case let .planUnknown(y): return "完成\(y)年度计划则\(rate)；\(y)年计划未知"
            case let .noCompleted(y, plan, notOver):
                return "\(y)年计划 \(plan)；没有\(y)年的完成数字" + (notOver ? "（全年未过）" : "")
            case let .differentBases(period, c, y, plan):
                return "\(p(period))完成 \(c) 与\(y)年计划 \(plan) 口径不同；完成计划则\(rate)"
            case let .completed(period, c, y, plan):
                return "\(p(period))完成 \(c) ≥ \(y)年计划 \(plan)：完成年度计划；\(rate)（实际使用指标未知）"
            case let .missed(period, c, y, plan):
                return "\(p(period))完成 \(c) < \(y)年计划 \(plan)：未完成年度计划；不获奖励"
            case let .open(period, c, y, plan, why):
                let reason: String
                switch why {
                case .yearNotOver: reason = "全年未过"
                case .noFullYear: reason = "没有全年数字"
                case .lowerBound: reason = "只知道全年的下限"
                case .rounding: reason = "在计划数字的舍入范围内"
                }
                return "\(p(period))完成 \(c)，对照\(y)年计划 \(plan)：\(reason)；完成计划则\(rate)"
            }
        case let .landDeduction(times, end, notYetDue):
            return "3年规划目标未达到则倒扣奖励用地指标的\(times)倍；"
                + (notYetDue ? "在\(endText(end))判定" : "创建期结束时判定（\(endText(end))）")
        }
    }

    /// A figure a rule's result is missing, in words of the interface language.
    func missingText(_ m: RuleMissing) -> String {
        guard language == .zh else { return m.english(periodLabel) }
        switch m {
        case .industry: return "产业"
        case .listDate: return "入选日期"
        case .threeYearPlan: return "3年规划投资"
        case .acceleratedCounty: return "是否属26个加快发展县"
        case .firstYear: return "首年"
        case let .completedYear(y): return "\(y)年完成投资"
        case let .completedFullYear(y, basis, only):
            return "\(y)年全年完成投资" + (basis ? "（按计划口径）" : "") + (only.map { "（只知道 \($0)）" } ?? "")
        case .completedOverCreation: return "创建期内完成投资"
        case let .featuredInvestment(period): return (period.map(periodLabel) ?? "") + "特色产业投资"
        case let .area(a, asOf): return (asOf.map { periodLabel($0) + "的" } ?? "") + (a == .planned ? "规划面积" : "建成面积")
        case let .tolerance(max): return "“\(max) 平方公里左右”的容差"
        case .scenicRating: return "景区等级"
        case .visitors: return "年游客人次"
        case let .planOfYear(y): return "\(y)年计划"
        }
    }

    /// A period's label in the interface language from its id (the id itself when the data has no such period).
    func periodLabel(_ id: String) -> String { facts.dataset.period(id).map(label) ?? id }

    /// "2017年底", "2017或2019年底", "创建期末" (Chinese; English in `RuleFinding.english`).
    private func endText(_ years: [Int]) -> String {
        years.isEmpty ? "创建期末" : years.map(String.init).joined(separator: "或") + "年底"
    }

    /// A rule's result in words: the finding, then what is missing ("；缺 missing: 产业").
    func ruleNote(_ r: RuleResult) -> String {
        var note = ruleText(r.finding)
        if !r.missingItems.isEmpty {
            note += tr(Catalogue.ruleMissing) + r.missingItems.map(missingText).joined(separator: tr("、", ", "))
        }
        return note
    }
}

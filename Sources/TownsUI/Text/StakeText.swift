import Foundation
import TownsCore

extension ShownFacts {
    /// What is at stake (`Stake`) in words of the interface language: the consequence the
    /// province's rules state, with its share, its date and an amount where the data holds the
    /// quota used, else the rule in words. "若未完成2015年度计划（2015年底见分晓）：不获用地奖励，
    /// 即实际使用指标的50%；数据中没有实际使用的用地指标，无法给出数量".
    /// `sayNoQuota`: whether to say that the data holds no quota used (a list says it once).
    func stakeText(_ stake: Stake, sayNoQuota: Bool = true) -> String {
        let zh = language == .zh
        func number(_ d: Decimal) -> String { NSDecimalNumber(decimal: d).stringValue }
        func share() -> String {
            guard let first = stake.percents.first else { return "" }
            let industries = stake.higherIndustries.map { industryName($0) }.joined(separator: zh ? "、" : ", ")
            if stake.percents.count == 1 { return number(first) + "%" }
            let higher = number(stake.percents[1]) + "%"
            return zh
                ? "\(number(first))%（\(industries)类小镇\(higher)；本镇产业未知）"
                : "\(number(first))% (\(higher) for \(industries) towns; this town's industry is not known)"
        }
        func amount(_ extra: String) -> String {
            if let a = stake.amount {
                let q = stake.quotaUsed.map { FigureText().text($0) } ?? "?"
                return zh
                    ? "，即 ≈\(DecimalMath.text(a, scale: 1)) 亩（实际使用 \(q) 亩 × \(share())\(extra)）"
                    : ", ≈\(DecimalMath.text(a, scale: 1)) mu (\(q) mu used x \(share())\(extra))"
            }
            if stake.quotaUsed == nil, sayNoQuota {
                return zh ? "（数据无实际用地指标，无数量）" : " (quota used not in the data: no amount)"
            }
            return ""
        }
        switch stake.consequence {
        case .rewardForgone:
            let year = stake.year.map(String.init) ?? "?"
            if stake.notMet {
                return zh
                    ? "未完成\(year)年度计划：不获实际使用指标\(share())的用地奖励" + amount("")
                    : "\(year) annual plan missed: no land-quota reward of \(share()) of the quota used" + amount("")
            }
            if stake.yearOver {
                // The year is over: decided already, not still to come (fresh user, 2015年全年).
                return zh
                    ? "如未完成\(year)年度计划（\(year)年已过，是否完成未知）：不获实际使用指标\(share())的用地奖励"
                        + amount("")
                    : "if the \(year) annual plan was missed (\(year) is over; whether it was is not known): no "
                        + "land-quota reward of \(share()) of the quota used" + amount("")
            }
            return zh
                ? "若未完成\(year)年度计划（\(year)年底见分晓）：不获实际使用指标\(share())的用地奖励" + amount("")
                : "if the \(year) annual plan is missed (known at the end of \(year)): no land-quota reward of "
                    + "\(share()) of the quota used" + amount("")
        case .deductionMultiplied:
            let times = stake.times.map(number) ?? "2"
            let years = stake.lastYears.map(String.init).joined(separator: zh ? "或" : " or ")
            let fitted = stake.lastYearsFitted ? (zh ? "，期限依拟合值" : ", a term resting on a fitted value") : ""
            let by = years.isEmpty ? "" : (zh ? "（至\(years)年底\(fitted)）" : " (by the end of \(years)\(fitted))")
            if stake.creationEnded {
                return zh
                    ? "如3年规划目标未达到\(by)（创建期已结束，是否达到未知）：倒扣奖励用地指标的\(times)倍"
                        + amount(" × \(times)")
                    : "if the 3-year targets were missed\(by) (the creation period is over; whether they were is not "
                        + "known): \(times) x the rewarded quota deducted" + amount(" x \(times)")
            }
            return zh
                ? "若3年规划目标未达到\(by)：倒扣奖励用地指标的\(times)倍" + amount(" × \(times)")
                : "if the 3-year targets are missed\(by): \(times) x the rewarded quota deducted"
                    + amount(" x \(times)")
        case .noneStated:
            return zh ? "规则未写明此项单独的后果" : "the rules state no consequence of this one alone"
        }
    }

    /// An industry of rules.toml and towns.toml in the interface language.
    func industryName(_ id: String) -> String {
        let n = ShownFactsIndustry.name(id)
        return tr(n.zh, n.en)
    }
}

/// The industries of rules.toml and towns.toml by name, in both languages (the id itself where unnamed).
enum ShownFactsIndustry {
    static func name(_ id: String) -> (zh: String, en: String) {
        let names: [String: (String, String)] = [
            "information": ("信息经济", "information-economy"), "environmental": ("环保", "environmental"),
            "high-end-equipment": ("高端装备制造", "high-end equipment"), "tourism": ("旅游", "tourism"),
            "finance": ("金融", "finance"), "classic": ("历史经典产业", "classic-industry"),
            "fashion": ("时尚", "fashion"), "health": ("健康", "health"),
        ]
        return names[id].map { (zh: $0.0, en: $0.1) } ?? (zh: id, en: id)
    }
}

extension AppState {
    /// A town page's line under a rule that is not met or not known to be met: what follows
    /// under the province's rules ("后果 at stake: 若未完成2015年度计划…"), through the page's
    /// `field` (label, value, value's role, note).
    func stakeField(_ stake: Stake, _ field: (CellText, CellText, Role?, (String, Role)?) -> Void) {
        let role: Role = stake.consequence == .noneStated ? .legend : .warning
        field("", "", nil, (tr(Catalogue.atStake) + stakeText(stake), role))
    }
}

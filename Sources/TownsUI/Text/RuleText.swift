import Foundation
import TownsCore

/// A rule's finding (`RuleFinding`) and what its result is missing (`RuleMissing`) in words of
/// a language (issue 14 point 7, code debt D4): the one worder of rule evaluations, both
/// languages side by side, periods by their labels in that language. The core gives only data.
///
/// ```swift
/// let words = RuleWords(dataset: dataset, language: .en)
/// words.text(.creationMinimum(plan: .meets(plan: "140", minimum: "50"), end: [2017], judged: .notYet))
/// // "plan 140 meets the minimum 50; completion judged at the end of 2017"
/// // (zh: "规划 140 达到最低额 50；完成情况在2017年底判定")
/// ```
public struct RuleWords: DatasetWords {
    public let dataset: Dataset
    public let language: Language

    public init(dataset: Dataset, language: Language) {
        self.dataset = dataset
        self.language = language
    }

    /// "2017年底" / "the end of 2017", "2017或2019年底" / "the end of 2017 or 2019", "创建期末" /
    /// "the end of the creation period".
    private func end(_ years: [Int]) -> String {
        years.isEmpty ? t("创建期末", "the end of the creation period")
            : t(years.map(String.init).joined(separator: "或") + "年底",
                "the end of " + years.map(String.init).joined(separator: " or "))
    }

    /// The finding in words of `language`.
    public func text(_ finding: RuleFinding) -> String {
        func rel(_ r: RuleFinding.Relation) -> String { r == .atLeast ? "≥" : "<" }
        func fit(_ f: Bool) -> String {
            f ? t("（档次依通知合计拟合，无来源）", " (tier fitted to the notice's total, not sourced)") : ""
        }
        let p = period
        switch finding {
        case let .tier(note, inner):
            return text(inner) + tierWords(note)
        case let .doubted(flagged, checks, inner):
            let findingWords = FindingWords(dataset: dataset, language: language)
            let figures = flagged.map(findingWords.flagged).joined(separator: t("、", ", "))
            let failing = checks.map { "\(findingWords.kind($0.kind)): \(findingWords.message($0))" }
                .joined(separator: t("；", "; "))
            let words = Catalogue.doubtedVerdict(figures: figures, checks: failing, asGiven: text(inner))
            return t(words.zh, words.en)
        case let .atTheMinimum(minimum, possible, derived, inner):
            return text(inner) + (derived
                ? t("；但推算数可为 \(possible)，可能低于 \(minimum)：无法判定",
                    "; but the derived figure may be \(possible), possibly under \(minimum): undecided")
                : t("（按所报数字判定：所报数字可代表 \(possible)，恰在最低额 \(minimum) 上）",
                    " (judged on the figure as reported: it stands for \(possible), at the minimum \(minimum))"))
        case let .basisNotStated(basis, inner):
            let b = dataset.bases[basis]
            return text(inner) + t(
                "（按论文的完成投资额，其口径论文未说明）；本规则按\(b?.nameZH ?? basis)计，完成投资额可能多于它：不能判定（口径相同则达标）",
                " on the paper's completed investment, whose basis it does not state; the rule counts "
                    + "\(b.map { $0.nameEN.lowercased() } ?? basis), which that amount may exceed: not settled"
                    + " (met if the bases are the same)")
        case .noFirstYear: return t("首年未知", "no first year")
        case let .firstYearNotBegun(y, by): return t("首年 \(y) 在\(p(by))尚未开始",
                                                     "the first year \(y) has not begun by \(p(by))")
        case let .clearsHigherTier(period, c, h):
            return t("\(p(period))完成 \(c) ≥ \(h)（较高一档）：无论适用哪一档都达标",
                     "completed \(p(period)) \(c) ≥ \(h), the higher tier: met whichever tier applies")
        case let .tierUnknown(period, c, m, l):
            let head = period.map { t("\(p($0))完成 \(c ?? "?")；", "completed \(p($0)) \(c ?? "?"); ") } ?? ""
            return head + t("最低额（\(m) 或 \(l)）取决于产业或所在县",
                            "the minimum (\(m) or \(l)) depends on the industry or the county")
        case let .againstTier(period, c, r, tier, fitted, standing):
            let head = t("\(p(period))完成 \(c)", "completed \(p(period)) \(c)")
            switch standing {
            case .settled: return "\(head) \(rel(r)) \(tier)\(fit(fitted))"
            case .soFar:
                return head + t("，目前低于 \(tier)\(fit(fitted))；全年未过",
                                " so far, below \(tier)\(fit(fitted)); the year is not over")
            case .noFullYear:
                return head + t("，低于 \(tier)\(fit(fitted))；没有全年数字",
                                ", below \(tier)\(fit(fitted)); no full-year figure")
            }
        case let .noCompletedFigure(y, by, tier, fitted, notOver):
            return t("最低额 \(tier)\(fit(fitted))；" + (by.map { "截至\(p($0))" } ?? "") + "没有\(y)年的完成数字"
                        + (notOver ? "；全年未过" : ""),
                     "minimum \(tier)\(fit(fitted)); no completed figure for \(y)" + (by.map { " by \(p($0))" } ?? "")
                        + (notOver ? "; the year is not over" : ""))
        case let .creationMinimum(plan, years, judged):
            let planText: String
            switch plan {
            case .industryUnknown: planText = t("最低额取决于产业", "the minimum depends on the industry")
            case let .noPlan(m): planText = t("最低额 \(m)；没有3年规划投资", "minimum \(m); no 3-year plan")
            case let .meets(v, m): planText = t("规划 \(v) 达到最低额 \(m)", "plan \(v) meets the minimum \(m)")
            case let .below(v, m): planText = t("规划 \(v) 低于最低额 \(m)", "plan \(v) is below the minimum \(m)")
            case let .boundAgainst(v, m): planText = t("规划 \(v)，最低额 \(m)", "plan \(v) against the minimum \(m)")
            }
            let at = end(years)
            switch judged {
            case .notYet: return planText + t("；完成情况在\(at)判定", "; completion judged at \(at)")
            case .ended:
                return planText + t("；创建期已结束（\(at)），不知道创建期内的完成数字",
                                    "; the creation period ended (\(at)) and no completed figure over it is known")
            case let .dependsOn(m):
                return planText + t("；完成情况在\(at)判定：是否已到期取决于\(missing(m))",
                                    "; completion judged at \(at): whether that has come depends on \(missing(m))")
            }
        case let .creationYears(n, a, b): return t("\(n)年：\(a)-\(b)", "\(n) years: \(a)-\(b)")
        case let .creationYearsUnknown(n, l): return t("\(n)年，26个加快发展县为\(l)年", "\(n) years, or \(l) in the 26 counties")
        case let .featuredShare(period, s, r, m, earlier):
            let shown = t("\(p(period))特色产业投资占比 \(s)% \(rel(r)) \(m)%",
                          "featured share \(p(period)) \(s)% \(rel(r)) \(m)%")
            return earlier.map { shown + t("，为较早期间：\(p($0))没有占比", ", of an earlier period: no share for \(p($0))") }
                ?? shown
        case let .featuredShareUnknown(m): return t("不低于 \(m)%", "at least \(m)%")
        case let .area(a, f):
            let name = a == .planned ? t("规划面积", "planned area") : t("建成面积", "built area")
            func shown(_ v: String, _ asOf: String?) -> String {
                t("\(name) \(v) 平方公里" + (asOf.map { "（\($0)）" } ?? ""),
                  "\(name) \(v) km²" + (asOf.map { " (as of \($0))" } ?? ""))
            }
            switch f {
            case let .noFigure(m): return t("\(m) 平方公里左右", "about \(m) km²")
            case let .datedAfter(v, d, s, m):
                return t("\(name) \(v) 平方公里的日期为 \(d)，晚于\(p(s))：不是所示期间的依据；\(m) 平方公里左右",
                         "\(name) \(v) km² is dated \(d), after \(p(s)): no evidence for the period shown; "
                            + "about \(m) km²")
            case let .within(v, d, m): return "\(shown(v, d)) ≤ \(m)"
            case let .tourism(v, d, m): return shown(v, d) + t(" > \(m)，旅游类小镇可以超出",
                                                               " > \(m), allowed for a tourism town")
            case let .tolerance(v, d, above, m, tol):
                return "\(shown(v, d)) \(above ? ">" : "≤") " + t("\(m) 左右 + 容差 \(tol)",
                                                                  "about \(m) + \(tol) tolerance")
            case let .noTolerance(v, d, m):
                return shown(v, d) + t(" 超过 \(m)，但规则只说“\(m) 平方公里左右”，来源没有给出容差：是否超标未知",
                                       " is above \(m), but the rule says only 'about \(m) km²' and the source gives "
                                        + "no tolerance: whether it is breached is not known")
            }
        case let .scenicRating(tourism, r):
            return tourism ? t("按\(r)A级标准", "\(r)A standard") : t("\(r)A级或以上", "\(r)A or better")
        case let .visitors(m): return t("每年至少 \(m) 人次", "at least \(m) a year")
        case let .landReward(percents, f): return land(percents, f)
        case let .landDeduction(times, years, notYetDue):
            return t("3年规划目标未达到则倒扣奖励用地指标的\(times)倍；"
                        + (notYetDue ? "在\(end(years))判定" : "创建期结束时判定（\(end(years))）"),
                     "\(times) x the reward deducted if the 3-year targets are missed; judged "
                        + (notYetDue ? "at \(end(years))" : "when the creation period ends (\(end(years)))"))
        }
    }

    /// Why the lower tier quoted applies ("; 6 is the lower tier, for finance towns (10 otherwise)"),
    /// and that the figure meets the higher tier too where it does.
    private func tierWords(_ n: RuleFinding.TierNote) -> String {
        let who: String
        switch n.why {
        case let .industry(id):
            let name = ShownFactsIndustry.name(id)
            who = n.whateverTheCounty
                ? t("\(name.zh)类小镇（所在县是否属26个加快发展县未知，不影响）",
                    "\(name.en) towns (whether the county is one of the 26 is not known and does not matter)")
                : t("\(name.zh)类小镇", "\(name.en) towns")
        case .acceleratedCounty: who = t("26个加快发展县", "the 26 accelerated-development counties")
        }
        let also = n.alsoMeetsHigher
            ? t("；也达到较高一档 \(n.higher)", "; it meets the higher tier \(n.higher) too") : ""
        return t("；\(n.lower) 为较低一档，适用于\(who)，否则为 \(n.higher)",
                 "; \(n.lower) is the lower tier, for \(who); \(n.higher) otherwise") + also
    }

    /// The land-quota reward's finding.
    private func land(_ percents: [String], _ f: RuleFinding.LandFinding) -> String {
        let p = period
        let shares = percents.map { "\($0)%" }
        let rate = t("奖励实际使用指标的" + shares.joined(separator: "或"),
                     "reward " + shares.joined(separator: " or ") + " of the quota used")
        switch f {
        case .noListDate: return t("完成年度计划则\(rate)", "\(rate) if the annual plan is completed")
        case let .planUnknown(y, notOver):
            return t("完成\(y)年度计划则\(rate)；\(y)年计划未知" + (notOver ? "；全年未过" : ""),
                     "\(rate) if the \(y) plan is completed; the \(y) plan is not known"
                        + (notOver ? "; the year is not over" : ""))
        case let .rate(period, r, y, outcome):
            let head = t("\(p(period))完成\(y)年计划的 \(r)%", "\(p(period)) \(r)% of the \(y) plan completed")
            switch outcome {
            case .yearNotOver:
                return head + t("（计划金额未知）；全年未过；完成计划则\(rate)",
                                " (plan amount unknown); the year is not over; \(rate) if the plan is completed")
            case .completed: return head + t(" ≥ 100%：完成年度计划；\(rate)（实际使用指标未知）",
                                             " ≥ 100%: annual plan completed; \(rate) (quota used unknown)")
            case .missed: return head + t(" < 100%：未完成年度计划；不获奖励",
                                          " < 100%: annual plan not completed; no reward")
            case .rounding: return head + t("：在 100% 的舍入范围内；完成计划则\(rate)",
                                            ": within the rounding of 100%; \(rate) if the plan is completed")
            case .noFullYear: return head + t("；没有全年数字；完成计划则\(rate)",
                                              "; no full-year figure; \(rate) if the plan is completed")
            }
        case let .noCompleted(y, plan, notOver):
            return t("\(y)年计划 \(plan)；没有\(y)年的完成数字" + (notOver ? "（全年未过）" : ""),
                     "\(y) plan \(plan); no completed figure for \(y)" + (notOver ? " yet; the year is not over" : ""))
        case let .differentBases(period, c, y, plan):
            return t("\(p(period))完成 \(c) 与\(y)年计划 \(plan) 口径不同；完成计划则\(rate)",
                     "completed \(p(period)) \(c) and the \(y) plan \(plan) are on different bases; \(rate) if the "
                        + "plan is completed")
        case let .completed(period, c, y, plan):
            return t("\(p(period))完成 \(c) ≥ \(y)年计划 \(plan)：完成年度计划；\(rate)（实际使用指标未知）",
                     "completed \(p(period)) \(c) ≥ \(y) plan \(plan): annual plan completed; \(rate) "
                        + "(quota used unknown)")
        case let .missed(period, c, y, plan):
            return t("\(p(period))完成 \(c) < \(y)年计划 \(plan)：未完成年度计划；不获奖励",
                     "completed \(p(period)) \(c) < \(y) plan \(plan): annual plan not completed; no reward")
        case let .open(period, c, y, plan, why):
            let reason: String
            switch why {
            case .yearNotOver: reason = t("全年未过", "the year is not over")
            case .noFullYear: reason = t("没有全年数字", "no full-year figure")
            case .lowerBound: reason = t("只知道全年的下限", "only a lower bound of the full year is known")
            case .rounding: reason = t("在计划数字的舍入范围内", "within the rounding of the plan")
            }
            return t("\(p(period))完成 \(c)，对照\(y)年计划 \(plan)：\(reason)；完成计划则\(rate)",
                     "completed \(p(period)) \(c) against the \(y) plan \(plan): \(reason); \(rate) if the plan is "
                        + "completed")
        }
    }

    /// A figure a rule's result is missing, in words of `language` ("2015年全年完成投资" /
    /// "completed 2015 full year").
    public func missing(_ m: RuleMissing) -> String {
        switch m {
        case .industry: return t("产业", "industry")
        case .listDate: return t("入选日期", "list date")
        case .threeYearPlan: return t("3年规划投资", "3-year plan")
        case .acceleratedCounty: return t("是否属26个加快发展县", "whether the county is one of the 26")
        case .firstYear: return t("首年", "the first year")
        case let .completedYear(y): return t("\(y)年完成投资", "completed \(y)")
        case let .completedFullYear(y, basis, only):
            return t("\(y)年全年完成投资" + (basis ? "（按计划口径）" : "") + (only.map { "（只知道 \($0)）" } ?? ""),
                     "completed \(y) full year" + (basis ? " on the plan's basis" : "")
                        + (only.map { " (only \($0) known)" } ?? ""))
        case let .completedOnBasis(y, basis):
            let b = dataset.bases[basis]
            return t("\(y)年完成\(b?.nameZH ?? basis)", "completed \(y) as \(b.map { $0.nameEN.lowercased() } ?? basis)")
        case .completedOverCreation: return t("创建期内完成投资", "completed over the creation period")
        case let .featuredInvestment(p):
            return t((p.map(period) ?? "") + "特色产业投资",
                     "featured-industry investment" + (p.map { " " + period($0) } ?? ""))
        case let .area(a, asOf):
            return t((asOf.map { period($0) + "的" } ?? "") + (a == .planned ? "规划面积" : "建成面积"),
                     (a == .planned ? "planned area" : "built area") + (asOf.map { " as of " + period($0) } ?? ""))
        case let .tolerance(max): return t("“\(max) 平方公里左右”的容差", "a tolerance for 'about \(max) km²'")
        case .scenicRating: return t("景区等级", "scenic-area rating")
        case .visitors: return t("年游客人次", "visitors a year")
        case let .planOfYear(y): return t("\(y)年计划", "\(y) plan")
        case let .exactPlanOfYear(y): return t("\(y)年计划的确切数额", "the \(y) plan's exact amount")
        }
    }

    /// A rule's result in words: the finding, then what is missing ("；缺 missing: 产业" /
    /// "; missing: industry").
    public func note(_ r: RuleResult) -> String {
        var note = text(r.finding)
        if !r.missingItems.isEmpty {
            note += (language == .zh ? Catalogue.ruleMissing.zh : Catalogue.ruleMissing.en)
                + r.missingItems.map(missing).joined(separator: t("、", ", "))
        }
        return note
    }
}

extension ShownFacts {
    /// The rules' words in the interface language (`RuleWords`).
    var ruleWords: RuleWords { RuleWords(dataset: facts.dataset, language: language) }

    /// A rule's result in words: the finding, then what is missing (`RuleWords.note`).
    func ruleNote(_ r: RuleResult) -> String { ruleWords.note(r) }
}

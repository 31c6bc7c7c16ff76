import TownsCore

/// The catalogue's texts for issue 14's points 4-7: groups of towns told straight (types),
/// filters that say where they apply, what is at stake under the province's rules, and the
/// explanations (derivations, rule evaluations, projections) worded in the reader's language.
/// Kept apart from the shared catalogue so that the helpers changing both can merge.
extension Catalogue {
    static let groupPlan = Bilingual("计划", "Plan")
    static let groupDone = Bilingual("完成", "Done")
    static let groupRate = Bilingual("完成率", "Rate")
    static let groupCovered = Bilingual("计入", "Both")
    static let behind = Bilingual("落后", "Behind")
    static let groupNote = groupNote(both: true, behind: true)
    /// The types view's note, its clause on the Both (计入) or Behind (落后) column left out while
    /// the width hides that column (wave 20: at 60x14 it explained a column not shown).
    static func groupNote(both: Bool, behind: Bool) -> Bilingual {
        Bilingual(
            "计划、完成、完成率只计年计划和完成都已知的小镇" + (both ? "（计入 = 这些小镇数/小镇数）" : "")
                + (behind ? "；落后 = 完成率低于全年已过比例的小镇，完成率未知的不计" : ""),
            "Plan, Done and Rate count only towns with both the year's plan and the completed amount"
                + (both ? " (Both = those towns / all)" : "")
                + (behind ? "; Behind = towns whose completion rate is below the share of the year elapsed "
                    + "(towns without a rate are not counted)" : ""))
    }
    static func typesLeftOut(_ n: String) -> Bilingual {
        Bilingual("筛选：另有 \(n) 个类型没有符合的小镇，未列出", "filter: " + EnglishCount.of(n, "type") + " with no matching town left out")
    }
}

extension Catalogue {
    static func entitiesLeftOut(_ n: String) -> Bilingual {
        Bilingual("筛选：另有 \(n) 个运营主体没有符合的小镇，未列出", "filter: \(n) entity(ies) with no matching town left out")
    }
}

extension Catalogue {
    static let filterNotApplied = Bilingual("此页不适用", "not applied here")
    /// The overview's filter chip: its region's row is the region's reported totals, which no town
    /// filter applies to; named as the row is (`whole`: 全省 for 浙江省, wave 30's fresh user saw
    /// `全市行为报告数` / `city row` beside `全省 浙江省` on generated province data).
    static func filterPartlyOverview(_ regionZH: String) -> Bilingual {
        let level: String
        switch whole(regionZH) {
        case "全省": level = "province"
        case "全县": level = "county"
        case "全区": level = "district"
        default: level = "city"
        }
        return Bilingual("\(whole(regionZH))行为报告数", "\(level) row as reported")
    }
    static let filterPartlyProvince = Bilingual("无数据的小镇不计", "towns without figures left out")
    static func provinceFiltered(_ shown: String, _ untested: String) -> Bilingual {
        Bilingual(
            "筛选：小镇、有数据两列只计符合筛选的小镇（报告列仍为全部名单）；\(untested) 个本数据中没有数字的小镇无法检验，未计入；"
                + "另有 \(shown) 个城市没有符合的小镇，未列出",
            "filter: Towns and With figures count only matching towns (Reported is still the whole list's); "
                + "\(townsEN(untested)) without figures here cannot be tested and are left out; \(shown) city(ies) "
                + "with no matching town left out")
    }
}

extension Catalogue {
    static let landQuotaUsed = Bilingual("实际使用用地指标（亩）", "Land quota used (mu)")
}

extension Catalogue {
    static let assessmentColumns = Bilingual("各列：", "Columns: ")
    static let listSeparator = Bilingual("；", "; ")
    /// Between an assessment note's towns and what follows for them: full-width in Chinese.
    static let noteColon = Bilingual("：", ": ")
    static func stakeTowns(_ n: String) -> Bilingual { Bilingual("\(n) 镇", townsEN(n)) }
    static let stakesNoneStated = Bilingual(
        "：数据中的省级规则未写明这几项单独的后果", ": the province's rules in the data state no consequence of their own")
    static let stakeSources = Bilingual("后果来源：", "Consequences' sources: ")
}

extension Catalogue {
    static let stakesNoQuota = Bilingual(
        "用地奖励按实际使用的用地指标计，数据中没有各镇的这一数字，故只说规则，不给数量",
        "the reward is a share of the land quota actually used, which the data does not hold for these towns: "
            + "the rule in words, no amount")
}

extension Catalogue {
    static let atStake = Bilingual("后果：", "At stake: ")
}

extension Catalogue {
    /// Before a data file's name and line, on a line of its own ("数据出处 figures.toml:43").
    static let dataFileLine = Bilingual("数据出处 ", "data file: ")
}

import TownsCore

/// The catalogue's texts for the verdicts on screen (issue 12: interpretations, bases,
/// findings, reference pages) and the meeting's questions (issue 14: overview, changes,
/// projections, what is at stake), kept apart from `Catalogue.swift` so that the helpers
/// changing both can merge.
extension Catalogue {
    static func interpretedLeftOut(_ n: String) -> Bilingual {
        Bilingual(
            "解读值 \(n) 个（“共计30个项目”的一种读法）未计入已知合计；小镇页列出两种读法",
            EnglishCount.of(n, "interpreted figure") + " (one reading of the paper's “30 projects in total”) left out of the "
                + "known sums; "
                + "the town's page gives both readings")
    }
    static func basisIs(_ zh: String, _ en: String) -> Bilingual {
        Bilingual("口径不同：\(zh)", "other basis: \(en)")
    }
    static let failsCheck = Bilingual("核对不符：", "fails a check: ")
    static let reference = Bilingual("参考", "Reference")
    static let referenceTopic = Bilingual("主题", "Topic")
    static let referenceSection = Bilingual("章节", "Section")
    static let referencePassages = Bilingual("段落", "Passages")
    static let noReference = Bilingual(
        "数据中没有 reference.toml（论文段落）", "no reference.toml (the paper's passages) in the data")
    static func noReferenceTopic(_ topic: String, topics: [String]) -> Bilingual {
        let list = topics.joined(separator: " ")
        return Bilingual("没有参考主题 \(topic)（主题：\(list)）", "no reference topic \(topic) (topics: \(list))")
    }
    static let summaryNotQuote = Bilingual("英文摘要（非原文）: ", "Summary (not a quote): ")
    static let exampleTowns = Bilingual("示例小镇: ", "Example towns: ")
    static let provinceSources = Bilingual("来源：", "Sources: ")
}

extension Catalogue {
    static let helpInterpreted = Bilingual(
        "解读：对有歧义原文的一种读法，不计入已知合计；页面列出各种读法；≈† 由解读值推算",
        "interpreted: one reading of words that read more than one way; not summed as known; "
            + "the page gives every reading; ≈†: worked out from one")
    static let helpBasis = Bilingual(
        "口径不同：统计口径与论文的完成投资额不同（页面说明口径）",
        "other basis: measured on a different basis from the paper's completed investment (the page says which)")
    static let helpReference = Bilingual(
        "参考页：论文段落及其章节（6 参考视图；主题 definition features creation types mechanism problems "
            + "countermeasures industries）",
        "a reference page: the paper's passages with their sections (view 6; topics definition features creation "
            + "types mechanism problems countermeasures industries)")
}

extension Catalogue {
    static let helpProjected = Bilingual(
        "预测：按目前进度推至年底（完成 ÷ 已过月数 × 12），不是报告数，不计入报告合计；公式见页面",
        "projected: the year's end at the pace so far (completed ÷ months elapsed × 12), not reported, never "
            + "summed into reported totals; formula on the page")
}

extension Catalogue {
    static let overview = Bilingual("概览", "Overview")
    static let panel = Bilingual("面板", "Panel")
    static let figuresColumn = Bilingual("数字", "Figures")
    static func progressHeader(_ period: String) -> Bilingual {
        Bilingual(
            "进度与预测（\(period)，线性进度）",
            "Progress and projection (\(period), linear schedule)")
    }
    static let expectedField = Bilingual("应完成", "Expected by now")
    static let shortfallField = Bilingual("落后差额", "Shortfall")
    static let projectionField = Bilingual("全年预测", "Year's end (pace)")
    static let recentField = Bilingual("近三月速度预测", "Year's end (3 months)")
    static let gapField = Bilingual("与计划差", "Gap to plan")
    static let neededField = Bilingual("每月需完成", "Needed a month")
    static func overviewBehind(_ n: String) -> Bilingual {
        Bilingual("落后 \(n) 镇", "\(n) behind")
    }
    /// The towns-behind panel's heading when no town it judges has a completion rate in the
    /// period: the count is unknown, said in words, widest first (the reason where the panel
    /// column holds it); the last, the mark `—` between these words (`落后 — 镇`, `— behind`), only
    /// where the column is narrower than the words (wave 36's fresh user read `— behind` at the
    /// 2015 full year, a count no reader could make out).
    static let overviewBehindUnknownWords = [
        Bilingual("落后镇数：不能判断（本期无进度）", "behind: cannot be told (no rates)"),
        Bilingual("落后镇数：不能判断", "behind: cannot be told"),
        Bilingual("落后：不能判断", "behind: not known"),
    ]
    static let overviewBehindUnknown = (before: Bilingual("落后 ", ""), after: Bilingual(" 镇", " behind"))
    /// The towns-behind panel's line when none is known behind and `n` towns it judges have no
    /// completion rate in the period (no wider than `noneKnownBehind`: the figures column at 80).
    static func overviewUnjudged(_ n: Int) -> Bilingual {
        Bilingual("另 \(n) 镇无本期进度，不能判断", "\(townsEN(n)): no rate this period, not judged")
    }
    static let overviewTypes = Bilingual("类型", "Types")
    /// The changes panel's header, short enough for its column at 80 columns ("vs 2015 Jan-Aug").
    static func overviewChanges(_ since: String) -> Bilingual {
        Bilingual("较 \(since)", "vs \(since)")
    }
    static let overviewChecks = Bilingual("核对", "Checks")
    static let overviewRules = Bilingual("考核", "Assessment")
    static let expectedByNow = Bilingual("应完成", "expected by now")
    static let behindBy = Bilingual("落后", "behind by")
    static let shortBy2 = Bilingual("差", "short")
    static let yearEndAtPace = Bilingual("按目前进度全年", "year's end at this pace")
    static let neededAMonth = Bilingual("达成计划每月需", "needed a month")
    static let noneKnownBehind = Bilingual("无已知落后的小镇（未知的不计）", "none known to be behind (unknowns not counted)")
    static let newSince = Bilingual("新增", "new")
    static let completed3 = Bilingual("完成", "completed")
    static let rate = Bilingual("完成率", "rate")
    static let noChanges = Bilingual("无变化", "no changes")
    static let noPreviousPeriod = Bilingual("本年没有上一期", "no previous period this year")
    /// The checks' counts by kind (the overview's checks row, the checks view's heading): "1 inconsistent,
    /// 0 ambiguous, 1 gap, 2 fitted" (one gap is `1 gap`, not `1 gaps`: session 27's fresh user, F15).
    static func findingCounts(_ bad: String, _ ambiguous: String, _ gaps: String, _ fitted: String) -> Bilingual {
        Bilingual(
            "不符 \(bad)  歧义 \(ambiguous)  数据缺口 \(gaps)  拟合一致 \(fitted)",
            "\(bad) inconsistent, \(ambiguous) ambiguous, \(gaps) \(gaps == "1" ? "gap" : "gaps"), \(fitted) fitted")
    }
}

import TownsCore

/// The catalogue's texts for what a fresh user found wrong on screen (wave 4): the overview's
/// types panel, a town's place among the towns ranked, the tabs and the changes panel; kept
/// apart from the shared catalogue files so that helpers changing them can merge.
extension Catalogue {
    /// The overview's types panel after a type's figures: towns in both sums / towns of the
    /// type, then how many are behind (the count, or `—` drawn after it when none has a rate).
    static func typeCovered(_ both: String, _ all: String) -> Bilingual {
        Bilingual("\(both)/\(all) 镇 落后 ", "\(both)/\(all) \(townNounEN(all)), behind ")
    }
    /// A town's place by completion rate among the towns that have one in the period shown
    /// (`ranked`), and how many have none (`unranked`, not placed; left out when 0).
    static func placeAmongRanked(_ now: String, _ before: String, _ ranked: String, _ unranked: Int) -> Bilingual {
        Bilingual(
            "第 \(now)（上期 \(before)），共 \(ranked) 镇有完成率，按完成率从高到低"
                + (unranked > 0 ? "；另 \(unranked) 镇无完成率，不排名" : ""),
            "\(now) (before: \(before)) of \(ranked) with a rate, by completion rate, highest first"
                + (unranked > 0 ? "; \(unranked) without a rate, not ranked" : ""))
    }
    /// `placeAmongRanked` at the year's first period, which has no earlier one to move from (wave 25's
    /// fresh user, F6: Jan-Aug 2015 showed no place at all, though the paper names Tongxiang the fastest).
    static func placeAmongRankedFirst(_ now: String, _ ranked: String, _ unranked: Int) -> Bilingual {
        Bilingual(
            "第 \(now)，共 \(ranked) 镇有完成率，按完成率从高到低（本年第一期，无上期可比）"
                + (unranked > 0 ? "；另 \(unranked) 镇无完成率，不排名" : ""),
            "\(now) of \(ranked) with a rate, by completion rate, highest first (the year's first period: none before)"
                + (unranked > 0 ? "; \(unranked) without a rate, not ranked" : ""))
    }
    /// After `placeAmongRanked` (marked `≈`) where the town's own rate is derived: why the place is.
    static let placeOnDerivedRate = Bilingual(
        "；名次为推算：本镇完成率系推算", "; the place is derived: the town's rate is worked out")
    /// After `placeOnDerivedRate` where the town's rate is worked out over a plan first derivable
    /// from a later period (`Metrics.planFromLaterPeriod`, `from`: its label): the place is as
    /// undecided as the verdict (`≈3?` in the list; wave 25b's G5).
    static func placeOnLaterPlan(_ from: Bilingual) -> Bilingual {
        Bilingual("，其年计划据\(from.zh)（以后的期间）推出：按所示期间及以前的报告不能定名次（列表标 ?）",
                  ", over a plan from \(from.en) (a later period): the reports up to the period shown do not"
                      + " place it (? in the list)")
    }
    /// After `placeAmongRanked`, where the towns ranked differ between the periods: how many were
    /// ranked before (`rankedThen`), and the move among the `both` towns ranked in both periods
    /// (`moved` places up, negative down), which the place column's `▲`/`▽` shows.
    static func placeAmongBoth(_ rankedThen: String, _ both: String, _ moved: Int) -> Bilingual {
        let zh = moved > 0 ? "升 \(moved) 位" : moved < 0 ? "降 \(-moved) 位" : "名次未变"
        let en = moved > 0 ? "up \(moved)" : moved < 0 ? "down \(-moved)" : "unchanged"
        return Bilingual("；上期 \(rankedThen) 镇有完成率，两期都有的 \(both) 镇中\(zh)",
                         "; \(rankedThen) had a rate before; among the \(both) with a rate in both: \(en)")
    }
}

extension Catalogue {
    /// The rank's moves in the legend (`▲2` up two places, `▽1` down one), listed where shown.
    static let legendRankMoves = LegendWord(
        text: Bilingual("名次升降", "rank moved"), short: "rank", shortest: "rank")
    /// The verdicts' words in the legend, where a screen shows their marks outside the assessment
    /// (which explains them in its notes): met, not met, cannot be judged, not yet due. The
    /// shorter English forms are one set of words (`?unclear ○not due`): a table's legend and its
    /// notes page's, drawn in different forms at 60x14, said `?undecided ○not due` and `?unclear ○later`;
    /// `○later` read as `▼late`'s (wave 22: `○not due`, as the help says).
    static let legendVerdicts = [
        LegendWord(text: Bilingual("达标", "met"), short: "met", shortest: "met"),
        LegendWord(text: Bilingual("未达标", "not met"), short: "unmet", shortest: "unmet"),
        LegendWord(text: Bilingual("不能判定", "cannot be judged"), short: "unclear", shortest: "unclear"),
        LegendWord(text: Bilingual("未到期", "not yet due"), short: "not due", shortest: "not due"),
    ]
    /// `?`'s words in the legend where every `?` the screen's tables draw rests on a year's plan from
    /// a later period (`Mark.laterPlan`: Nanhu's Jan-Aug `≈15.0?`), worded as the overview's row
    /// and the exports word it (`，计划据以后期间`, `plan from a later period`; wave 36: the legend
    /// said `? 不能判定` alone).
    static let legendLaterPlan = LegendWord(
        text: Bilingual("不能判定（计划据以后期间）", "cannot be judged (plan from a later period)"),
        short: "unclear (later plan)", shortest: "later plan")
    /// `legendLaterPlan` where other `?` are drawn beside (a check failing, a rule not judged).
    static let legendLaterPlanAmong = LegendWord(
        text: Bilingual("不能判定（含计划据以后期间）", "cannot be judged (incl. plan from a later period)"),
        short: "unclear (incl. later plan)", shortest: "unclear/later plan")
    /// The legend's Chinese words at their shortest (60 columns, 80 with many marks), by the full
    /// word: whole words (`不符`, `预期`), never a word cut (`核对`, `应完` read as cut off).
    static let legendShortestZH = ["口径不同": "口径", "核对不符": "不符", "应完成": "预期",
                                   "不能判定（计划据以后期间）": "不能判定(据后期计划)",
                                   "不能判定（含计划据以后期间）": "不能判定(含据后期计划)"]
}

extension Catalogue {
    /// `:changes ID` with a period that is not earlier in the same year as the one shown: the
    /// message line's short form (the changes view's note gives the reason in full).
    static func chosenIgnoredShort(_ id: String, _ from: String, _ to: String) -> Bilingual {
        Bilingual("\(id) 不在 \(to) 之前（同一年）：与 \(from) 比较",
                  "\(id) is not before \(to) in its year: compared with \(from)")
    }
}

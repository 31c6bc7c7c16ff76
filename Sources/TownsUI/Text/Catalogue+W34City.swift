extension Catalogue {
    /// The city's totals page's title in a period shown where the city reported nothing and its
    /// towns' sum is unknown too (`Metrics.cityReportedNothing` but not `cityIsTownsSum`): the page
    /// still lists the totals of the periods the city did report, so its name stays, with the period
    /// shown said to be unreported (wave 33's second fresh user, F13: it read "reported totals" over
    /// a month the city reported nothing). `periodZH`/`periodEN`: the period's label.
    /// "全市报告 嘉兴市（2015年1-10月全市未报，镇合计不全）" /
    /// "Jiaxing: reported totals (2015 Jan-Oct not reported; towns' sum incomplete)".
    static func cityTotalsNoneReported(_ regionZH: String, _ regionEN: String, periodZH: String,
                                       periodEN: String) -> Bilingual {
        Bilingual("\(whole(regionZH))报告 \(regionZH)（\(periodZH)\(whole(regionZH))未报，镇合计不全）",
                  "\(regionEN): reported totals (\(periodEN) not reported; towns' sum incomplete)")
    }
}

extension Catalogue {
    /// The towns view's note in a month the city reported nothing (`Metrics.cityIsTownsSum`): its
    /// row (`cityRowTownsSum`) is every town's completed amount summed, set against the city's own
    /// plan and judged as the city's (its `▼`), unlike the sum-of-known row's rate, which carries
    /// none (`sumRowNoVerdict`). `towns`: how many towns the sum holds (all of them).
    /// "全市未报 ≈镇合计：2015年1-10月全市未报，此行为 5 镇完成之和，对照全市计划判定落后（▼）".
    static func cityRowTownsSumJudged(_ regionZH: String, _ regionEN: String, towns: Int, periodZH: String,
                                      periodEN: String) -> Bilingual {
        let row = cityRowTownsSum(regionZH, regionEN)
        return Bilingual(
            "\(row.zh)：\(periodZH)\(whole(regionZH))未报，此行为 \(towns) 镇完成之和，对照\(whole(regionZH))计划判定落后（▼）",
            "\(row.en): nothing reported by \(regionEN) for \(periodEN); the row sums its \(townsEN(towns))' "
                + "completed amounts and is judged against \(regionEN)'s plan (▼)")
    }
}

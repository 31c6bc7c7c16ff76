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

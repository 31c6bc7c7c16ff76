/// The texts that frame an export (`ExportFrame`): the heading's labels, the legend's
/// meanings of each marker, the titles of the legend and sources.
extension Catalogue {
    static let exportDataset = Bilingual("数据集：", "Dataset: ")
    static let exportSynthetic = Bilingual("合成数据", "SYNTHETIC")
    static let exportPeriod = Bilingual("期间：", "Period: ")
    static let exportNoPeriod = Bilingual("无（数据无期间）", "none (the data has no periods)")
    static let exportUnit = Bilingual("单位：", "Unit: ")
    static let exportFilter = Bilingual("筛选：", "Filter: ")
    static let exportNone = Bilingual("无（全部）", "none (all)")
    static let exportMatching = Bilingual("只含匹配", "only rows matching")
    static let exportSort = Bilingual("排序：", "Sort: ")
    static let exportDataOrder = Bilingual("数据原顺序", "the data's order")
    static let exportDescending = Bilingual("从大到小", "largest first")
    static let exportAscending = Bilingual("从小到大", "smallest first")
    static let exportLegendTitle = Bilingual("标记：", "Markers:")
    static let exportSourcesTitle = Bilingual("来源：", "Sources:")
    static let exportDerivedWhere = Bilingual(
        "推算值由上列报告数字算出，公式见各小镇页（towns report --town ID）",
        "derived figures are worked out from the reported figures above; each town's page gives the formula"
            + " (towns report --town ID)")
    static let exportMeansDerived = Bilingual(
        "推算：由报告数字算出，非来源所印", "derived: worked out from reported figures, not printed by a source")
    static let exportMeansInterpreted = Bilingual(
        "解读：可有多种读法的文字的一种读法，不计入已知合计（≈† 由解读值推算）",
        "interpreted: one reading of words that read more than one way; not summed as known (≈†: worked out from one)")
    static let exportMeansBasis = Bilingual(
        "口径不同：另一统计口径的数字，不与其他数字合并", "other basis: measured on another basis; never combined with the others")
    static let exportMeansProjected = Bilingual(
        "预测：按目前进度推到年底，非报告数字", "projected: the year's end at the pace so far; never reported")
    static let exportMeansUnknown = Bilingual("未知：没有来源给出（不是 0）", "unknown: no source gives it (not 0)")
    static let exportMeansBound = Bilingual(
        "下限：来源只说“超过 N”", "lower bound: the source says only \"more than N\"")
    static let exportMeansCheck = Bilingual(
        "核对不符：未通过一致性核对（见 towns check）", "fails a consistency check (see towns check)")
    static let exportMeansBehind = Bilingual(
        "落后：完成率低于全年已过比例", "behind schedule: completion below the share of the year elapsed")
    static let exportMeansExpected = Bilingual(
        "应完成：进度条上全年已过比例的位置", "expected by now: the share of the year elapsed, on the bar")
    static let exportMeansMet = Bilingual("符合规则", "the rule is met")
    static let exportMeansNotMet = Bilingual("不符合规则", "the rule is not met")
    static let exportMeansUndetermined = Bilingual(
        "不能判定：缺少数字，数字互相矛盾（核对不符），所示期间及以前的报告给不出（年计划据以后的期间推出），"
            + "或在数字的取整之内（完成率可能在应完成比例的两侧）；小镇页列出缺什么或哪项核对",
        "not known: a figure is missing, the figures disagree (a check fails), the reports up to the period shown"
            + " do not give it (a plan from a later period), or it is within the figures' rounding (the rate may be"
            + " either side of the share elapsed); the town's page names which")
}

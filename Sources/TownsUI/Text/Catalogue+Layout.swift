/// Texts that depend on what the dataset's region is: a province's totals are the province's
/// (全省), not a city's (全市).
extension Catalogue {
    /// "全省" for a province's region (浙江省), "全县" / "全区" for a county's or a district's,
    /// else "全市" (嘉兴市, and a region named without its level).
    static func whole(_ regionZH: String) -> String {
        switch regionZH.last {
        case "省": return "全省"
        case "县": return "全县"
        case "区": return "全区"
        default: return "全市"
        }
    }

    /// The row of the region's own figures, as every view names it: "全省 浙江省" / "Zhejiang",
    /// "全市 嘉兴市" / "Jiaxing" (the overview, the changes, the assessment).
    static func regionRow(_ regionZH: String, _ regionEN: String) -> Bilingual {
        Bilingual("\(whole(regionZH)) \(regionZH)", regionEN)
    }

    /// The overview's first panel: the region's own figures.
    static func overviewRegion(_ regionZH: String) -> Bilingual {
        Bilingual(whole(regionZH), regionZH.hasSuffix("省") ? "Province" : "City")
    }
}

/// The texts of the frame around the views: the filter's summary on the breadcrumb line.
extension Catalogue {
    static let filterCounty = Bilingual("县", "county")
    static let filterType = Bilingual("类型", "type")
    static let filterList = Bilingual("名单", "list")
    static let filterBehind = Bilingual("落后", "behind schedule")
    static let filterProblem = Bilingual("问题", "problem")
}

extension TownFilter {
    /// "县 海宁市 · 类型 1 · 落后": what the status line shows, in the language of `t`
    /// (`ShownFacts.tr(_:)`), its parts between `separator` (`Glyphs.separator`).
    public func summary(_ t: (Bilingual) -> String, separator: String = Glyphs.unicode.separator) -> String {
        var parts: [String] = []
        if let county { parts.append(t(Catalogue.filterCounty) + " " + county) }
        if let type { parts.append(t(Catalogue.filterType) + " \(type)") }
        if let stage { parts.append(t(Catalogue.filterList) + " " + stage.rawValue) }
        if behindSchedule { parts.append(t(Catalogue.filterBehind)) }
        if let problem { parts.append(t(Catalogue.filterProblem) + " " + problem) }
        return parts.joined(separator: separator)
    }
}

/// Texts of wave 24's words and layout findings (the province view, a page export's legend, the message log, a source's section).
extension Catalogue {
    /// The province view's bar column: the towns listed per city, to the scale of the city
    /// listing most (wave 23's F8: the column had no heading).
    static let provinceBarHeading = Bilingual("小镇数（比例）", "Towns, to scale")
}

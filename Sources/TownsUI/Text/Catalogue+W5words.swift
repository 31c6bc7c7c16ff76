/// Wave 5's words: the amounts' unit in English prose, the report's notes, `towns check`'s English lines.
extension Catalogue {
    /// The dataset's amount unit as a page writes it after a figure: 亿元 in Chinese, "100M yuan"
    /// in English (as the legend says); another unit as the data names it.
    static func amountUnit(_ unit: String) -> Bilingual {
        Bilingual(unit, unit == "亿元" ? "100M yuan" : unit)
    }
}

import Foundation

extension Column {
    /// This column, marked as holding figures (`figures`): never shrunk as names are.
    func holdingFigures() -> Column {
        var c = self
        c.figures = true
        return c
    }
}

/// Wave 22 (w22-words): words of a fresh user's findings about words, layout and exports.
extension Catalogue {
    /// The help's line for `L` (F4): shown while either language is on, so it names both,
    /// not the one the key leaves ("English language" read as a no-op in English).
    static let keyLanguageBoth = Bilingual("切换语言 中文/English", "language: 中文 / English")

    /// `towns report --town X --format csv` (F7): a page is not a table. Worded for the command
    /// line (`--format`), not the dashboard's `:export`.
    public static let reportPageNotCSV = Bilingual(
        "页面不能导出为 CSV：用 --format text、md 或 json", "a page does not export as CSV: --format text, md or json")

    /// `:follow` with a name that cannot be read (F14: its usage named `:present`).
    static let usageFollow = Bilingual("用法：:follow [名称|off]", "usage: :follow [NAME|off]")

    /// The note under the towns table in the presentation layout (F12), which hides 进度差: each
    /// town's verdict is the ▼ on its rate (`sumRowNoVerdict` names the 进度差 column otherwise).
    static func sumRowNoVerdictPresenting(_ label: String) -> Bilingual {
        Bilingual("\(label)的完成率只是合计，不判定落后（不标 ▼）；各镇是否落后见其完成率的 ▼",
                  "\(label): a sum's rate, with no behind verdict (no ▼); each town's is the ▼ on its rate")
    }
}

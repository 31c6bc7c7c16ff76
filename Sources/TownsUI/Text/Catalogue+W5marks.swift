import Foundation
import TownsCore

/// The texts of wave 5's marks work: every mark on a screen explained in words, notes that say
/// what is left of them, the overview's panels that open their full lists.
extension Catalogue {
    /// The overview's rule line: how many towns a rule only informs about (a creation period's
    /// years), in words rather than a mark no legend lists ("期限 ✓0 ✗0 ?2 仅说明 3").
    static func ruleInfoOnly(_ n: String) -> Bilingual { Bilingual("仅说明 \(n)", "info \(n)") }
    /// The help's markers table: the verdicts' marks (○ is `helpNotYetDue`).
    static let helpMet = Bilingual("达标：所示期间的数字满足规则", "met: the period's figures meet the rule")
    static let helpNotMet = Bilingual(
        "未达标：所示期间的数字不满足规则", "not met: the period's figures miss the rule")
    static let helpUndetermined = Bilingual(
        "不能判定：缺少数字，或来源不足以定论", "cannot be judged: a figure is missing or its source cannot settle it")
    /// A list's notes that do not all fit: the last line drawn says how many lines are left and
    /// where to read them (the last row opens them as a page).
    static func notesMoreOnLastRow(_ n: String) -> Bilingual {
        Bilingual("… 说明另有 \(n) 行：最后一行按 Enter 看全文", "… " + EnglishCount.of(n, "more note line") + ": Enter on the last row opens them")
    }
    /// As `notesMoreOnLastRow`, for a list whose notes no page shows: a taller window shows them.
    static func notesMoreTaller(_ n: String) -> Bilingual {
        Bilingual("… 说明另有 \(n) 行（窗口加高可见）", "… " + EnglishCount.of(n, "more note line") + ": a taller window shows them")
    }
    /// Summary rows (and notes) a short window leaves out (the towns view's `计入合计的小镇 2/5` at
    /// 60x14): drawn on the rule above the summary, how many lines a taller window shows (wave 32, F4).
    static func summaryMoreTaller(_ n: String) -> Bilingual {
        Bilingual("… 合计与说明另有 \(n) 行（窗口加高可见）", "… " + EnglishCount.of(n, "more total/note line") + ": a taller window shows them")
    }
    /// The table's columns left out for width, by title, on the breadcrumb line.
    static func columnsLeftOut(_ titles: String) -> Bilingual {
        Bilingual("未显示列: \(titles)", "columns left out: \(titles)")
    }
    /// As `columnsLeftOut`, counted, where the titles do not fit: in English the short form
    /// (`columnsLeftOutShort`) too, so one count reads the same whether or not a chip (following,
    /// a filter) leaves room (wave 43's fresh user: `6 cols hidden` while following, `6 columns
    /// hidden` after).
    static func columnsLeftOutCount(_ n: String) -> Bilingual {
        columnsLeftOutShort(n)
    }
    /// As `columnsLeftOutCount`, short, no wider than the Chinese (13 columns), where that does not fit.
    static func columnsLeftOutShort(_ n: String) -> Bilingual {
        Bilingual("另 \(n) 列未显示", n == "1" ? "1 col hidden" : "\(n) cols hidden")
    }
}

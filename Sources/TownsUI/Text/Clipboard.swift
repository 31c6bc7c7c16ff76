import Foundation

/// What `y` copies: the view shown as tab-separated text (a list: the header, the rows as
/// shown, in their order, filter and sort, then the totals; a page: its lines, unwrapped),
/// to paste into a spreadsheet or a document, and how many rows (or lines) it holds. Marks
/// are written as Unicode draws them (≈ derived, — unknown: a clipboard is not a terminal's
/// glyph set, and `-` would paste as zero).
public struct ClipboardText: Equatable, Sendable {
    public var text: String
    /// Body rows of a list (totals not counted), or lines of a page.
    public var rows: Int
    public init(text: String, rows: Int) { self.text = text; self.rows = rows }

    /// The view shown as the clipboard takes it, as exports write it (`AppState.forPrint`: the
    /// overview's every panel in full, whatever the window; every town named; no key hints);
    /// nil where nothing can be copied (help).
    public static func of(_ shown: AppState) -> ClipboardText? {
        let state = shown.forPrint
        if state.screen.kind.isPage {
            let lines = state.pageLines(state.screen.kind, width: 4096).map { line in
                line.runs.map(\.0).joined().trimmingCharacters(in: .whitespaces)
            }
            let title = Renderer.crumb(state.screen.kind, state)
            return ClipboardText(text: ([title, ""] + lines).joined(separator: "\n") + "\n", rows: lines.count)
        }
        guard let content = state.content(for: state.screen) else { return nil }
        let table = Export.table(content, glyphs: .unicode)
        func line(_ cells: [String]) -> String {
            cells.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: "\t")
        }
        let lines = [line(table.header)] + (table.rows + table.summary).map(line)
        return ClipboardText(text: lines.joined(separator: "\n") + "\n", rows: table.rows.count)
    }
}

/// The status line after a copy (`Action.copied`): how many rows went to the clipboard, or
/// why the terminal could not take them, offering the export key instead.
func copied(_ state: AppState, rows: Int, refusal: String?) -> AppState {
    var s = state
    if let refusal {
        s.session.flash = Flash(
            s.tr(Catalogue.cannotCopy(refusal, s.keyName(.export))), level: .warning)
    } else {
        s.message = s.tr(Catalogue.copiedRows("\(rows)"))
    }
    return s
}

extension Catalogue {
    static func copiedRows(_ n: String) -> Bilingual {
        Bilingual("已复制 \(n) 行到剪贴板（制表符分隔，可粘贴到表格）", "copied \(n) rows to the clipboard (tab-separated)")
    }
    static func cannotCopy(_ why: String, _ export: String) -> Bilingual {
        Bilingual(
            "此终端无法接收复制（\(why)）；按 \(export) 导出为文件",
            "this terminal cannot take a copy (\(why)); \(export) exports a file")
    }
    static let nothingToCopy = Bilingual("此页不能复制", "nothing to copy here")
}

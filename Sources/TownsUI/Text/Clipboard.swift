import Foundation

/// What `y` copies: the view shown as tab-separated text (a list: the header, the rows as
/// shown, in their order, filter and sort, then the totals; a page: its lines, unwrapped),
/// to paste into a spreadsheet or a document, and how many rows (or lines) it holds. It opens
/// with the lines an export opens with (`AppState.exportHeading`: the view's title and period,
/// dataset, period, unit, filter and sort; a list then its sources, `exportSources`), a blank
/// line, then the table; under it, as an export ends, the notes under the table (the towns
/// view's `†` note; why a list is empty) and the legend of the marks the copy holds (only
/// those: `≈ † ◇ → ! ▼ ✦`…, `ExportFrame.legend`), each block after a blank line; a page
/// ends with its own sources, then the legend of its marks. Marks are written as the screen
/// draws them, as an export is (`glyphs`): in Unicode `≈` derived, `—` unknown; in the ASCII
/// set (`--ascii`, a locale that is not UTF-8) `~` derived and unknown `NA` as an `--ascii` CSV
/// writes it (`Glyphs.forExport`: a `-` or `_` would paste as zero or as text), the prose's
/// punctuation folded (`Glyphs.written`).
public struct ClipboardText: Equatable, Sendable {
    public var text: String
    /// Body rows of a list (totals not counted), or lines of a page.
    public var rows: Int
    public init(text: String, rows: Int) { self.text = text; self.rows = rows }

    /// The view shown as the clipboard takes it, as exports write it (`AppState.forPrint`: the
    /// overview's every panel in full, whatever the window; every town named; no key hints);
    /// nil where nothing can be copied (help).
    public static func of(_ shown: AppState, glyphs drawn: Glyphs = .unicode) -> ClipboardText? {
        let state = shown.forPrint
        let glyphs = drawn.forExport
        if state.screen.kind.isPage {
            let page = state.pageLines(state.screen.kind, width: 4096)
            let lines = page.map { line in
                glyphs.written(line.runs.map(\.0).joined().trimmingCharacters(in: .whitespaces))
            }
            // The page ends with its own sources, as its export does.
            let frame = state.exportFrame(page: page, glyphs: glyphs).written(glyphs)
            let legend = frame.legend.isEmpty ? [] : ["", frame.legendTitle] + frame.legend
            return ClipboardText(text: (frame.heading + [""] + lines + legend).joined(separator: "\n") + "\n",
                                 rows: lines.count)
        }
        guard var content = state.content(for: state.screen) else { return nil }
        if content.rows.isEmpty, !content.emptyText.isEmpty {
            content.notes.insert(CellText(content.emptyTextForFile), at: 0)  // why the list is empty, as exports say
        }
        let table = Export.table(content, glyphs: glyphs)
        func line(_ cells: [String]) -> String {
            // A count of a count (`2/5`) in words, as a CSV writes it: pasted, a spreadsheet takes it for a date.
            cells.map {
                glyphs.written(Export.spreadsheetText(
                    $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "),
                    language: state.language))
            }.joined(separator: "\t")
        }
        let frame = state.exportFrame(for: content, glyphs: glyphs).written(glyphs)
        let title = frame.sourcesTitle + (frame.sourcesTitle.hasSuffix(":") ? " " : "")  // 来源： / Sources:
        let sources = frame.sources.isEmpty ? [] : [title + frame.sources.joined(separator: "; ")]
        // What the columns mean, as a report and an export say it under the table (`columnNotes`).
        let notes = (content.notes.map { $0.text(glyphs) } + state.columnNotes()).map(glyphs.written)
        let ending = (notes.isEmpty ? [] : [""] + notes)
            + (frame.legend.isEmpty ? [] : ["", frame.legendTitle] + frame.legend)
        let lines = frame.heading + sources + [""] + [line(table.header)] + (table.rows + table.summary).map(line)
            + ending
        return ClipboardText(text: lines.joined(separator: "\n") + "\n", rows: table.rows.count)
    }
}

/// The status line after a copy (`Action.copied`): how many rows were sent to the terminal's
/// clipboard (OSC 52: whether they arrive the terminal alone knows, so it says where else
/// they are), or why the terminal could not take them; `saved`: the file the front end also
/// wrote them to (`towns`' `CopyFile`), else `notSaved`: why not; the export key offered.
func copied(_ state: AppState, rows: Int, refusal: String?, saved: String? = nil, notSaved: String? = nil)
    -> AppState
{
    var s = state
    let file = saved.map { s.tr(Catalogue.copyAlsoIn($0)) } ?? notSaved.map { s.tr(Catalogue.copyNotSaved($0)) } ?? ""
    if let refusal, let saved {
        // Nothing was sent: the table is in the file, not "also, if nothing arrives".
        s.session.flash = Flash(s.tr(Catalogue.cannotCopySaved(refusal, saved, s.keyName(.export))), level: .warning)
    } else if let refusal {
        s.session.flash = Flash(
            s.tr(Catalogue.cannotCopy(refusal, s.keyName(.export))) + file, level: .warning)
    } else {
        s.message = s.tr(Catalogue.sentRows("\(rows)")) + file
    }
    return s
}

extension Catalogue {
    static func cannotCopy(_ why: String, _ export: String) -> Bilingual {
        Bilingual(
            "此终端无法接收复制（\(why)）；按 \(export) 导出为文件",
            "this terminal cannot take a copy (\(why)); \(export) exports a file")
    }
    /// The terminal cannot take a copy (`why`), and the front end wrote the table to `path`.
    static func cannotCopySaved(_ why: String, _ path: String, _ export: String) -> Bilingual {
        Bilingual(
            "此终端无法接收复制（\(why)）：表格已存入 \(path)；按 \(export) 导出为文件",
            "this terminal cannot take a copy (\(why)): the table is in \(path); \(export) exports a file")
    }
    static let nothingToCopy = Bilingual("此页不能复制", "nothing to copy here")
}

import Foundation
import TownsCore

/// An export of the screen shown, ready to write: the file's text, the text of a second file
/// to write beside it (a CSV's frame, `NAME.meta.txt`), and how many rows (a list's body rows)
/// or lines (a page's) it holds.
public struct ExportOutput: Equatable, Sendable {
    public var text: String
    /// The CSV's heading, legend and sources (`ExportFrame.metaText`); nil for the other forms,
    /// which hold them.
    public var meta: String?
    public var rows: Int
}

extension AppState {
    /// The widest a page is written at in an export (text and Markdown wrap there; a report's
    /// `--width` narrower).
    public static let exportPageWidth = 100

    /// The height the overview is laid out at for an export: every panel in full, one rule a line.
    static let wholeOverviewHeight = 1 << 30

    /// The screen shown as `format` writes it, `glyphs` as drawn (unknown is written `NA`
    /// rather than `-` in ASCII: `Glyphs.forExport`): a list as filtered and sorted, framed
    /// by `exportFrame` (`notes`: more lines under the table); a page (a town's, the city's
    /// totals, a reference topic) as text, Markdown (its lines in a code block, so they stay
    /// aligned) or JSON, framed the same way. nil when there is nothing to export (the help),
    /// or a page asked for as CSV (`exportRefusal` says why).
    /// `fits` (a report's `--width`): the text form's table is cut to `width` where its whole names
    /// would make it wider (names cut with `…`, as on screen, and a note says so and how to have
    /// them whole: `Catalogue.reportNamesCut`), so that no line is wider than `width`.
    public func exportOutput(
        _ format: ExportRequest.Format, glyphs drawn: Glyphs, byteOrderMark: Bool = false, width: Int = 120,
        notes: [String] = [], fits: Bool = false
    ) -> ExportOutput? {
        let glyphs = drawn.forExport
        if !printed {
            return forPrint.exportOutput(
                format, glyphs: drawn, byteOrderMark: byteOrderMark, width: width, notes: notes, fits: fits)
        }
        if screen.kind.isPage {
            guard format != .csv else { return nil }
            // JSON's lines unwrapped: a program reading them got half a formula an entry (wave 22, F18).
            return exportPage(format, glyphs: glyphs,
                              width: format == .json ? Self.unwrappedPageWidth : min(width, Self.exportPageWidth))
        }
        guard var content = content(for: screen) else { return nil }
        if content.rows.isEmpty, !content.emptyText.isEmpty {
            // Why the list is empty, as the screen says it (the year's first period has no
            // previous one to compare with): a report of a header alone explains nothing.
            content.notes.insert(CellText(content.emptyTextForFile), at: 0)
        }
        content.notes += notes.map { CellText($0) }
        let table = format == .text ? Export.textTableFitting(content, glyphs: glyphs, width: width, fits: fits) : nil
        if let whole = table?.wholeWidth {
            content.notes.insert(CellText(tr(Catalogue.reportNamesCut(width: width, widest: whole))), at: 0)
        }
        // The columns the text's width left out, named first under the table (the screen names them on
        // its breadcrumb; a printed report said nothing: wave 28's fresh user).
        if let leftOut = table?.leftOut, !leftOut.isEmpty {
            content.notes.insert(CellText(tr(Catalogue.reportColumnsLeftOut(
                leftOut.joined(separator: " "), width: "\(width)"))), at: 0)
        }
        let frame = exportFrame(for: content, glyphs: glyphs, withBars: format == .text)
        let tableLines = table?.lines
        let text = Export.render(
            content, format: format, frame: frame, byteOrderMark: byteOrderMark, glyphs: glyphs,
            tableLines: tableLines, width: width, language: language)
        // A CSV's notes (why a list is empty, what is at stake) go beside it with its frame.
        let notesText = content.notes.map { glyphs.written($0.text(glyphs)) }
        let meta = format == .csv ? frame.written(glyphs).metaText(notes: notesText) : nil
        return ExportOutput(text: text, meta: meta, rows: content.rows.count)
    }

    /// This state as exports, reports and the clipboard read it (`printed`): read on paper or
    /// in a spreadsheet, its notes name no keys and its lists every town; the overview holds
    /// every row of every panel, whatever the window's height (as `towns report --view overview`).
    public var forPrint: AppState {
        var s = self
        s.printed = true
        if screen.kind == .overview { s.height = Self.wholeOverviewHeight }
        return s
    }

    /// Why `exportOutput` gives nothing for the screen shown in `format`; nil when it gives an export.
    public func exportRefusal(_ format: ExportRequest.Format) -> Bilingual? {
        if screen.kind.isPage { return format == .csv ? Catalogue.exportPageNotCSV : nil }
        return content(for: screen) == nil ? Catalogue.nothingToExportOnThis : nil
    }

    /// The sources the page shown cites, one string each as its Sources block writes it
    /// (`sourceLines`: "id: title，author address — note"), unwrapped: a page's JSON `sources`, as a
    /// view's JSON has them. Empty for a page without a Sources block (the messages).
    func pageSources(glyphs: Glyphs) -> [String] {
        let page = pageLines(screen.kind, width: Self.unwrappedPageWidth).map { $0.runs(glyphs) }
        let heading = tr(Catalogue.sources)
        guard let start = page.lastIndex(where: { $0.count == 1 && $0[0].0 == heading && $0[0].1 == .header })
        else { return [] }
        return page[(start + 1)...].prefix { runs in runs.allSatisfy { $0.1 == .source } }
            .map { glyphs.written($0.map(\.0).joined()).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// A page laid out this wide wraps no source (`pageSources`): the longest source of the
    /// bundled data is about 300 cells.
    static let unwrappedPageWidth = 4_000

    /// The page shown as `format` writes it (not CSV), its lines wrapped at `width` columns.
    func exportPage(_ format: ExportRequest.Format, glyphs: Glyphs, width: Int = exportPageWidth) -> ExportOutput {
        let page = pageLines(screen.kind, width: width)
        let lines = page.map { line in
            glyphs.written(line.text(glyphs)).replacingOccurrences(
                of: "\\s+$", with: "", options: .regularExpression)
        }
        let frame = exportFrame(page: page, glyphs: glyphs).written(glyphs)
        let heading = frame.heading.map(TerminalText.sanitize)
        let text: String
        switch format {
        case .json:
            struct Document: Encodable {
                var title: String
                var heading: [String]
                var lines: [String]
                var markers: [String]
                var sources: [String]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(Document(
                title: heading.first ?? "", heading: Array(heading.dropFirst()), lines: lines,
                markers: frame.legend.map(TerminalText.sanitize),
                sources: pageSources(glyphs: glyphs).map(TerminalText.sanitize)))) ?? Data()
            text = String(decoding: data, as: UTF8.self) + "\n"
        case .md:
            var out = ["**\(Export.markdownCell(heading.first ?? ""))**", ""]
            out += heading.dropFirst().map { "- " + Export.markdownCell($0) }
            out += ["", "```"] + lines.map { $0.replacingOccurrences(of: "```", with: "'''") } + ["```"]
            if !frame.legend.isEmpty {
                out += ["", "**\(Export.markdownCell(frame.legendTitle))**", ""]
                out += frame.legend.map { "- " + Export.markdownCell(TerminalText.sanitize($0)) }
            }
            text = out.joined(separator: "\n") + "\n"
        case .text, .csv:
            // The heading and the legend wrapped at the page's width as its lines are (wave 30's fresh
            // user: the legend ran to 184 columns at `--width 80`), each marker's meaning under its meaning.
            var ending = frame
            ending.legend = frame.legend.flatMap {
                TextWrap.wrapHanging($0, width: width, indent: TextWrap.legendIndent($0))
            }
            let wrappedHeading = heading.flatMap { TextWrap.wrapAtWords($0, width: width) }
            text = TerminalText.sanitizeLines(
                (wrappedHeading + [""] + lines + ending.ending).joined(separator: "\n") + "\n")
        }
        return ExportOutput(text: text, meta: nil, rows: lines.count)
    }
}

extension Catalogue {
    public static let exportPageNotCSV = Bilingual(
        "页面不能导出为 CSV：用 :export text、md 或 json", "a page does not export as CSV: :export text, md or json")
}

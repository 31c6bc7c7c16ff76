import Foundation

/// A list view written out as text, CSV, Markdown or JSON: the same columns and cells the
/// screen shows (markers included: ≈ derived, — unknown, >14 lower bound, ! check), in the
/// screen's order, filter and sort. Bar columns (no title) are left out; summary rows follow.
public enum Export {
    /// The table of `content` as `format`, with `title` and `legend` alone around it (the
    /// frame's heading and legend, without sources): see `render(_:format:frame:...)`.
    public static func render(
        _ content: ListContent, format: ExportRequest.Format, title rawTitle: String, legend rawLegend: String,
        byteOrderMark: Bool = false, glyphs: Glyphs = .unicode
    ) -> String {
        render(content, format: format, frame: ExportFrame(heading: [rawTitle], legend: [rawLegend], sources: []),
               byteOrderMark: byteOrderMark, glyphs: glyphs)
    }

    /// The table of `content` as `format`. Text and Markdown open with the frame's heading
    /// (title, dataset, period, unit, filter, sort) and end with the notes under the table,
    /// the legend of the markers used and the sources cited; JSON holds them as fields
    /// (`title`, `heading`, `legend`, `sources`); CSV is the header row and the table only
    /// (its frame goes to a file of its own, `ExportFrame.metaText`), with CRLF line ends
    /// (RFC 4180) and, with `byteOrderMark`, a UTF-8 BOM so spreadsheets read Chinese correctly.
    /// `tableLines`: the text form's table as the screen draws it (with bars), else aligned here.
    /// `width`: the text form's notes and sources wrap there (a report's `--width`); nil: unwrapped.
    ///
    /// Every string written (cells, column titles, frame) is sanitised
    /// (`TerminalText.sanitize`): data cannot put an escape sequence into an export that
    /// someone later prints with `cat`, nor a C1 or bidi control into JSON (which would
    /// escape C0 controls but pass the others through).
    public static func render(
        _ content: ListContent, format: ExportRequest.Format, frame raw: ExportFrame, byteOrderMark: Bool = false,
        glyphs: Glyphs = .unicode, tableLines: [String]? = nil, width: Int? = nil, language: Language = .zh
    ) -> String {
        let raw = raw.written(glyphs)
        let heading = raw.heading.map(TerminalText.sanitize), legend = raw.legend.map(TerminalText.sanitize)
        let sources = raw.sources.map(TerminalText.sanitize)
        let notes = content.notes.map { glyphs.written($0.text(glyphs)) }
        let (kept, header, rows, summary) = table(content, glyphs: glyphs)
        switch format {
        case .csv:
            let lines = ([header] + rows + summary).map { cells in
                cells.map { csvField(spreadsheetText($0, language: language)) }.joined(separator: ",")
            }
            return (byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
        case .md:
            var out = ["**\(markdownCell(heading.first ?? ""))**", ""]
            out += heading.dropFirst().map { "- " + markdownCell($0) }
            out += [
                "", "| " + header.map(markdownCell).joined(separator: " | ") + " |",
                "|" + kept.map { content.columns[$0].alignment == .right ? " ---: |" : " --- |" }.joined(),
            ]
            for r in rows + summary { out.append("| " + r.map(markdownCell).joined(separator: " | ") + " |") }
            // One list item a note: consecutive plain lines would render as one paragraph.
            if !notes.isEmpty { out += [""] + notes.map { "- " + markdownCell($0) } }
            if !legend.isEmpty {
                out += [""] + (raw.legendTitle.isEmpty ? [] : ["**\(markdownCell(raw.legendTitle))**", ""])
                out += legend.map { "- " + markdownCell($0) }
            }
            if !sources.isEmpty {
                out += [""] + (raw.sourcesTitle.isEmpty ? [] : ["**\(markdownCell(raw.sourcesTitle))**", ""])
                out += sources.map { "- " + markdownCell($0) }
            }
            return out.joined(separator: "\n") + "\n"
        case .json:
            struct Document: Encodable {
                var title: String
                var heading: [String]
                var columns: [String]
                var rows: [[String]]
                var summary: [[String]]
                var notes: [String]
                var legend: String
                var markers: [String]
                var sources: [String]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = Document(
                title: heading.first ?? "", heading: Array(heading.dropFirst()), columns: header, rows: rows,
                summary: summary, notes: notes, legend: legend.joined(separator: "  "), markers: legend,
                sources: sources)
            let data = (try? encoder.encode(document)) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .text:
            var widths = header.map { DisplayWidth.of($0) }
            for r in rows + summary { for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
            func line(_ r: [String]) -> String {
                r.enumerated().map { i, c in
                    let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(c))
                    return content.columns[kept[i]].alignment == .right ? pad + c : c + pad
                }.joined(separator: " ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            // The heading too (a dataset's long name), so no line is wider than a report's `--width`.
            var out = (width.map { w in heading.flatMap { TextWrap.wrapAtWords($0, width: w) } } ?? heading) + [""]
            if let tableLines {
                out += tableLines
            } else {
                out.append(line(header))
                out += rows.map(line)
                if !summary.isEmpty {
                    let rule = widths.reduce(0, +) + max(0, widths.count - 1)
                    out.append(String(repeating: glyphs.horizontal, count: rule))
                    out += summary.map(line)
                }
            }
            func wrapped(_ lines: [String]) -> [String] {
                guard let width else { return lines }
                // At words, as the dashboard's lists' notes: not inside a Chinese word (`见分` | `晓`).
                return lines.flatMap { TextWrap.wrapAtWords($0, width: width) }
            }
            if !notes.isEmpty { out += [""] + wrapped(notes) }
            var ending = raw
            // Under its mark: each marker's meaning wrapped with a hanging indent.
            ending.legend = width.map { w in
                legend.flatMap { TextWrap.wrapHanging($0, width: w, indent: TextWrap.legendIndent($0)) }
            } ?? legend
            ending.sources = wrapped(sources)
            out += ending.ending.map(TerminalText.sanitize)
            return out.joined(separator: "\n") + "\n"
        }
    }

    /// The text form's table as the screen draws it, bars included, within `width` columns
    /// (wider when its columns cannot shrink: numbers and names are never cut), with the summary rows
    /// under a rule; monochrome, one string a line.
    public static func textTable(_ content: ListContent, glyphs: Glyphs, width: Int) -> [String] {
        textTableLeavingOut(content, glyphs: glyphs, width: width).lines
    }

    /// `textTable`, with the titles of the columns the layout left out for `width` (bars and
    /// untitled columns are never named: the export leaves them out everywhere).
    public static func textTableLeavingOut(_ content: ListContent, glyphs: Glyphs, width: Int)
        -> (lines: [String], leftOut: [String]) {
        let table = textTableFitting(content, glyphs: glyphs, width: width, fits: false)
        return (table.lines, table.leftOut)
    }

    /// `textTableLeavingOut`; with `fits` (a report's `--width`), a table whose whole names make it
    /// wider than `width` is laid out as the screen lays it out instead, its names cut with `…`,
    /// and `wholeWidth` is the width the whole names need (nil: nothing was cut). Wave 30's fresh
    /// user: `towns report --view overview --width 80` printed 122 columns.
    public static func textTableFitting(_ content: ListContent, glyphs: Glyphs, width: Int, fits: Bool)
        -> (lines: [String], leftOut: [String], wholeWidth: Int?) {
        // Cells written out with `glyphs` first: the layout then measures what is written
        // (`NA`, the export's unknown in ASCII, is two cells where a mark is one).
        func written(_ row: TableRow) -> TableRow {
            var r = row
            r.cells = row.cells.map { cell in
                if case let .text(t, role) = cell { return .text(CellText(t.text(glyphs)), role) }
                return cell
            }
            return r
        }
        var content = content
        content.rows = Rows(content.rows.all.map(written))
        content.sampleMeasure = nil  // measured as the screen shows the rows, not as written
        content.summary = content.summary.map(written)
        let table = TableRenderer(theme: .monochrome, glyphs: glyphs)
        var layout = TableLayout(columns: content.columns, rows: content.rows.all + content.summary, width: width,
                                 wholeNames: true)
        var wholeWidth: Int?
        if fits, layout.totalWidth > width {
            wholeWidth = layout.totalWidth
            layout = TableLayout(columns: content.columns, rows: content.rows.all + content.summary, width: width)
        }
        let height = 1 + content.rows.count + (content.summary.isEmpty ? 0 : content.summary.count + 1)
        var grid = Grid(width: layout.totalWidth, height: height)
        table.draw(
            into: &grid, rect: Rect(x: 0, y: 0, width: layout.totalWidth, height: height), columns: content.columns,
            layout: layout, rows: content.rows, selection: nil, scroll: 0, summary: content.summary)
        if glyphs.isASCII { grid.foldPunctuationToASCII() }
        let leftOut = content.columns.indices.filter {
            layout.widths[$0] == nil && !content.columns[$0].leftOut && !content.columns[$0].flexible
                && !content.columns[$0].title.isEmpty
        }.map { content.columns[$0].title }
        return (grid.lines(), leftOut, wholeWidth)
    }

    /// The cells an export writes: the columns kept (bars, flexible and untitled, are left
    /// out, also when the list is empty), their titles without the sort marks (the order is the
    /// rows') and with the unit of their figures where the cells do not write it
    /// (`ListContent.exportTitles`), and every row's and summary row's text, sanitised and trimmed.
    public static func table(_ content: ListContent, glyphs: Glyphs)
        -> (kept: [Int], header: [String], rows: [[String]], summary: [[String]])
    {
        let kept = content.columns.indices.filter {
            !content.columns[$0].title.isEmpty && !content.columns[$0].flexible
        }
        // A figure column's title names its unit where the cells do not (`exportTitles`: 年计划（亿元）).
        let header = kept.map {
            glyphs.written(SortMark.removed(from: TerminalText.sanitize(content.exportTitles[$0] ?? content.columns[$0].title)))
        }
        func texts(_ row: TableRow) -> [String] {
            kept.map { i in
                guard i < row.cells.count, case let .text(s, _) = row.cells[i] else { return "" }
                return glyphs.written(s.text(glyphs)).trimmingCharacters(in: .whitespaces)
            }
        }
        return (kept, header, content.rows.all.map(texts), content.summary.map(texts))
    }

    /// A cell as a spreadsheet keeps it: a count of a count (`2/5`: a type's towns in both sums of
    /// its towns, projects started of those planned) is read as a date by spreadsheets (Excel
    /// and WPS take `2/5` for 5 February or 2 May, quoted or not, and no CSV convention keeps it
    /// text: a leading `'` is kept as a character), so CSV and the clipboard (`y`) write it in
    /// words, which every spreadsheet reads as text: `2 of 5`, `2（共5）`. Other cells are as given.
    public static func spreadsheetText(_ cell: String, language: Language) -> String {
        let parts = cell.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return cell }
        return language == .zh ? "\(parts[0])（共\(parts[1])）" : "\(parts[0]) of \(parts[1])"
    }

    /// A CSV field, quoted when it holds a comma or quote (quotes doubled), and prefixed with
    /// `'` when a spreadsheet would evaluate it (`isFormula`). A cell is one line: control
    /// characters are written visibly (`^I`), as on screen (`TerminalText.sanitize`).
    public static func csvField(_ s: String) -> String {
        var v = TerminalText.sanitize(s)
        if isFormula(v) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// Whether a spreadsheet would take `cell` for a formula: it starts with `=` or `@`, a
    /// tab or a carriage return, or `-` or `+` not followed by a number. A number, and a signed one
    /// with its marks (`-2.1▼`, `-2.1v`, `-54.3%`, `-32.5▼!`, `-3.1*`, `-3.1&`, `+97.9?!`: a
    /// positive figure as a negative one, wave 22), is left as it is:
    /// it holds no operator after its digits (`-1+1` and `-2.1)` are guarded), and the marks that
    /// are operators in a formula (`!` a failed check, `*` and `&` the ASCII dagger and basis
    /// marks) end the cell, or are followed only by other marks: nothing they could apply to
    /// (`-1!A1`, `-1*2`, `-1&A1` are guarded).
    public static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        if Double(cell) != nil { return false }
        if "=@\t\r".contains(first) { return true }
        guard first == "-" || first == "+" else { return false }
        let number = #"^[-+][0-9]+(\.[0-9]+)?"#
        let plain = #"[^-=+*/^&()|@<>;,:"'!\t\r]"#
        let operatorMarks = #"[!*&][^-=+/^()|@<>;,:"'\t\r0-9A-Za-z]*$"#
        return cell.range(of: number + plain + "*(" + operatorMarks + ")?$", options: .regularExpression) == nil
    }

    /// A Markdown table cell: pipes escaped, line breaks removed.
    public static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

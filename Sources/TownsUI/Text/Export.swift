import Foundation

/// A list view written out as text, CSV, Markdown or JSON: the same columns and cells the
/// screen shows (markers included: ≈ derived, — unknown, >14 lower bound, ! check), in the
/// screen's order, filter and sort. Bar columns (no title) are left out; summary rows follow.
public enum Export {
    /// The table of `content` as `format`. `title` and `legend` head the text and Markdown
    /// forms and are fields of the JSON form. CSV uses CRLF line ends (RFC 4180) and, with
    /// `byteOrderMark`, starts with a UTF-8 BOM so spreadsheets read Chinese correctly.
    ///
    /// Every string written (cells, column titles, title, legend) is sanitised
    /// (`TerminalText.sanitize`): data cannot put an escape sequence into an export that
    /// someone later prints with `cat`, nor a C1 or bidi control into JSON (which would
    /// escape C0 controls but pass the others through).
    public static func render(
        _ content: ListContent, format: ExportRequest.Format, title rawTitle: String, legend rawLegend: String,
        byteOrderMark: Bool = false, glyphs: Glyphs = .unicode
    ) -> String {
        let title = TerminalText.sanitize(rawTitle), legend = TerminalText.sanitize(rawLegend)
        let (kept, header, rows, summary) = table(content, glyphs: glyphs)
        switch format {
        case .csv:
            let lines = ([header] + rows + summary).map { $0.map(csvField).joined(separator: ",") }
            return (byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
        case .md:
            var out = [
                "**\(markdownCell(title))**", "", "| " + header.map(markdownCell).joined(separator: " | ") + " |",
                "|" + kept.map { content.columns[$0].alignment == .right ? " ---: |" : " --- |" }.joined(),
            ]
            for r in rows + summary { out.append("| " + r.map(markdownCell).joined(separator: " | ") + " |") }
            out.append("")
            out.append(markdownCell(legend))
            return out.joined(separator: "\n") + "\n"
        case .json:
            struct Document: Encodable {
                var title: String
                var columns: [String]
                var rows: [[String]]
                var summary: [[String]]
                var legend: String
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data =
                (try? encoder.encode(
                    Document(title: title, columns: header, rows: rows, summary: summary, legend: legend))) ?? Data()
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
            var out = [title, "", line(header)]
            out += rows.map(line)
            if !summary.isEmpty {
                out.append(String(repeating: glyphs.horizontal, count: widths.reduce(0, +) + max(0, widths.count - 1)))
                out += summary.map(line)
            }
            out += ["", legend]
            return out.joined(separator: "\n") + "\n"
        }
    }

    /// The cells an export writes: the columns kept (bars, flexible and untitled, are left
    /// out, also when the list is empty), their titles without the sort marks (the order is the
    /// rows'), and every row's and summary row's text, sanitised and trimmed.
    public static func table(_ content: ListContent, glyphs: Glyphs)
        -> (kept: [Int], header: [String], rows: [[String]], summary: [[String]])
    {
        let kept = content.columns.indices.filter {
            !content.columns[$0].title.isEmpty && !content.columns[$0].flexible
        }
        let header = kept.map {
            TerminalText.sanitize(content.columns[$0].title).replacingOccurrences(of: "▲", with: "")
                .replacingOccurrences(of: "▼", with: "")
        }
        func texts(_ row: TableRow) -> [String] {
            kept.map { i in
                guard i < row.cells.count, case let .text(s, _) = row.cells[i] else { return "" }
                return TerminalText.sanitize(s.text(glyphs)).trimmingCharacters(in: .whitespaces)
            }
        }
        return (kept, header, content.rows.all.map(texts), content.summary.map(texts))
    }

    /// A CSV field, quoted when it holds a comma or quote (quotes doubled), and prefixed with
    /// `'` when a spreadsheet would read it as a formula (=, +, -, @). A cell is one line:
    /// control characters (a tab or CR before `=` also starts a formula in some spreadsheets)
    /// are written visibly (`^I`), as on screen (`TerminalText.sanitize`).
    public static func csvField(_ s: String) -> String {
        var v = TerminalText.sanitize(s)
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// A Markdown table cell: pipes escaped, line breaks removed.
    public static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

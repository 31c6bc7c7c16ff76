import Foundation
import TownsCore

extension AppState {
    /// The assessment's notes as a page (issue 14 point 6): the lines drawn under the table
    /// (the city's first-year test, the legend, what is at stake, the columns, the sources),
    /// each wrapped to `width`, so that a short screen scrolls to every one (Enter on the
    /// assessment's city row, or its notes row with a filter on). Glyph-free: marks stay marks.
    /// The towns at stake are all named (the page wraps; `towns report --view assessment` too).
    func assessmentNotesPage(width: Int) -> [DetailLine] {
        let notes = assessmentTable(wholeNames: true).notes
        var out: [DetailLine] = [.text(tr(Catalogue.assessmentNotes), .header)]
        for note in notes {
            out += Self.wrap(note, width: width).map { .cell($0, .legend) }
        }
        return out
    }

    /// `note` wrapped to `width` cells as the Unicode set draws it, its marks kept as marks
    /// (each mark is one cell wide in both glyph sets, so the wrapping holds for ASCII too).
    static func wrap(_ note: CellText, width: Int) -> [CellText] {
        let marks = Set(note.parts.compactMap { part -> Mark? in
            if case let .mark(m) = part { return m } else { return nil }
        })
        let byGlyph = Dictionary(marks.map { (Glyphs.unicode.glyph($0), $0) }, uniquingKeysWith: { a, _ in a })
        return TextWrap.wrap(note.text(.unicode), width: width).map { line in
            var cell = CellText("")
            var run = ""
            for ch in line {
                if let m = byGlyph[String(ch)] {
                    if !run.isEmpty { cell += CellText(run); run = "" }
                    cell += CellText(m)
                } else {
                    run.append(ch)
                }
            }
            if !run.isEmpty { cell += CellText(run) }
            return cell
        }
    }
}

import Foundation
import TownsCore

extension AppState {
    /// One labelled field of a page (a town's, the city's totals), as lines `width` cells wide:
    /// the label in a column `labelWidth` cells wide (wrapped onto the lines below when longer,
    /// never cut), the value in a column `valueWidth` wide, and its note (a source or formula,
    /// paragraphs split at "\n") wrapped beside it from `wide` screens (64 columns) up, or under
    /// it on narrower ones. A value wider than its column whose note does not fit beside it takes
    /// lines of its own, the note under it in the notes' column. `label` (marks in it too) and
    /// `value` are glyph-free: every mark is one cell wide in every glyph set. Notes break at words
    /// (`TextWrap.wrapAtWords`), not inside a Chinese word, as the lists' notes and a report's.
    /// The value column's width on a page whose amounts are written in `amount` (`亿元`,
    /// `100M yuan`): at least `base` cells, and wide enough for a marked amount with its unit
    /// (`≈18.60 100M yuan`) and the two cells before its note, by display width in either
    /// language; so that a figure neither runs into its note nor takes a line of its own.
    static func valueColumn(base: Int, amount: String) -> Int {
        max(base, DisplayWidth.of("≈00.00 " + amount) + 2)
    }

    static func pageField(
        _ label: CellText, _ value: CellText, _ valueRole: Role?, _ note: (String, Role)?,
        width: Int, labelWidth: Int, valueWidth: Int
    ) -> [DetailLine] {
        var out: [DetailLine] = []
        let wide = width >= 64
        let hasMark = { (t: CellText) in t.parts.contains { if case .mark = $0 { return true } else { return false } } }
        // A long label wraps in its column (its later lines beside the note's); one with marks is fitted.
        let labels: [CellText] = label.width <= labelWidth - 1 || hasMark(label)
            ? [CellText.fit(label, width: labelWidth - 1)]
            : TextWrap.wrap(label.text(.unicode), width: labelWidth - 1).map { CellText($0) }
        let labelText = labels.first ?? ""
        let pad = String(repeating: " ", count: max(0, labelWidth - labelText.width))
        /// The note's paragraphs, split at "\n" as `components(separatedBy:)` splits them; by
        /// its bytes when it has no "\r" (where "\r\n" is one character): a tenth of the cost.
        func paragraphs(_ text: String) -> [String] {
            guard text.utf8.contains(10) else { return [text] }
            guard !text.utf8.contains(13) else { return text.components(separatedBy: "\n") }
            return text.utf8.split(separator: 10, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        }
        /// A line under the first: the label's next line in its column, if any, then `rest`. Only a
        /// field's first line is keyed (`isKeyed`: its first piece a label), so a label wrapped at one
        /// width and not at another leaves a follower's anchor where it was: the later ones start unroled.
        func under(_ i: Int, _ indent: Int, _ rest: String, _ role: Role?) -> DetailLine {
            guard i < labels.count else { return DetailLine([(String(repeating: " ", count: indent) + rest, role)]) }
            let head = labels[i].padded(labelWidth, right: false)
            let gap = String(repeating: " ", count: max(0, indent - labelWidth))
            return DetailLine(cells: [("", nil), (head, .label), (CellText(gap + rest), role)])
        }
        if wide, let note, value.width >= valueWidth, DisplayWidth.of(note.0) > width - labelWidth - value.width - 1 {
            // A value wider than its column (a type's or an entity's name) whose note does not fit beside it:
            // on lines of its own, and the note under it in the notes' column, never squeezed to a few cells.
            let values = hasMark(value)
                ? [CellText.fit(value, width: width - labelWidth)]
                : TextWrap.wrap(value.text(.unicode), width: width - labelWidth).map { CellText($0) }
            for (i, v) in values.enumerated() {
                let head = i == 0
                    ? labelText + CellText(pad) : (i < labels.count ? labels[i] : "").padded(labelWidth, right: false)
                // Only the first line is keyed (`isKeyed`: a follower's anchor counts labels).
                out.append(DetailLine(cells: (i == 0 ? [] : [("", nil)]) + [(head, .label), (v, valueRole)]))
            }
            let noteWidth = max(10, width - labelWidth - valueWidth)
            let notes = paragraphs(note.0).flatMap { TextWrap.wrapAtWords($0, width: noteWidth) }
            for (i, more) in notes.enumerated() {
                out.append(under(values.count + i, labelWidth + valueWidth, more, note.1))
            }
            for i in (values.count + notes.count)..<max(labels.count, values.count + notes.count) {
                out.append(under(i, labelWidth, "", nil))
            }
        } else if wide, let note {
            // Two cells at least between a value and its note, so they never read as one run
            // (`≈14.0 100M yuan derived: …`, a fresh user's finding).
            let vpad = String(repeating: " ", count: max(2, valueWidth - value.width))
            let noteWidth = max(10, width - labelWidth - max(valueWidth, value.width + 2))
            let wrapped = paragraphs(note.0).flatMap { TextWrap.wrapAtWords($0, width: noteWidth) }
            out.append(
                DetailLine(cells: [
                    (labelText + CellText(pad), .label), (value + CellText(vpad), valueRole),
                    (CellText(wrapped.first ?? ""), note.1),
                ]))
            for (i, more) in wrapped.enumerated().dropFirst() { out.append(under(i, width - noteWidth, more, note.1)) }
            for i in wrapped.count..<max(labels.count, wrapped.count) { out.append(under(i, labelWidth, "", nil)) }
        } else {
            // A value wider than what is left (a long name) wraps under itself, never past the edge.
            // (On a screen narrower than the label column, as it is: the frame cuts it.)
            let wrapped = width - labelWidth < 8 || hasMark(value)
                ? [] : TextWrap.wrap(value.text(.unicode), width: width - labelWidth).map { CellText($0) }
            let values = value.width <= width - labelWidth || wrapped.isEmpty ? [value] : wrapped
            out.append(DetailLine(cells: [(labelText + CellText(pad), .label), (values[0], valueRole)]))
            for i in 1..<max(labels.count, values.count) {
                let head = (i < labels.count ? labels[i] : "").padded(labelWidth, right: false)
                let v: CellText = i < values.count ? values[i] : ""
                out.append(DetailLine(cells: [("", nil), (head, .label), (v, valueRole)]))
            }
            if let note {
                for more in paragraphs(note.0).flatMap({ TextWrap.wrapAtWords($0, width: max(10, width - 4)) }) {
                    out.append(DetailLine([("    " + more, note.1)]))
                }
            }
        }
        return out
    }
}

/// A town's page being made (`AppState.makeTownDetail`): its lines in order, each field's
/// wrapping (`AppState.pageField`, half of the rest of a town's first open at 10,000 x 60 once its
/// history was made alongside, wave 41's `perf`) left until the whole page is known, then done on
/// every core (`lines()`). The lines are those `pageField` gives in place, in the same order.
struct PageParts {
    /// A field's arguments to `AppState.pageField`.
    struct Field: Sendable {
        var label: CellText, value: CellText, valueRole: Role?, note: (String, Role)?
        var width: Int, labelWidth: Int, valueWidth: Int
    }

    enum Part: Sendable {
        case lines([DetailLine])
        case field(Field)
    }

    private(set) var parts: [Part] = []

    mutating func append(_ line: DetailLine) { parts.append(.lines([line])) }

    static func += (page: inout PageParts, lines: [DetailLine]) { page.parts.append(.lines(lines)) }

    static func += (page: inout PageParts, other: PageParts) { page.parts += other.parts }

    /// A field, wrapped by `lines()` (`AppState.pageField`'s arguments).
    mutating func field(_ label: CellText, _ value: CellText, _ valueRole: Role?, _ note: (String, Role)?,
                        width: Int, labelWidth: Int, valueWidth: Int) {
        parts.append(.field(Field(label: label, value: value, valueRole: valueRole, note: note, width: width,
                                  labelWidth: labelWidth, valueWidth: valueWidth)))
    }

    /// Every line in order, the fields wrapped on every core (slices of at least 16 parts).
    func lines() -> [DetailLine] {
        let made = concurrentMapped(parts, minimumPerSlice: 16) { part -> [DetailLine] in
            switch part {
            case let .lines(lines): return lines
            case let .field(f):
                return AppState.pageField(f.label, f.value, f.valueRole, f.note, width: f.width,
                                          labelWidth: f.labelWidth, valueWidth: f.valueWidth)
            }
        }
        return made.flatMap { $0 }
    }
}

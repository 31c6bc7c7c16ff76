/// The presentation layout (`P`, `Session.presentation`), for a projector at 80x24: besides
/// the towns view's fewer columns and wider bars (`TownsView`), more space in every list but
/// the overview (whose panels are laid out to the screen): wider gaps between columns and a
/// blank line between rows, and between the totals rows under them where all of it fits
/// (`summaryOffsets`). The key moves, the mouse and the scroll follow the same pitch
/// (`visibleRows`), so the selected row and the totals stay on screen.
extension Renderer {
    /// Blank columns between a table's columns in the presentation layout.
    public static let presentationColumnGap = 3

    /// Whether the presentation layout's spacing applies to the screen shown.
    static func spaced(_ state: AppState) -> Bool {
        state.session.presentation && state.screen.kind != .overview && !state.screen.kind.isPage
    }

    /// Blank columns between a list's columns now (`TableLayout.columnGap`).
    public static func columnGap(_ state: AppState) -> Int {
        spaced(state) ? presentationColumnGap : TableLayout.gap
    }

    /// Lines from one row of a list to the next now: 2 (a blank line between) in the
    /// presentation layout, else 1.
    public static func rowPitch(_ state: AppState) -> Int {
        spaced(state) ? 2 : 1
    }

    /// Where each summary row drawn (`summaryShown`) goes, in lines below the first line under
    /// the rule: one after another, or in the presentation layout, where the list's rows, its
    /// summary so spaced and its notes all fit the body, a blank line before each totals row after
    /// the first (the city's reported row, then the sum of the known towns; the count of towns in
    /// the sums stays under its sum). Wave 43's fresh user at 80x24: the totals rows dense though
    /// three lines were left empty. Where they do not all fit: dense, as before.
    static func summaryOffsets(_ state: AppState, _ content: ListContent) -> [Int] {
        let shown = summaryShown(state, content)
        let dense = Array(0..<shown)
        guard spaced(state), shown > 1 else { return dense }
        var offsets: [Int] = []
        var y = 0
        for (i, row) in content.summary.prefix(shown).enumerated() {
            if i > 0, row.role == .totals { y += 1 }
            offsets.append(y)
            y += 1
        }
        guard offsets != dense else { return dense }
        let body = bodyRect(width: state.width, height: state.height)
        // The header, the rows spaced, the rule, the summary spaced, then a blank line and the notes.
        let table = 1 + TableRenderer.lines(rows: content.rows.count, pitch: rowPitch(state)) + 1 + y
        guard table <= body.height else { return dense }
        // The notes drawn under a table laid out with every row shown (as it is, where all fit).
        var notes = content.notes
        if let list = state.list(for: state.screen), !notes.isEmpty {
            let layout = TableLayout(
                columns: content.columns,
                naturalWidths: naturalWidths(state, list, visible: 0..<content.rows.count),
                width: body.width, columnGap: columnGap(state))
            notes = notesShown(content, layout)
        }
        let noteLines = notes.reduce(0) {
            $0 + state.cache.noteLineCount($1.text(.unicode), width: body.width, maxLines: .max)
        }
        return table + (noteLines > 0 ? 1 + noteLines : 0) <= body.height ? offsets : dense
    }

    /// Lines the summary rows drawn take (`summaryOffsets`): their count, or more where spaced.
    static func summaryLines(_ state: AppState, _ content: ListContent) -> Int {
        summaryOffsets(state, content).last.map { $0 + 1 } ?? 0
    }
}

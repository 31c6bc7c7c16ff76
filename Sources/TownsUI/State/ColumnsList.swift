import TownsCore

/// `:columns`: every column of the list shown, which the window's width hides and from what
/// width each would show (`TableLayout`, as the renderer lays the list out), and how to show
/// one anyway (sort by it: the sorted column never gives way).
enum ColumnsList {
    /// The widest terminal tried when working out from what width a hidden column shows.
    static let widest = 400

    /// The list's titled (or named, `Column.leftOutName`) columns: (title, shown now, the terminal width from which it shows:
    /// nil while shown, or when no width up to `widest` shows it). Nil: not a list.
    static func columns(_ state: AppState) -> [(title: String, shown: Bool, from: Int?)]? {
        guard let list = state.list(for: state.screen) else { return nil }
        let content = list.content
        let onScreen = state.screen.scroll..<(state.screen.scroll + Renderer.visibleRows(state))
        let natural = Renderer.naturalWidths(state, list, visible: onScreen)
        func layout(_ width: Int) -> TableLayout {
            TableLayout(columns: content.columns, naturalWidths: natural,
                        width: Renderer.bodyRect(width: width, height: state.height).width,
                        columnGap: Renderer.columnGap(state))
        }
        let now = layout(state.width)
        var from: [Int: Int] = [:]
        // An untitled column the screen names when left out (`Column.leftOutName`: the types view's bars) too.
        let named = { (i: Int) in !content.columns[i].nameWhenLeftOut.isEmpty }
        let hidden = content.columns.indices.filter { now.widths[$0] == nil && named($0) }
        if !hidden.isEmpty, state.width < widest {
            for width in (state.width + 1)...widest {
                let wider = layout(width)
                for i in hidden where from[i] == nil && wider.widths[i] != nil { from[i] = width }
                if from.count == hidden.count { break }
            }
        }
        return content.columns.indices.filter(named).map {
            (content.columns[$0].nameWhenLeftOut, now.widths[$0] != nil, from[$0])
        }
    }

    /// The status message `:columns` shows (also in `:messages`).
    static func message(_ state: AppState) -> String {
        guard let columns = columns(state) else { return state.tr(Catalogue.noColumnsHere) }
        let shown = columns.filter(\.shown).map(\.title).joined(separator: " ")
        let hidden = columns.filter { !$0.shown }
        if hidden.isEmpty { return state.tr(Catalogue.allColumnsShown("\(columns.count)", shown)) }
        let list = hidden.map { c in
            state.tr(c.from.map { Catalogue.hiddenFromWidth(c.title, "\($0)") } ?? Catalogue.hiddenAtAnyWidth(c.title))
        }.joined(separator: state.tr("、", ", "))
        return state.tr(Catalogue.columnsHidden("\(columns.count)", "\(hidden.count)", list, shown))
    }

    /// Shorter forms of `message` for the status line, longest first (`Flash.shorter`): the hidden
    /// columns with the widths that show them, then their titles alone (all, then the first ones and
    /// `…`), then how many; the columns
    /// shown and how to show one are in `:messages` (wave 30: at 80 columns the towns view's answer
    /// was cut before its list).
    static func shorterMessages(_ state: AppState) -> [String] {
        guard let columns = columns(state) else { return [] }
        let hidden = columns.filter { !$0.shown }
        let n = "\(columns.count)"
        if hidden.isEmpty { return [state.tr(Catalogue.allColumnsShownShort(n))] }
        let comma = state.tr("、", ", ")
        let withWidths = hidden.map { c in
            state.tr(c.from.map { Catalogue.hiddenFromWidth(c.title, "\($0)") } ?? Catalogue.hiddenAtAnyWidth(c.title))
        }.joined(separator: comma)
        // The titles, all, then fewer and fewer with the others said to be left out (`等`, `…`).
        let titles = stride(from: hidden.count, through: 1, by: -1).map { k in
            hidden.prefix(k).map(\.title).joined(separator: comma)
                + (k < hidden.count ? state.tr(" 等", ", …") : "")
        }
        return ([withWidths] + titles).map { state.tr(Catalogue.columnsHiddenShort(n, "\(hidden.count)", $0)) }
            + [state.tr(Catalogue.columnsHiddenCount(n, "\(hidden.count)"))]
    }
}

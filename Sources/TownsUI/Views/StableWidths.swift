extension Renderer {
    /// The natural column widths of the list shown (`ViewCache.naturalWidths`), never narrower
    /// than those of the same list without its filter and narrowing search: `b`, `:filter` and
    /// `&` keep every column where it was (issue 15 point 8), as sorting does. A filtered list
    /// is a part of the whole one, so only its own summary labels could widen a column.
    ///
    /// The filtered list's own rows are not sampled: the whole list's widths (its sample, or all
    /// its rows) stand for them, with the filtered list's summary and the rows on screen, so no
    /// figure shown is cut and a filter costs no rows but those drawn (a cold `:filter type 2`
    /// or `&` at 10,000 towns made 128 rows to measure).
    static func naturalWidths(_ state: AppState, _ list: ViewCache.List, visible: Range<Int>) -> [Int] {
        guard !state.filter.isEmpty || state.screen.narrow != nil else {
            return state.cache.naturalWidths(list, visible: visible)
        }
        var whole = state
        whole.filter = TownFilter()
        whole.screen.narrow = nil
        guard let all = whole.list(for: whole.screen), all.content.columns.count == list.content.columns.count else {
            return state.cache.naturalWidths(list, visible: visible)
        }
        return zip(state.cache.shownWidths(list, visible: visible), state.cache.naturalWidths(all, visible: 0..<0))
            .map { max($0, $1) }
    }
}

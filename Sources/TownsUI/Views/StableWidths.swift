extension Renderer {
    /// The natural column widths of the list shown (`ViewCache.naturalWidths`), never narrower
    /// than those of the same list without its filter and narrowing search: `b`, `:filter` and
    /// `&` keep every column where it was (issue 15 point 8), as sorting does. A filtered list
    /// is a part of the whole one, so only its own summary labels could widen a column.
    static func naturalWidths(_ state: AppState, _ list: ViewCache.List, visible: Range<Int>) -> [Int] {
        let widths = state.cache.naturalWidths(list, visible: visible)
        guard !state.filter.isEmpty || state.screen.narrow != nil else { return widths }
        var whole = state
        whole.filter = TownFilter()
        whole.screen.narrow = nil
        guard let all = whole.list(for: whole.screen), all.content.columns.count == widths.count else { return widths }
        return zip(widths, state.cache.naturalWidths(all, visible: 0..<0)).map { max($0, $1) }
    }
}

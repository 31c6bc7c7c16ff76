import TownsCore

/// The selection of a list, held in the session by identity only (`Screen.selected`: what the
/// row opens; `Screen.plainRow` for a row that opens nothing) and its position worked out
/// from it when drawing or moving. The position is found through the memo (`ViewCache.row`):
/// on a key that moves the selection, one target is made; after a sort, a filter, a reload or
/// a presenter's update, an index of the list's targets is made once per list.
extension AppState {
    /// The selected row of the list shown (0-based, in the list as shown; one past the last
    /// row for the totals row when it opens), worked out from the screen's identity.
    public var selection: Int { selectionRow(screen) }

    /// The selected row of `screen`'s list: the row that opens `screen.selected`, else
    /// `plainRow`, else the first; kept within the rows the selection can be on.
    public func selectionRow(_ screen: Screen) -> Int {
        guard !screen.kind.isPage, let list = list(for: screen) else { return 0 }
        return selectionRow(screen, in: list)
            ?? min(screen.plainRow ?? list.content.firstStop, max(0, list.content.selectableCount - 1))
    }

    /// The row of `screen.selected` (or its plain row) in `list`; nil when the row it names
    /// is not in this list.
    func selectionRow(_ screen: Screen, in list: ViewCache.List) -> Int? {
        let content = list.content
        if let target = screen.selected {
            if let n = screen.occurrence, let row = cache.row(of: target, occurrence: n, in: list) { return row }
            return cache.row(of: target, in: list, kind: screen.kind)
        }
        let row = screen.plainRow ?? content.firstStop
        return row < max(1, content.selectableCount) ? min(row, max(0, content.selectableCount - 1)) : nil
    }

    /// `screen` with its selection on `row` of its list (clamped to the rows it can be on),
    /// named by what the row opens, or by its position when it opens nothing.
    public func selecting(_ screen: Screen, row: Int) -> Screen {
        var sc = screen
        guard !screen.kind.isPage, let list = list(for: screen) else { return sc }
        let content = list.content
        let r = content.stop(near: min(max(0, row), max(0, content.selectableCount - 1)), step: 1)
        if let target = content.target(at: r) {
            sc.selected = target
            sc.plainRow = nil
            sc.occurrence = cache.occurrence(of: target, at: r, in: list)
            cache.remember(target, row: r, in: list, kind: screen.kind)
        } else {
            sc.selected = nil
            sc.plainRow = r
            sc.occurrence = nil
        }
        return sc
    }
}

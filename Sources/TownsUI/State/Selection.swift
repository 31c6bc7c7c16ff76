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
            if let n = screen.occurrence, let row = AppState.row(of: target, occurrence: n, in: content) { return row }
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
            sc.occurrence = AppState.occurrence(of: target, at: r, in: content)
            cache.remember(target, row: r, in: list, kind: screen.kind)
        } else {
            sc.selected = nil
            sc.plainRow = r
            sc.occurrence = nil
        }
        return sc
    }

    /// The longest list whose rows are counted for `Screen.occurrence`: the overview's panels,
    /// the changes view's rows (a town's measures each open its page) at a city's scale. A
    /// longer list is not walked on every key (the changes view at 10,000 towns): its
    /// selection is the first row opening the target, as before wave 25.
    static let occurrenceRows = 2048

    /// Which of the rows opening `target` row `row` is (`Screen.occurrence`): nil for the first,
    /// and in a list longer than `occurrenceRows`.
    static func occurrence(of target: Screen.Kind, at row: Int, in content: ListContent) -> Int? {
        guard content.selectableCount <= occurrenceRows else { return nil }
        let n = (0..<row).reduce(0) { $0 + (content.target(at: $1) == target ? 1 : 0) }
        return n == 0 ? nil : n
    }

    /// The row that is the `occurrence`-th (from 0) of those opening `target` in `content`, or
    /// the last of them when there are fewer (another width lays a panel out in fewer lines);
    /// nil when none opens it.
    static func row(of target: Screen.Kind, occurrence: Int, in content: ListContent) -> Int? {
        guard content.selectableCount <= occurrenceRows else { return nil }
        var last: Int?
        var seen = 0
        for i in 0..<content.selectableCount where content.target(at: i) == target {
            if seen == occurrence { return i }
            last = i
            seen += 1
        }
        return last
    }
}

import TownsCore

/// The rows the selection stops on in a list that passes over rows opening nothing
/// (`ListContent.skipsRowsOpeningNothing`: the overview, whose panel headings and notes
/// open nothing, so that Enter never lands on one).
extension ListContent {
    /// The row the selection stops on for `row`: `row` itself when it opens something (or
    /// the list stops on every row), else the nearest row that does going `step` (1 down,
    /// -1 up), else the nearest the other way; `row` when no row opens anything.
    public func stop(near row: Int, step: Int) -> Int {
        guard skipsRowsOpeningNothing, target(at: row) == nil else { return row }
        for direction in [step, -step] {
            var r = row + direction
            while r >= 0 && r < selectableCount {
                if target(at: r) != nil { return r }
                r += direction
            }
        }
        return row
    }

    /// Where the selection starts: the first row, or in such a list the first that opens something.
    public var firstStop: Int { stop(near: 0, step: 1) }
}

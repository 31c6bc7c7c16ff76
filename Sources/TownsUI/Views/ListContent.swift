import Foundation
import TownsCore

/// The rows of a list screen, computed from state: what the table shows and what Enter
/// opens on each row. `update` and the views both use it, so they agree on row counts.
public struct ListContent: Sendable {
    public var columns: [Column]
    /// The body rows, each made when first read (`Rows`).
    public var rows: Rows
    /// What Enter opens on each row (same count and order as `rows`); nil where there is
    /// nothing to open.
    public var targets: Targets
    /// Rows pinned under the table (totals); not selectable.
    public var summary: [TableRow]
    /// Shown when `rows` is empty.
    public var emptyText: String
    /// `emptyText` as a file (an export, a copy) says it, without the keys a screen names (`c 清除筛选`
    /// means nothing in a file); nil: `emptyText` as it is.
    public var emptyTextInFile: String?
    /// What an export or a copy writes for an empty list: `emptyTextInFile`, else `emptyText`.
    public var emptyTextForFile: String { emptyTextInFile ?? emptyText }
    /// Lines of explanation drawn under the table.
    public var notes: [CellText] = []
    /// The notes (by position in `notes`) that explain one column's figures (the column's index):
    /// drawn only while the layout shows that column (a `†` note for a projects column left out
    /// would explain a mark no cell shows).
    public var noteColumns: [Int: Int] = [:]
    /// Shorter wordings of a note (by position in `notes`) while columns it explains are hidden:
    /// the first whose `hidden` columns (indices) the layout all leaves out is drawn instead (the
    /// types view's note without its `落后 = …` clause at 60x14, where 落后 gives way).
    public var noteWhileHidden: [Int: [(hidden: [Int], note: CellText)]] = [:]
    /// The notes (by position in `notes`) that describe the summary rows' sums (the towns view's
    /// "left out of the sums", "a sum's rate, with no behind verdict"): left out with those rows
    /// where a narrowing search (`&`) keeps only the rows that match.
    public var sumNotes: Set<Int> = []
    /// The columns (by index) whose figures are amounts in the dataset's unit (亿元): the legend
    /// names the unit only while the layout shows one of them (the towns view's presentation
    /// layout at 60x14 keeps the names, the rate and the bar: no amount). nil: the list does not
    /// say, the unit is named as the screen's kind has it (`Screen.Kind.drawsAmounts`).
    public var amountColumns: Set<Int>? = nil
    /// The titles an export (CSV, Markdown, JSON, the clipboard's `y`) gives columns whose cells do
    /// not write their unit (by index): the screen's title with the unit, `年计划（亿元）`,
    /// `进度差（百分点）` (`AppState.exportTitles`); a column not here keeps its title. The screen
    /// names the unit in its legend instead.
    public var exportTitles: [Int: String] = [:]
    /// The figures a row shows, by the row's position in the unsorted list (`Rows.source`): what an
    /// export cites for it (`exportSources`, the changes view's before and after); nil: the view's
    /// kind says which figures its rows show.
    public var rowFigures: (@Sendable (_ row: Int) -> [Figure])? = nil
    /// What the first summary row opens (the city's totals), when it can be selected: the
    /// selection then runs one past the last row.
    public var summaryTarget: Screen.Kind? = nil
    /// How a row sorts by a column without making the row: (the row's position in the
    /// unsorted list, column) -> the key its cell would give; nil, or a nil key, sorts by the
    /// cell as shown (`SortKey.of`).
    public var sortKey: (@Sendable (_ row: Int, _ column: Int) -> SortKey?)? = nil
    /// Every row's key of a column at once (in the unsorted list's order) where they are
    /// known without working each out (ranks stored in the snapshot, `DerivedTables.sortRanks`),
    /// giving the order `sortKey` would; nil: not known, `sortKey` is asked row by row.
    public var sortKeys: (@Sendable (_ column: Int) -> [SortKey]?)? = nil
    /// Natural widths known for some columns over every row without making the rows (column
    /// index -> cells): a towns table's names and counties, the widest of the dataset,
    /// measured once. A list too long to measure in full takes them, so rows scrolling into
    /// view never widen those columns.
    public var knownWidths: [Int: Int] = [:]
    /// The measure of the rows a list of this many rows samples for its widths
    /// (`ViewCache.samplePositions`), measured before (a snapshot's, `DerivedKeys.Source.measures`):
    /// then those rows are not made to be measured. Used only while `rows.count` is `rows`.
    public var sampleMeasure: (rows: Int, columns: [TableLayout.Measure])? = nil
    /// What a search looks in for a row, without making the row: made when a search first
    /// needs it (`AppState.haystackMaker`), the row's position in the unsorted list -> its
    /// search text (`SearchIndex.haystack` of its names); nil: the haystack of the row's
    /// `searchTerms`.
    public var searchText: (@Sendable () -> @Sendable (Int) -> [UInt8])? = nil
    /// The rows' towns (by position in `dataset.towns`, in the unsorted list's order) and which
    /// towns a search's needles (`SearchIndex.needles`) find in their stored search texts, read in
    /// place from the snapshot (`DerivedKeys.searchTextTowns`, by position in `dataset.towns`): a
    /// search that makes, decodes and copies no row's text (issue 17 point 3, the first search
    /// keystroke). nil, or nil from `find`: the rows' texts from `searchText`.
    public var searchTowns: (positions: [Int], find: @Sendable ([[UInt8]]) -> [Bool]?)? = nil
    /// Whether each target is opened by one row at most (a towns table: one row a town), so a
    /// selection's `Screen.occurrence` is always nil and the list's targets are never indexed for
    /// it (`ViewCache.occurrence(of:at:in:)`). False: not known, they are.
    public var targetsUnique = false
    /// Whether the selection passes over rows that open nothing (the overview's panel
    /// headings and notes): it stops only on rows that open something (`ListContent.stop`).
    public var skipsRowsOpeningNothing = false
    /// Rows of role `.legend` are panel headings (the overview's): one that would stand on the
    /// body's last line with its rows below the screen is left blank there and shown by the next
    /// scroll (`Renderer.orphanedHeading`), never a heading without a figure.
    public var headingsKeepTheirRows = false
    /// Rows whose opening also turns the behind filter on (the overview's "behind" heading,
    /// when rows are left out: the towns view lists every town behind).
    public var opensWithBehindFilter: Set<Int> = []
    /// Rows that open the city's page at its checks section (`AppState.checksScroll`), not at
    /// its top: the overview's checks row (the section is some 60 lines down the page).
    public var opensAtChecks: Set<Int> = []

    public init(
        columns: [Column], rows: Rows, targets: Targets, summary: [TableRow], emptyText: String,
        notes: [CellText] = [], summaryTarget: Screen.Kind? = nil
    ) {
        self.columns = columns; self.rows = rows; self.targets = targets; self.summary = summary
        self.emptyText = emptyText; self.notes = notes; self.summaryTarget = summaryTarget
    }

    public init(
        columns: [Column], rows: [TableRow], targets: [Screen.Kind?], summary: [TableRow], emptyText: String,
        notes: [CellText] = []
    ) {
        self.init(
            columns: columns, rows: Rows(rows), targets: Targets(targets), summary: summary, emptyText: emptyText,
            notes: notes)
    }

    /// How many rows the selection can be on: the rows, and the first summary row when it opens.
    public var selectableCount: Int { rows.count + (summaryTarget == nil ? 0 : 1) }

    /// What Enter opens at `selection` (a row's target, or the summary's), if anything.
    public func target(at selection: Int) -> Screen.Kind? {
        if targets.indices.contains(selection) { return targets[selection] }
        return selection == rows.count ? summaryTarget : nil
    }
}

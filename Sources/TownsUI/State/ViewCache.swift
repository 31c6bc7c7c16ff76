import Foundation
import TownsCore

/// The memo: what the views work out from the facts and a session, kept between keys and
/// frames: the rows of the lists shown recently (per view, period, filter, language
/// and sort) with their column widths, town pages, the period tables and year plans.
/// Outside the session (`AppState.cache`); what a dataset implies on its own is in `Facts`.
///
/// Every `AppState` made by `update` from another shares its memo (the facts are fixed for
/// a state's life, so what is kept stays right); a key that only moves the selection then
/// redraws the visible rows without rebuilding the list. Lists and pages are kept for the
/// last few views only (`capacity`), so memory stays bounded at province scale.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock` (work in
/// progress under `flight`).
final class ViewCache: @unchecked Sendable {
    struct ListKey: Hashable {
        var kind: Screen.Kind
        var period: Int
        var filter: TownFilter
        var language: Language
        var sortColumn: Int? = nil
        var sortDescending = false
        var presentation = false
        var narrow: String? = nil
        /// The screen's size, for a list laid out to it (the overview's panels); 0 for the others.
        var width = 0, height = 0
        /// The changes view's earlier period (`Session.changesFrom`); nil for the others.
        var changesFrom: String? = nil
        /// Made for print (`AppState.printed`): no key hints, every name in full.
        var printed = false
    }

    /// A page (a town's, the city's totals): glyph-free lines (`DetailLine`), made once for
    /// both glyph sets.
    struct DetailKey: Hashable {
        var page: Screen.Kind
        var width: Int
        var period: Int
        var language: Language
        /// The filter, for a page that lists towns (the assessment's notes); empty for the others.
        var filter = TownFilter()
        /// Made to be read away from the screen (`AppState.printed`): a page's notes name no key.
        var printed = false
    }

    /// A list's content; the natural widths of its titles, summary and sampled rows once a
    /// frame has needed them; what a search matches in it.
    final class List {
        let content: ListContent
        var sampledWidths: [Int]?
        /// Per row (in the list's order), the names a search looks in, as one lower-cased
        /// UTF-8 string with forms separated by NUL (`SearchIndex.haystack`).
        var haystacks: [[UInt8]]?
        /// The last search: its query and the matching rows.
        var lastSearch: (query: String, matches: [Int])?
        /// Each target's first row (the totals' one past the last row), made when a selection
        /// is first looked for by identity alone (`row(of:in:)`), or moved in a list whose rows
        /// may open one target more than once (`occurrence(of:at:in:)`).
        var rowsByTarget: TargetRows?
        /// The row last found for, or moved to by, a target: a key's lookup costs one target.
        var lastRow: (target: Screen.Kind, row: Int)?
        init(_ content: ListContent) { self.content = content }
    }

    /// The row of `list` (in its order) whose target is `target`, the first summary row for the
    /// totals' target; nil when no row opens it. The row last found in this list is tried
    /// first (one target made, as on every key that moves the selection), then the row last
    /// found in a list of the same screen `kind` (another period's towns: most often the same
    /// row), then an index of every row made once per list.
    func row(of target: Screen.Kind, in list: List, kind: Screen.Kind) -> Int? {
        let content = list.content
        let (last, hint) = withLock { (list.lastRow, rowHints.get(kind)) }
        if let last, last.target == target, content.target(at: last.row) == target { return last.row }
        if let hint, hint < content.selectableCount, content.target(at: hint) == target {
            remember(target, row: hint, in: list, kind: kind)
            return hint
        }
        guard let row = targetRows(list).first[target] else { return nil }
        remember(target, row: row, in: list, kind: kind)
        return row
    }

    /// Where a list's targets are: each one's first row, and every row of those opened by more
    /// than one row (the overview's detail lines under their row, the changes view's measures
    /// of one town), each list of rows in the list's order.
    struct TargetRows: Sendable {
        var first: [Screen.Kind: Int] = [:]
        var repeated: [Screen.Kind: [Int]] = [:]
    }

    /// `list`'s `TargetRows`, made once per list (one pass over its targets, rows not made).
    func targetRows(_ list: List) -> TargetRows {
        let content = list.content
        let work = Work.targets(ObjectIdentifier(list))
        return once(work, get: { list.rowsByTarget }, put: { list.rowsByTarget = $0 }) {
            var index = TargetRows()
            index.first.reserveCapacity(content.selectableCount)
            for i in 0..<content.selectableCount {
                guard let t = content.target(at: i) else { continue }
                if let first = index.first[t] {
                    index.repeated[t, default: [first]].append(i)
                } else {
                    index.first[t] = i
                }
            }
            return index
        }
    }

    /// Rows counted one by one for `Screen.occurrence` (as wave 25 counted every list up to this
    /// long): a selection on a row above it never makes the list's index (`targetRows`), so a
    /// first visit, whose selection is on the first row, costs nothing for it (the changes view
    /// at 10,000 x 60: ~15 ms for an index made on its first visit).
    static let occurrenceWalk = 2048

    /// Which of the rows of `list` opening `target` row `row` is (`Screen.occurrence`), counted
    /// from 0: nil for the first (and when `row` does not open it). A list whose targets are each
    /// opened by one row only (`ListContent.targetsUnique`) is never indexed for it; a row above
    /// `occurrenceWalk` is counted by walking the rows above it, one further down through the
    /// list's index, made once.
    func occurrence(of target: Screen.Kind, at row: Int, in list: List) -> Int? {
        let content = list.content
        if content.targetsUnique { return nil }
        if row <= Self.occurrenceWalk {
            let n = (0..<row).reduce(0) { $0 + (content.target(at: $1) == target ? 1 : 0) }
            return n == 0 ? nil : n
        }
        guard let rows = targetRows(list).repeated[target] else { return nil }
        let n = rows.partitioningIndex { $0 >= row }
        return n < rows.count && rows[n] == row && n > 0 ? n : nil
    }

    /// The row of `list` that is the `occurrence`-th (from 0) of those opening `target`, or the
    /// last of them when there are fewer (another width lays a panel out in fewer lines); nil
    /// when none opens it. Looked for among the first `occurrenceWalk` rows one by one, further
    /// down through the list's index.
    func row(of target: Screen.Kind, occurrence: Int, in list: List) -> Int? {
        let content = list.content
        var last: Int?
        var seen = 0
        for i in 0..<min(content.selectableCount, Self.occurrenceWalk + 1) where content.target(at: i) == target {
            if seen == occurrence { return i }
            last = i
            seen += 1
        }
        if content.selectableCount <= Self.occurrenceWalk + 1 { return last }
        let index = targetRows(list)
        if let rows = index.repeated[target] { return rows[min(occurrence, rows.count - 1)] }
        return index.first[target]
    }

    /// Keeps `row` as where `target` is in `list`, shown by a screen of `kind` (the selection
    /// just moved there, or was found there).
    func remember(_ target: Screen.Kind, row: Int, in list: List, kind: Screen.Kind) {
        withLock {
            list.lastRow = (target, row)
            rowHints.put(kind, row)
        }
    }

    /// Rows a table measures for its column widths besides those on screen: every row of a
    /// list this long or shorter, else this many spread evenly over the list.
    static let widthSample = 128

    /// The positions (in the unsorted list) of the rows a list of `n` rows measures for its
    /// widths besides those on screen (`widthSample`).
    static func samplePositions(_ n: Int) -> [Int] {
        n <= widthSample ? Array(0..<n) : (0..<widthSample).map { $0 * n / widthSample }
    }

    /// Lists and town pages kept, each (most recently used last): enough for the list shown,
    /// its neighbouring periods' and the other top views' (`AppState.warm`), and a few sorts.
    /// A list keeps only the rows made so far, so a list of 10,000 towns costs little.
    static let capacity = 12
    private let lock = NSLock()
    private var lists = Recent<ListKey, List>(capacity: ViewCache.capacity)
    private var details = Recent<DetailKey, [DetailLine]>(capacity: ViewCache.capacity)
    private var periodTables = Recent<Int, PeriodTable>(capacity: 3)
    private var plansByYear = Recent<String, YearPlans>(capacity: 2)
    private var placesByPeriod = Recent<String, [Int?]>(capacity: 4)
    private var suspectsByPeriod = Recent<Int, [Int: SumFlags]>(capacity: 3)
    private var behindByPeriod = Recent<Int, [Bool]>(capacity: 4)
    private var undecidedByPeriod = Recent<Int, [Int]>(capacity: 4)
    private var laterFloorByPeriod = Recent<String, LaterPlanFloor>(capacity: 4)
    private var unsettledByPeriod = Recent<String, Set<Int>>(capacity: 4)
    /// Per screen kind, the row its selection was last found on (`row(of:in:kind:)`).
    private var rowHints = Recent<Screen.Kind, Int>(capacity: ViewCache.capacity)

    /// A note's text, the width it is wrapped to and the most lines counted (`noteLineCount`).
    struct NoteLinesKey: Hashable {
        var text: String
        var width: Int
        var maxLines: Int
    }

    /// The note lines counted (`noteLineCount`), forgotten all at once past `noteLinesKept`.
    private var noteLines: [NoteLinesKey: Int] = [:]
    /// The most note line counts kept (a frame's notes are a handful; a resize adds a width).
    static let noteLinesKept = 256

    /// How many lines `text` takes wrapped at words to `width`, counting at most `maxLines`
    /// (`TextWrap.wrapAtWords(text, width:, maxLines:).count`), worked out once per text, width
    /// and limit: a long list's notes were wrapped again each time a frame asked how many rows
    /// fit (`Renderer.notesReserved`, several times a frame: a tenth of the towns view's first
    /// visit at 10,000 towns, issue 17). The same count either way (`W30NoteLinesMemoTests`).
    func noteLineCount(_ text: String, width: Int, maxLines: Int) -> Int {
        let key = NoteLinesKey(text: text, width: width, maxLines: maxLines)
        if let known = withLock({ noteLines[key] }) { return known }
        let count = TextWrap.wrapAtWords(text, width: width, maxLines: maxLines).count
        withLock {
            if noteLines.count >= Self.noteLinesKept { noteLines.removeAll() }
            noteLines[key] = count
        }
        return count
    }

    /// Whether `noteLineCount` remembers the count for `text`, `width` and `maxLines` (tests:
    /// a frame's note counts come from the memo, not from wrapping the notes again).
    func remembersNoteLineCount(_ text: String, width: Int, maxLines: Int) -> Bool {
        withLock { noteLines[NoteLinesKey(text: text, width: width, maxLines: maxLines)] != nil }
    }

    /// The cached list for `key`, made with `make` when absent.
    func list(_ key: ListKey, make: () -> ListContent?) -> List? {
        if let hit = withLock({ lists.get(key) }) { return hit }
        guard let content = make() else { return nil }
        let list = List(content)
        withLock { lists.put(key, list) }
        return list
    }

    /// The natural widths of `list`'s columns (what a table layout starts from): over the
    /// titles, the summary, the rows `visible` (positions in the list) and a sample of the
    /// others (every row of a list of up to `widthSample` rows, else `widthSample` rows evenly
    /// spread over the unsorted list; measured once). A row on screen is always measured, so no figure is cut; a
    /// column widens when a wider row than any sampled scrolls into view. Depends only on the
    /// list and `visible`, not on the rows seen before.
    func naturalWidths(_ list: List, visible: Range<Int>) -> [Int] {
        let content = list.content
        let sampled: [Int]
        if let known = withLock({ list.sampledWidths }) {
            sampled = known
        } else {
            // Spread over the unsorted list, so a sorted list (the same rows) gets the same
            // widths as the list it sorts: sorting never moves a column.
            let n = content.rows.count
            if let stored = content.sampleMeasure, stored.rows == n, stored.columns.count == content.columns.count {
                // Measured before (stored in the snapshot): the sampled rows are not made.
                sampled = TableLayout.naturalWidths(columns: content.columns, rows: [content.summary],
                                                    measured: stored.columns)
            } else {
                let positions = Self.samplePositions(n)
                let rows = concurrentMapped(positions, minimumPerSlice: 64) { i in content.rows.unsortedRow(i) }
                sampled = TableLayout.naturalWidths(columns: content.columns, rows: [rows, content.summary])
            }
            withLock { list.sampledWidths = sampled }
        }
        let shown = visible.clamped(to: 0..<content.rows.count)
        // A list measured in full needs nothing else; a sampled one takes the widths known
        // over every row (names, counties), so rows scrolling into view do not move them.
        guard content.rows.count > Self.widthSample else { return sampled }
        var widths = sampled
        for (column, width) in content.knownWidths where widths.indices.contains(column) {
            widths[column] = max(widths[column], width)
        }
        guard !shown.isEmpty else { return widths }
        let onScreen = TableLayout.naturalWidths(columns: content.columns, rows: [shown.map { content.rows[$0] }])
        return zip(widths, onScreen).map { max($0, $1) }
    }

    /// The natural widths of `list`'s columns over its titles, its summary and the rows `visible`
    /// (positions in the list), with the widths known over every row (`knownWidths`): no sample
    /// made. A filtered list's, whose other rows the whole list's widths stand for
    /// (`Renderer.naturalWidths`).
    func shownWidths(_ list: List, visible: Range<Int>) -> [Int] {
        let content = list.content
        let shown = visible.clamped(to: 0..<content.rows.count)
        var widths = TableLayout.naturalWidths(columns: content.columns,
                                               rows: [content.summary, shown.map { content.rows[$0] }])
        for (column, width) in content.knownWidths where widths.indices.contains(column) {
            widths[column] = max(widths[column], width)
        }
        return widths
    }

    /// The rows of `list` that match `query` (positions in the list's order), using
    /// `haystack` (of a position in the list's order) to build each row's search text once
    /// per list, unless the list's towns' stored texts are searched in place
    /// (`ListContent.searchTowns`: then `haystack` is not asked for); `endings` as
    /// `SearchIndex.needles` takes them. A query that extends the last one only looks among the
    /// last one's matches.
    func searchMatches(_ list: List, query: String, endings: [String],
                       haystack: @autoclosure () -> @Sendable (Int) -> [UInt8]) -> [Int] {
        if let last = withLock({ list.lastSearch }), last.query == query { return last.matches }
        let needle = Array(SearchIndex.normalizedQuery(query).utf8)
        guard !needle.isEmpty else { return [] }
        var candidates: [Int]?
        if let last = withLock({ list.lastSearch }), !last.query.isEmpty,
            SearchIndex.normalizedQuery(query).hasPrefix(SearchIndex.normalizedQuery(last.query))
        {
            candidates = last.matches
        }
        let needles = SearchIndex.needles(query, endings: endings)
        let matches: [Int]
        // The towns' stored texts searched in place (no row's text made or copied), else each
        // row's text made once per list.
        if let (positions, find) = list.content.searchTowns, positions.count == list.content.rows.storage.count,
            let found = find(needles)
        {
            let rows = list.content.rows
            matches = (candidates ?? Array(rows.indices)).filter { found[positions[rows.source($0)]] }
        } else {
            let hay = haystacks(list, haystack: haystack())
            matches = (candidates ?? Array(hay.indices)).filter { i in
                needles.contains { SearchIndex.contains(hay[i], $0) }
            }
        }
        withLock { list.lastSearch = (query, matches) }
        return matches
    }

    /// Keeps `matches` as the rows of `list` that match `query` (`searchMatches` answers with them,
    /// and a longer query looks among them): for a list whose rows are known to match, as a narrowed
    /// list's are (`AppState.narrowedList`).
    func rememberSearch(_ list: List, query: String, matches: [Int]) {
        withLock { list.lastSearch = (query, matches) }
    }

    /// Each row's search text (`List.haystacks`), made once per list by `haystack`.
    func haystacks(_ list: List, haystack: @Sendable (Int) -> [UInt8]) -> [[UInt8]] {
        once(.haystacks(ObjectIdentifier(list)), get: { list.haystacks }, put: { list.haystacks = $0 }) {
            concurrentMapped(Array(list.content.rows.indices), minimumPerSlice: 512) { i in haystack(i) }
        }
    }

    /// Each period's figures of every town (by position in `dataset.towns`), for tables:
    /// computed once per period (the last three kept: the period shown and its neighbours).
    func periodFigures(_ period: Int, make: () -> PeriodTable) -> PeriodTable {
        once(.period(period), get: { periodTables.get(period) }, put: { periodTables.put(period, $0) }, make: make)
    }

    /// The period's figures of every town if `periodFigures` has made them and they are still
    /// kept, else nil: nothing is worked out (nor waited for).
    func madePeriodFigures(_ period: Int) -> PeriodTable? {
        withLock { periodTables.get(period) }
    }

    /// Each town's plan for a year, by position in `dataset.towns`: the figure (its source
    /// decides what it may be combined with) and what a table shows of it.
    struct YearPlans {
        var figures: [Figure?]
        var shown: [ShownFigure?]
        /// The towns (positions, ascending) whose derived plan rests on two or more of the year's
        /// periods: only theirs may differ as of an earlier period (`Metrics.yearPlan(_:asOf:)`).
        var narrowable: [Int] = []
    }

    /// Each town's plan for a year ("2015"), by position in `dataset.towns`: one
    /// derivation per town and year, shared by the year's periods (the last two years kept).
    func yearPlans(_ year: String, make: () -> YearPlans) -> YearPlans {
        once(.plans(year), get: { plansByYear.get(year) }, put: { plansByYear.put(year, $0) }, make: make)
    }

    /// Every town's place by completion rate in period `id` (`Metrics.ranks`, by position in
    /// `dataset.towns`; nil: no place), made by `make` once per period (the last four kept: a
    /// period and the one before it, on each of two threads writing a snapshot). Every towns
    /// table's place column and each of its sorts read them (`DeltaColumns`).
    func places(_ id: String, make: () -> [Int?]) -> [Int?] {
        once(.places(id), get: { placesByPeriod.get(id) }, put: { placesByPeriod.put(id, $0) }, make: make)
    }

    /// Per town an inconsistency is about (by position in `dataset.towns`), its part in the `!`
    /// and `?N` of any sums over it in the period at index `period` (`AppState.sumFlags`): made by
    /// `make` once per period (the last three kept), so the overview's types, the towns view, a
    /// filter's subtotal and the types view ask each town's checks once, not once per list.
    func suspectFlags(_ period: Int, make: () -> [Int: SumFlags]) -> [Int: SumFlags] {
        once(.suspects(period), get: { suspectsByPeriod.get(period) }, put: { suspectsByPeriod.put(period, $0) },
             make: make)
    }

    /// Per town (by position in `dataset.towns`), whether it passes `AppState.storedFilter`
    /// (behind schedule, or undecided) in period `period` (an index in `dataset.periods`), made
    /// by `make` once per period (the last four kept, as `places`). Writing a snapshot asks it of
    /// every town several times a period (the stored filter's table, and per language the towns
    /// table's list, its width sample's name and its content); each asked every town's checks.
    func behindTowns(_ period: Int, make: () -> [Bool]) -> [Bool] {
        once(.behind(period), get: { behindByPeriod.get(period) }, put: { behindByPeriod.put(period, $0) },
             make: make)
    }

    /// The towns (positions in `dataset.towns`, ascending) whose verdict is undecided
    /// (`ScheduleReadings.isUndecided`) in the period at index `period`, made by `make` once per
    /// period (the last four kept, as `places`): the overview's `?N` (`overviewOrders`), `b`'s
    /// status line (`undecidedCount`) and the sums' `?N` (`workedOutSuspectFlags`) read this one
    /// list, where each asked every town's readings (wave 32).
    func undecidedTowns(_ period: Int, make: () -> [Int]) -> [Int] {
        once(.undecided(period), get: { undecidedByPeriod.get(period) }, put: { undecidedByPeriod.put(period, $0) },
             make: make)
    }

    /// The best place of a town placed over a plan first derivable from a later period
    /// (`AppState.laterPlanPlaceFloor`; nil: none), kept as a value so that "none" is kept too.
    struct LaterPlanFloor: Sendable {
        var place: Int?
    }

    /// `AppState.laterPlanPlaceFloor` of period `id`, made by `make` once per period (the last four
    /// kept, as `places`): every towns table's build (a sort, a filter, the period before's
    /// places) read it, where each asked every placed town's figures again (wave 32).
    func laterPlanFloor(_ id: String, make: () -> LaterPlanFloor) -> LaterPlanFloor {
        once(.laterFloor(id), get: { laterFloorByPeriod.get(id) }, put: { laterFloorByPeriod.put(id, $0) },
             make: make)
    }

    /// `AppState.placesWithinRounding` of period `id`, made by `make` once per period (the last four
    /// kept, as `places`): every towns table's build and a town's page read it.
    func placesWithinRounding(_ id: String, make: () -> Set<Int>) -> Set<Int> {
        once(.unsettled(id), get: { unsettledByPeriod.get(id) }, put: { unsettledByPeriod.put(id, $0) },
             make: make)
    }

    /// What is being worked out by some thread (`once`).
    private enum Work: Hashable {
        case period(Int), plans(String), haystacks(ObjectIdentifier), targets(ObjectIdentifier)
        case places(String), suspects(Int), behind(Int), undecided(Int), laterFloor(String), unsettled(String)
    }
    private var inFlight: Set<Work> = []
    private let flight = NSCondition()

    /// The value `get` finds, else made by `make` and `put`; while another thread makes the
    /// same `work` (the dashboard's warm-up, `AppState.warm`), waits for it instead of making
    /// it twice. `get` and `put` run under the cache's lock.
    private func once<V>(_ work: Work, get: () -> V?, put: (V) -> Void, make: () -> V) -> V {
        flight.lock()
        while true {
            if let hit = withLock(get) { flight.unlock(); return hit }
            if !inFlight.contains(work) { inFlight.insert(work); break }
            flight.wait()
        }
        flight.unlock()
        let value = make()
        withLock { put(value) }
        flight.lock()
        inFlight.remove(work)
        flight.broadcast()
        flight.unlock()
        return value
    }

    /// How many pages `detail` has made (not found kept): one per page, width, period and
    /// language, whichever glyph sets draw it.
    private(set) var pagesMade = 0

    /// The lines of the page `key`, made with `make` when not kept.
    func detail(_ key: DetailKey, make: () -> [DetailLine]) -> [DetailLine] {
        if let hit = withLock({ details.get(key) }) { return hit }
        let lines = make()
        withLock {
            details.put(key, lines)
            pagesMade += 1
        }
        return lines
    }

    private func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

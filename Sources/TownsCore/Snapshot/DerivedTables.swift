import Foundation

/// What the dashboard's tables derive from a dataset, worked out when a snapshot is written and
/// stored in it, so that a dashboard started from the snapshot shows its first screen (and
/// each period's) without deriving them: every town's plan for each year (`Metrics`' year
/// plan, with the decimals its inputs support, `ShownFigure`), its planned projects, and each
/// period's table of every town (`TownPeriod`, as the towns table shows it).
///
/// Derived from the text, never a second source: stored inside the snapshot's checksummed
/// payload, so it is used exactly when the snapshot is (the same content fingerprint, the same
/// build of towns), and a table that does not decode is not used (the caller derives it).
/// A period's table stores only the towns whose row is not the year's plan and planned
/// projects alone (the towns with figures of the period); it is decoded when first asked for.
///
/// Decodes what it is asked for each time and keeps nothing decoded (the dashboard's memo
/// keeps what it shows). `@unchecked Sendable`: immutable.
public final class DerivedTables: @unchecked Sendable {
    /// The number of towns, in the dataset's order, every table has a row for.
    public let townCount: Int
    private let memory: SnapshotMemory
    private let strings: [String]
    private let plannedRange: Range<Int>
    private let yearRanges: [String: Range<Int>]
    /// Each period's year and where its rows lie: two deferred sections, the rows of the first
    /// half of the towns and of the second (format 24), decoded on both cores (`periodRows`).
    private let periodRanges: [String: (year: String, ranges: [Range<Int>])]
    private let summaries: [String: (sums: [Metrics.Tally], extremes: [Int], ranks: Range<Int>)]
    // Read when first asked for: at 10,000 x 60 thousands of names, ~1/4 of the derived tables'
    // decode before the first frame (wave 36).
    private let sortRankRanges: LazyRanges
    private let groupRanges: LazyRanges
    private let rowSetRanges: LazyRanges
    private let tallyRanges: LazyRanges
    /// The number of consistency findings of each kind over the whole dataset (`Checker.run`),
    /// or nil when not stored.
    public let findingCounts: [Finding.Kind: Int]?
    private let overviewRanges: [String: Range<Int>]
    /// The assessment's stakes and the changes view's rows (`DerivedViews`, format 8).
    public let views: DerivedViews
    /// What the first keys need besides the tables (`DerivedKeys`: search texts, pinyin).
    public let keys: DerivedKeys

    /// The tables as they are written: `planned` and each of `yearPlans` has a value per town;
    /// `periods` gives, for each period, its year (a key of `yearPlans`) and its tables.
    public struct Source {
        public var planned: [ShownFigure?]
        public var yearPlans: [String: [ShownFigure?]]
        public var periods: [Period]
        /// Sort ranks of list columns, by a name the dashboard gives them (a column of a
        /// period's table names its period): per town, in the dataset's order, its dense rank
        /// among every town's sort key of that column (1 first ascending, equal keys one
        /// rank; 0 an unknown key, sorted last both ways). Sorting any of the towns by these
        /// numbers gives the order their keys give.
        public var sortRanks: [String: [Int]]
        /// The progress of groups of towns (`GroupProgress`), by a name the dashboard gives
        /// them (a development type's in a period: its period and type).
        public var groups: [String: GroupProgress]
        /// Rows by a name the dashboard gives them (ascending positions: the towns a filter
        /// keeps in a period, the rows of such a list measured for its widths).
        public var rowSets: [String: [Int]]
        /// Tallies by a name the dashboard gives them (the sums of a filtered towns table).
        public var tallies: [String: [Metrics.Tally]]
        /// The number of findings of each kind (`Checker.run` over the dataset; a kind with
        /// none may be left out), or nil: not stored, the dashboard runs the checks.
        public var findingCounts: [Finding.Kind: Int]?
        /// Each period's overview panels over every town (`DerivedOverview`) by period id.
        public var overviews: [String: DerivedOverview]
        /// The assessment's stakes and the changes view's rows per period (`DerivedViews`).
        public var views = DerivedViews.Source()
        /// What the first keys need (`DerivedKeys.Source`); nothing by default.
        public var keys = DerivedKeys.Source()

        public init(planned: [ShownFigure?], yearPlans: [String: [ShownFigure?]], periods: [Period],
                    sortRanks: [String: [Int]] = [:], groups: [String: GroupProgress] = [:],
                    rowSets: [String: [Int]] = [:], tallies: [String: [Metrics.Tally]] = [:],
                    findingCounts: [Finding.Kind: Int]? = nil, overviews: [String: DerivedOverview] = [:]) {
            self.rowSets = rowSets
            self.tallies = tallies
            self.planned = planned
            self.yearPlans = yearPlans
            self.periods = periods
            self.sortRanks = sortRanks
            self.groups = groups
            self.findingCounts = findingCounts
            self.overviews = overviews
        }
    }

    /// One period's tables: every town's row (`table`), and what the towns table of every town
    /// works out from it: its sums of known figures (`sums`, the tallies in the order the
    /// dashboard gives them), the rows its column widths are measured on (`extremes`), and
    /// each town's place by completion rate (`ranks`, `Metrics.ranks`; nil: no place).
    public struct Period: Sendable {
        public var id: String
        public var year: String
        /// Every town's row; empty when `rows` holds the table.
        public var table: PeriodTable
        /// The table as written: only the rows that are not the year's plan and planned projects
        /// alone (`Period.rows(of:plans:planned:)`), by ascending position; nil: worked out from
        /// `table` when written. A writer keeps these rather than 10,000 rows a period (most
        /// towns report nothing in a month: the full tables were most of its memory).
        public var rows: [(position: Int, row: TownPeriod)]?
        public var sums: [Metrics.Tally]
        public var extremes: [Int]
        public var ranks: [Int?]

        public init(id: String, year: String, table: PeriodTable, sums: [Metrics.Tally], extremes: [Int],
                    ranks: [Int?]) {
            self.id = id
            self.year = year
            self.table = table
            self.sums = sums
            self.extremes = extremes
            self.ranks = ranks
        }

        /// A period whose table is given as the rows written (`rows`): `table` is left empty.
        public init(id: String, year: String, rows: [(position: Int, row: TownPeriod)], sums: [Metrics.Tally],
                    extremes: [Int], ranks: [Int?]) {
            self.init(id: id, year: year, table: [], sums: sums, extremes: extremes, ranks: ranks)
            self.rows = rows
        }

        /// The rows of `table` a snapshot writes: those that are not the year's plan (`plans`, by
        /// position) and planned projects (`planned`) alone; a reader makes the others from those.
        public static func rows(of table: PeriodTable, plans: [ShownFigure?], planned: [ShownFigure?])
            -> [(position: Int, row: TownPeriod)] {
            table.indices.compactMap { i in
                table[i] != TownPeriod(planYear: plans[i], projectsPlanned: planned[i]) ? (i, table[i]) : nil
            }
        }
    }

    /// Reads the section `SnapshotWriter.derived` wrote, at `reader`'s position, keeping
    /// where each table lies in `memory`'s payload (which `reader` reads).
    init(_ reader: inout SnapshotReader, memory: SnapshotMemory) throws {
        self.memory = memory
        strings = reader.strings
        // Not `count()` (every element at least a byte where it is): the tables lie in the deferred part.
        let towns = try reader.natural()
        townCount = towns
        // Each table a deferred section: read, and its blocks checked, when first asked for.
        func range(_ r: inout SnapshotReader) throws -> Range<Int> { try r.deferredRange() }
        plannedRange = try range(&reader)
        var years: [String: Range<Int>] = [:]
        for _ in 0..<(try reader.count()) { years[try reader.string()] = try range(&reader) }
        yearRanges = years
        var periods: [String: (String, [Range<Int>])] = [:]
        var summaries: [String: ([Metrics.Tally], [Int], Range<Int>)] = [:]
        for _ in 0..<(try reader.count()) {
            let id = try reader.string(), year = try reader.string()
            guard years[year] != nil else { throw SnapshotReader.corrupt("a period table of a year without plans") }
            let sums = try reader.array { try $0.tally() }
            let extremes = try reader.array { try $0.natural() }
            guard extremes.allSatisfy({ $0 < towns }) else { throw SnapshotReader.corrupt("a row beyond the towns") }
            summaries[id] = (sums, extremes, try range(&reader))
            periods[id] = (year, [try range(&reader), try range(&reader)])
        }
        periodRanges = periods
        self.summaries = summaries
        sortRankRanges = LazyRanges(section: try range(&reader), memory: memory, strings: strings)
        groupRanges = LazyRanges(section: try range(&reader), memory: memory, strings: strings)
        rowSetRanges = LazyRanges(section: try range(&reader), memory: memory, strings: strings)
        tallyRanges = LazyRanges(section: try range(&reader), memory: memory, strings: strings)
        findingCounts = try reader.optional { r in
            var counts: [Finding.Kind: Int] = [:]
            for _ in 0..<(try r.count()) {
                let kind = try r.word(Finding.Kind.self)
                guard counts[kind] == nil else { throw SnapshotReader.corrupt("findings of \(kind) counted twice") }
                counts[kind] = try r.natural()
            }
            return counts
        }
        overviewRanges = try reader.overviewRanges()
        views = try DerivedViews(&reader, memory: memory, townCount: towns)
        keys = try DerivedKeys(&reader, memory: memory, townCount: towns)
    }

    /// Gives back the pages of the mapped snapshot read so far (`madvise(MADV_DONTNEED)`; the
    /// figure area's too, which shares the mapping): what is decoded from them is kept by its
    /// reader, and a page read again comes back from the page cache. The dashboard calls it
    /// after each warm-up, so the pages its tables were decoded from do not stay resident.
    public func releasePages() { memory.release() }

    /// Checks every block of the snapshot's deferred part (what the tables read when first asked
    /// for), as their first reads would: for tests and diagnostics, never on a start's path.
    ///
    /// - Throws: `SnapshotRejection.corrupt` when a block does not match its checksum.
    func verifyDeferred() throws(SnapshotRejection) {
        try memory.verify(memory.eagerCount..<memory.payloadCount)
    }

    /// Checks every block of the snapshot's deferred part not yet checked (each block's pages
    /// given back once hashed): the dashboard's warm-up after the first frame calls it, so the
    /// keys that follow find their tables' blocks checked (at 10,000 x 60 the first search
    /// keystroke would otherwise hash the ~4 MB of search texts). Once done, nothing.
    public func checkAhead() { memory.verifyAhead() }

    /// The snapshot's deferred blocks found damaged so far (their tables are not used: each is
    /// worked out from the dataset instead). The dashboard says so once and rebuilds the
    /// snapshot (wave 38's fresh user damaged a deferred block, and nothing said so, and the
    /// damaged snapshot stayed in the cache for every later start).
    public var damagedBlocks: Int { memory.damagedBlocks }

    /// The snapshot's deferred blocks checked so far, and how many there are (`SnapshotMemory`).
    var checkedBlocks: (checked: Int, of: Int) { memory.checkedBlocks }

    /// The overview's panels over every town in period `id` (`DerivedOverview`), or nil when not
    /// stored or not decodable.
    public func overview(_ id: String) -> DerivedOverview? {
        guard let r = overviewRanges[id] else { return nil }
        return try? memory.read(r, strings: strings) { try $0.overview(towns: townCount) }
    }

    /// The rows `name` (`Source.rowSets`, ascending), or nil when not stored or not decodable.
    public func rowSet(_ name: String) -> [Int]? {
        guard let r = rowSetRanges[name] else { return nil }
        return try? memory.read(r, strings: strings) { reader in
            let rows = try reader.array { try $0.natural() }
            guard reader.atEnd, zip(rows, rows.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw SnapshotReader.corrupt("a set of rows out of order")
            }
            return rows
        }
    }

    /// The tallies `name` (`Source.tallies`), or nil when not stored or not decodable.
    public func tallies(_ name: String) -> [Metrics.Tally]? {
        guard let r = tallyRanges[name] else { return nil }
        return try? memory.read(r, strings: strings) { reader in
            let tallies = try reader.array { try $0.tally() }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after a list of tallies") }
            return tallies
        }
    }

    /// The progress of the group `name` (`Source.groups`), or nil when not stored or not decodable.
    public func group(_ name: String) -> GroupProgress? {
        guard let r = groupRanges[name] else { return nil }
        return try? memory.read(r, strings: strings) { reader in
            let g = try reader.groupProgress()
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after a group's progress") }
            return g
        }
    }

    /// The sort ranks of the column `name` (`Source.sortRanks`: per town, 1 first, 0 unknown),
    /// or nil when not stored or not decodable.
    public func sortRanks(_ name: String) -> [Int]? {
        guard let r = sortRankRanges[name] else { return nil }
        return try? memory.read(r, strings: strings) { reader in
            var ranks: [Int] = []
            ranks.reserveCapacity(townCount)
            for _ in 0..<townCount {
                let n = try reader.uint()
                guard n <= UInt64(townCount) else { throw SnapshotReader.corrupt("a rank beyond the towns") }
                ranks.append(Int(n))
            }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after the sort ranks") }
            return ranks
        }
    }

    /// The towns table's sums of known figures over every town of period `id` (the tallies in
    /// the order they were written), or nil when not stored.
    public func sums(_ id: String) -> [Metrics.Tally]? { summaries[id]?.sums }

    /// The rows of every town's table of period `id` whose widths are measured besides the
    /// sampled ones (ascending), or nil when not stored.
    public func extremeRows(_ id: String) -> [Int]? { summaries[id]?.extremes }

    /// Each town's place by completion rate in period `id` (`Metrics.ranks`, by position in the
    /// dataset; nil: no place), or nil when not stored or not decodable.
    public func ranks(_ id: String) -> [Int?]? {
        guard let r = summaries[id]?.ranks else { return nil }
        return try? memory.read(r, strings: strings) { reader in
            var places: [Int?] = []
            places.reserveCapacity(townCount)
            for _ in 0..<townCount {
                let n = try reader.uint()
                places.append(n == 0 ? nil : Int(n))
            }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after the places") }
            return places
        }
    }

    /// The period ids with a stored table.
    public var periodIDs: [String] { periodRanges.keys.sorted() }

    /// Every town's planned projects (a figure of no period), or nil when they do not decode.
    public func plannedProjects() -> [ShownFigure?]? { try? column(plannedRange) }

    /// Every town's plan for `year` ("2015"), or nil when not stored or not decodable.
    public func yearPlans(_ year: String) -> [ShownFigure?]? { yearRanges[year].flatMap { try? column($0) } }

    /// Every town's row in the period `id`'s table, or nil when not stored or not decodable.
    /// `plans` (given the period's year, the year's plans) and `planned`: those already
    /// decoded (`yearPlans`, `plannedProjects`), else decoded here.
    public func periodTable(_ id: String, plans given: ((String) -> [ShownFigure?]?)? = nil,
                            planned known: [ShownFigure?]? = nil) -> PeriodTable? {
        guard let (year, _) = periodRanges[id], let plans = given?(year) ?? yearPlans(year),
            let planned = known ?? plannedProjects(), plans.count == townCount, planned.count == townCount
        else {
            return nil
        }
        return periodRows(id).map { PeriodTable(plans: plans, planned: planned, own: $0) }
    }

    /// `periodTable(id, plans:planned:)` with its rows decoded on this thread while another
    /// gets the year's plans (`plans`, given the period's year) and the planned projects
    /// (`planned`): a towns list's first visit waits for the longer of the two, not for both
    /// (issue 17, cold keys). The same table; nil when not stored or not decodable.
    public func periodTableDecodedBeside(_ id: String, plans: @escaping @Sendable (String) -> [ShownFigure?]?,
                                         planned: @escaping @Sendable () -> [ShownFigure?]?) -> PeriodTable? {
        guard let (year, _) = periodRanges[id] else { return nil }
        final class Parts: @unchecked Sendable {
            // Each written by one of the iterations, read after all are done.
            var plans: [ShownFigure?]?
            var planned: [ShownFigure?]?
        }
        let parts = Parts()
        // The two halves' rows on two threads (the longer parts), the plans and the planned
        // projects on the others (wave 41: the rows decoded on one core were the critical path
        // of the towns view's first visit at 10,000 x 60, ~1.8 ms beside the other two's ~1 ms).
        let own = periodRows(id, alongside: [{ parts.plans = plans(year) }, { parts.planned = planned() }])
        guard let own, let plans = parts.plans, let planned = parts.planned,
            plans.count == townCount, planned.count == townCount
        else {
            return nil
        }
        return PeriodTable(plans: plans, planned: planned, own: own)
    }

    /// Whether period `id` has a stored table.
    public func hasPeriodTable(_ id: String) -> Bool { periodRanges[id] != nil }

    /// The rows of their own in the period `id`'s table (`periodTable` without the year's plans and
    /// planned projects, which a caller may decode meanwhile on another thread), or nil when not
    /// stored or not decodable. The rows of the first half of the towns and of the second are
    /// decoded on two threads, each row in its place in the one array kept (not copied in: joining
    /// two arrays of ~600-byte rows cost what the second thread saved), while `alongside`'s work
    /// runs on the other iterations of the same `concurrentPerform` (not at all when the table is not stored).
    public func periodRows(_ id: String, alongside: [@Sendable () -> Void] = []) -> PeriodTable.OwnRows? {
        guard let (_, ranges) = periodRanges[id], ranges.count == 2,
              let counts = try? ranges.map({ try memory.read($0, strings: strings) { try $0.count() } }),
              counts.allSatisfy({ $0 <= townCount }), counts[0] + counts[1] <= townCount
        else {
            return nil
        }
        let towns = townCount
        let halves = [PeriodHalf(), PeriodHalf()]
        var slots = [Int32](repeating: -1, count: towns)
        let rows = [TownPeriod](unsafeUninitializedCapacity: counts[0] + counts[1]) { buffer, initialized in
            initialized = 0
            slots.withUnsafeMutableBufferPointer { slotBuffer in
                let at = PeriodRowsPlace(rows: buffer.baseAddress, slots: slotBuffer.baseAddress)
                DispatchQueue.concurrentPerform(iterations: 2 + alongside.count) { k in
                    guard k < 2 else { return alongside[k - 2]() }
                    let first = k == 0 ? 0 : counts[0]
                    let allowed = k == 0 ? 0..<towns / 2 : towns / 2..<towns
                    halves[k].ok = (try? memory.read(ranges[k], strings: strings) { reader in
                        guard try reader.count() == counts[k] else { throw SnapshotReader.corrupt("a half of another count") }
                        var last = -1
                        for r in 0..<counts[k] {
                            let town = try reader.natural()
                            guard town > last, allowed.contains(town) else { throw SnapshotReader.corrupt("a row out of order") }
                            last = town
                            guard let row = at.rows.map({ $0 + first + r }), let slot = at.slots else { return }
                            slot[town] = Int32(first + r)
                            row.initialize(to: TownPeriod())
                            halves[k].made = r + 1
                            try reader.townPeriod(into: &row.pointee)
                        }
                        guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after a period's table") }
                    }) != nil
                }
            }
            if halves.allSatisfy(\.ok) {
                initialized = counts[0] + counts[1]
            } else if let base = buffer.baseAddress {
                // A half that did not decode: the rows each made are given back, none kept.
                base.deinitialize(count: halves[0].made)
                (base + counts[0]).deinitialize(count: halves[1].made)
            }
        }
        guard halves.allSatisfy(\.ok) else { return nil }
        var own = PeriodTable.OwnRows(towns: 0, capacity: 0)
        own.slots = slots
        own.rows = rows
        return own
    }

    /// A value per town, as `SnapshotWriter.column` wrote it.
    private func column(_ r: Range<Int>) throws -> [ShownFigure?] {
        try memory.read(r, strings: strings) { reader in
            var values: [ShownFigure?] = []
            values.reserveCapacity(townCount)
            for _ in 0..<townCount { values.append(try reader.optional { try $0.shownFigure() }) }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after a column") }
            return values
        }
    }
}

extension SnapshotWriter {
    /// The derived tables (`DerivedTables`), or their absence.
    mutating func derived(_ source: DerivedTables.Source?, townCount: Int) {
        guard let source else { return bool(false) }
        bool(true)
        uint(UInt64(townCount))
        func column(_ values: [ShownFigure?], _ w: inout SnapshotWriter) {
            precondition(values.count == townCount, "a derived column of another length than the towns")
            w.deferredSection { w in for v in values { w.optional(v) { $0.shownFigure($1) } } }
        }
        column(source.planned, &self)
        let years = source.yearPlans.keys.sorted()
        uint(UInt64(years.count))
        for year in years {
            string(year)
            column(source.yearPlans[year]!, &self)
        }
        uint(UInt64(source.periods.count))
        for period in source.periods {
            let plans = source.yearPlans[period.year]!
            let rows = period.rows ?? {
                precondition(period.table.count == townCount, "a period table of another length than the towns")
                return DerivedTables.Period.rows(of: period.table, plans: plans, planned: source.planned)
            }()
            precondition(rows.allSatisfy { $0.position < townCount }, "a period's row beyond the towns")
            string(period.id)
            string(period.year)
            array(period.sums) { $0.tally($1) }
            array(period.extremes) { $0.uint(UInt64($1)) }
            precondition(period.ranks.count == townCount, "places of another number of towns")
            deferredSection { w in for place in period.ranks { w.uint(UInt64(place ?? 0)) } }
            // Only the rows that are not the year's plan and planned projects alone: those of the
            // first half of the towns, then those of the second, each a section (format 24), so that
            // a reader decodes them on both cores (`DerivedTables.periodRows(_:half:)`).
            let firstOfSecondHalf = rows.firstIndex { $0.position >= townCount / 2 } ?? rows.count
            for half in [rows[..<firstOfSecondHalf], rows[firstOfSecondHalf...]] {
                deferredSection { w in
                    w.uint(UInt64(half.count))
                    for (i, row) in half {
                        w.uint(UInt64(i))
                        w.townPeriod(row)
                    }
                }
            }
        }
        // Each list of names a section of its own, so a reader skips it whole and reads it when
        // first asked for (`LazyRanges`, format 20).
        // Format 21: the list (each name and where its part lies) a deferred section of its own
        // after its parts, each part one too, so a first read checks the list's blocks and the
        // part's, not every part's (a column's sort ranks: ~7.5 MB at 10,000 x 60).
        func names(_ list: [String], _ item: (String, inout SnapshotWriter) -> Void) {
            deferredSection { w in
                w.uint(UInt64(list.count))
                for name in list {
                    w.string(name)
                    w.deferredSection { item(name, &$0) }
                }
            }
        }
        names(source.sortRanks.keys.sorted()) { name, w in
            let ranks = source.sortRanks[name]!
            precondition(ranks.count == townCount, "sort ranks of another number of towns")
            for rank in ranks { w.uint(UInt64(rank)) }
        }
        names(source.groups.keys.sorted()) { name, w in w.groupProgress(source.groups[name]!) }
        names(source.rowSets.keys.sorted()) { name, w in w.array(source.rowSets[name]!) { $0.uint(UInt64($1)) } }
        names(source.tallies.keys.sorted()) { name, w in w.array(source.tallies[name]!) { $0.tally($1) } }
        optional(source.findingCounts) { w, counts in
            let kinds = counts.keys.sorted { $0.rawValue < $1.rawValue }
            w.uint(UInt64(kinds.count))
            for kind in kinds { w.string(kind.rawValue); w.uint(UInt64(counts[kind]!)) }
        }
        overviews(source.overviews, townCount: townCount)
        views(source.views)
        derivedKeys(source.keys, townCount: townCount)
    }

    mutating func shownFigure(_ f: ShownFigure) {
        switch f.quantity {
        case let .exact(v, decimals):
            uint(0); decimal(v); int(decimals)
        case let .moreThan(v):
            uint(1); decimal(v)
        }
        var flags: UInt64 = 0
        if f.isDerived { flags |= 1 }
        if f.isInterpreted { flags |= 2 }
        if f.onOtherBasis { flags |= 4 }
        if f.isProjection { flags |= 8 }
        if f.isWorkedFromInterpretation { flags |= 16 }
        uint(flags)
        optional(f.interval) { $0.decimal($1.lower); $0.decimal($1.upper) }
    }

    mutating func tally(_ t: Metrics.Tally) {
        decimal(t.sum); uint(UInt64(t.known)); uint(UInt64(t.derived)); uint(UInt64(t.bounded))
        decimal(t.boundSum); uint(UInt64(t.unknown)); uint(UInt64(t.decimals)); uint(UInt64(t.interpreted))
        array(t.halfUnits) { $0.uint(UInt64($1)) }
        decimal(t.ownValues); decimal(t.ownLower); decimal(t.ownUpper)
    }

    /// A group's progress: its counts, its two tallies and its towns' rates' hull.
    mutating func groupProgress(_ g: GroupProgress) {
        uint(UInt64(g.members)); tally(g.plan); tally(g.completed)
        uint(UInt64(g.withRate)); uint(UInt64(g.behind))
        optional(g.memberRates) { $0.decimal($1.lower); $0.decimal($1.upper) }
    }

    mutating func townPeriod(_ p: TownPeriod) {
        let fields = [p.planYear, p.completed, p.completionRate, p.projectsStarted, p.projectsPlanned, p.startRate]
        var mask: UInt64 = 0
        for (bit, f) in fields.enumerated() where f != nil { mask |= 1 << UInt64(bit) }
        if !p.completedComparesWithPlan { mask |= 1 << 6 }  // the relation of completed to plan
        uint(mask)
        for f in fields { if let f { shownFigure(f) } }
    }
}

extension SnapshotReader {
    mutating func shownFigure() throws -> ShownFigure {
        let quantity: Quantity
        switch try uint() {
        case 0: quantity = .exact(try decimal(), decimals: try int())
        case 1: quantity = .moreThan(try decimal())
        case let k: throw Self.corrupt("a quantity of kind \(k)")
        }
        let flags = try uint()
        guard flags < 32 else { throw Self.corrupt("a figure's marks \(flags)") }
        var f = ShownFigure(quantity: quantity, isDerived: flags & 1 != 0)
        f.isInterpreted = flags & 2 != 0
        f.onOtherBasis = flags & 4 != 0
        f.isProjection = flags & 8 != 0
        f.isWorkedFromInterpretation = flags & 16 != 0
        f.interval = try optional { Interval(ordered: try $0.decimal(), try $0.decimal()) }
        return f
    }

    mutating func tally() throws -> Metrics.Tally {
        var t = Metrics.Tally()
        t.sum = try decimal(); t.known = try natural(); t.derived = try natural(); t.bounded = try natural()
        t.boundSum = try decimal(); t.unknown = try natural(); t.decimals = try natural()
        t.interpreted = try natural()
        t.halfUnits = try array { try $0.natural() }
        t.ownValues = try decimal(); t.ownLower = try decimal(); t.ownUpper = try decimal()
        return t
    }

    /// A group's progress as `SnapshotWriter.groupProgress` wrote it.
    mutating func groupProgress() throws -> GroupProgress {
        var g = GroupProgress()
        g.members = try natural(); g.plan = try tally(); g.completed = try tally()
        g.withRate = try natural(); g.behind = try natural()
        g.memberRates = try optional { Interval(ordered: try $0.decimal(), try $0.decimal()) }
        return g
    }

    mutating func townPeriod() throws -> TownPeriod {
        var row = TownPeriod()
        try townPeriod(into: &row)
        return row
    }

    /// A row as `SnapshotWriter.townPeriod` wrote it, into `row` (a new `TownPeriod()`), where it
    /// is kept: a table's rows decoded in place rather than copied in (~600 bytes each).
    mutating func townPeriod(into row: inout TownPeriod) throws {
        let mask = try uint()
        guard mask < 128 else { throw Self.corrupt("a row's fields \(mask)") }
        func next(_ bit: UInt64) throws -> ShownFigure? { mask & (1 << bit) != 0 ? try shownFigure() : nil }
        row.planYear = try next(0)
        row.completed = try next(1)
        row.completionRate = try next(2)
        row.projectsStarted = try next(3)
        row.projectsPlanned = try next(4)
        row.startRate = try next(5)
        row.completedComparesWithPlan = mask & (1 << 6) == 0
    }
}

/// A list of named parts of a snapshot (a deferred section: the count, then each name and where
/// its part, a deferred section of its own, lies), read into a dictionary of where each part
/// lies when a name is first asked for, not when the snapshot is opened. A list that does not decode has no names (its parts are then
/// worked out, as for a snapshot without them); the snapshot's checksum was checked before
/// anything from it is used, so that means damage the checksum could not see.
/// `@unchecked Sendable`: the dictionary is made once, under the lock.
final class LazyRanges: @unchecked Sendable {
    private let section: Range<Int>
    private let memory: SnapshotMemory
    private let strings: [String]
    private let lock = NSLock()
    private var ranges: [String: Range<Int>]?

    init(section: Range<Int>, memory: SnapshotMemory, strings: [String]) {
        self.section = section
        self.memory = memory
        self.strings = strings
    }

    /// Where part `name` lies in the payload, or nil when the list has no such name.
    subscript(name: String) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        if ranges == nil {
            var reader = SnapshotReader(memory.payload, from: section.lowerBound, to: section.upperBound)
            reader.strings = strings
            reader.deferredStart = memory.eagerCount
            // The list's blocks checked first (a deferred section; each part's when it is read,
            // `SnapshotMemory.read`): a damaged list has no names.
            ranges = (try? memory.verify(section)).flatMap { try? Self.decode(&reader) } ?? [:]
        }
        return ranges![name]
    }

    private static func decode(_ reader: inout SnapshotReader) throws -> [String: Range<Int>] {
        let n = try reader.count()
        var ranges: [String: Range<Int>] = [:]
        ranges.reserveCapacity(n)
        for _ in 0..<n {
            let name = try reader.string()
            ranges[name] = try reader.deferredRange()
        }
        guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after a list of named parts") }
        return ranges
    }
}

/// One half of a period's rows being decoded (`DerivedTables.periodRows`): how many rows it has
/// made in place, and whether it decoded whole. `@unchecked Sendable`: written by its one
/// iteration only, read after `concurrentPerform` returns.
private final class PeriodHalf: @unchecked Sendable {
    var made = 0
    var ok = false
}

/// Where a period's rows are made in place (`DerivedTables.periodRows`): the array's storage and
/// the slots'. `@unchecked Sendable`: each half writes the rows and the slots of its own towns only.
private struct PeriodRowsPlace: @unchecked Sendable {
    let rows: UnsafeMutablePointer<TownPeriod>?
    let slots: UnsafeMutablePointer<Int32>?
}

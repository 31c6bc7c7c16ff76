import TownsCore

/// Which towns the town lists show. Empty means all. Totals under a filtered list are the
/// filtered towns' and say so.
public struct TownFilter: Codable, Hashable, Sendable {
    /// County, as written in towns.toml (Chinese or English).
    public var county: String?
    /// Development type 1-4.
    public var type: Int?
    /// List stage.
    public var stage: ListStage?
    /// Only towns behind schedule in the shown period (completion below the share of the year elapsed),
    /// and the towns whose verdict is undecided (`ScheduleReadings.isUndecided`), shown with `?`.
    public var behindSchedule = false
    /// Only towns a source flags with this problem (problems.toml id).
    public var problem: String?

    public init() {}

    public var isEmpty: Bool { self == TownFilter() }

    // `summary(_:separator:)`: Text/Catalogue+Chrome.swift.
}

extension AppState {
    /// Whether `town` passes the filter in the shown period.
    public func passes(_ town: Town) -> Bool {
        filterTest().passes(town, rate: metrics.figure(town, FigureKey(.completionRate, period?.id ?? ""))?.quantity)
    }

    /// Whether `town` passes the filter, given its completion rate in the shown period
    /// (read only for the behind-schedule filter).
    func passes(_ town: Town, rate: @autoclosure () -> Quantity?) -> Bool {
        filterTest().passes(town, rate: rate())
    }

    /// The filter's test, with what it needs from the state worked out once (not per town).
    func filterTest() -> FilterTest {
        let f = filter
        let flagged = f.problem.map { problem in
            Set((dataset.problems?.flags ?? []).lazy.filter { $0.problemID == problem }.map(\.townID))
        }
        // Behind by its verdict, or undecided (`ScheduleReadings.isUndecided`: one reading behind,
        // the other not, on a flagged figure), which the list shows with its `?`: the filter never
        // hides a town that may be behind (w15-behind).
        let checker = self.checker
        let undecided: ((Town) -> Bool)? = f.behindSchedule ? period.map { p in
            { town in checker.isVerdictUndecided(town, period: p) }
        } : nil
        return FilterTest(filter: f, countyLowercased: f.county?.lowercased(), flagged: flagged,
                          elapsedPercent: f.behindSchedule ? period?.elapsedPercent : nil, undecided: undecided)
    }

    /// `towns` with the filter applied.
    public func filtered(_ towns: [Town]) -> [Town] {
        guard !filter.isEmpty else { return towns }
        let test = filterTest()
        let key = FigureKey(.completionRate, period?.id ?? "")
        return towns.filter { test.passes($0, rate: metrics.figure($0, key)?.quantity) }
    }

    /// The positions in `dataset.towns` among `positions` whose towns pass the filter (the
    /// rates from the period's table, `periodTable`).
    func filtered(_ positions: [Int]) -> [Int] {
        guard !filter.isEmpty else { return positions }
        if let stored = storedFiltered(positions) { return stored }
        let towns = dataset.towns
        // A development type alone over every town: its towns, as `Facts.townsByType` keeps them
        // (ascending, exactly those whose type it is: what trying each town keeps).
        if let type = filter.type, filter == Self.typeAlone(type), positions.count == towns.count,
            positions.elementsEqual(towns.indices)
        {
            return facts.townsByType[type] ?? []
        }
        // The stored filter over a whole list: every town tried once per period (kept in the
        // memo, `ViewCache.behindTowns`), each position then looked up. A town's test reads only
        // that town and the period, so this keeps exactly the positions trying each would keep.
        if filter == Self.storedFilter, positions.count == towns.count, period != nil {
            let keeps = cache.behindTowns(periodIndex) {
                let facts = periodTable()
                let test = filterTest()
                return towns.indices.map { i in test.passes(towns, at: i, rate: facts[i].completionRate?.quantity) }
            }
            return positions.filter { keeps[$0] }
        }
        let facts = filter.behindSchedule ? periodTable() : []
        let test = filterTest()
        return positions.filter { i in test.passes(towns, at: i, rate: facts[i].completionRate?.quantity) }
    }
}

extension AppState {
    /// The filter of development type `type` alone (`:filter type N`).
    static func typeAlone(_ type: Int) -> TownFilter {
        var f = TownFilter()
        f.type = type
        return f
    }
}

/// A `TownFilter`'s test of a town, with what it needs worked out once per filter: the county
/// lower-cased, the towns a source flags with the problem (problems.toml), the share of the
/// shown period's year elapsed (%). Reads the town's fields in place (no copy of the town).
struct FilterTest {
    /// The filter tested.
    let filter: TownFilter
    /// `filter.county` lower-cased (compared with a town's English county, lower-cased).
    let countyLowercased: String?
    /// The ids of the towns a source flags with `filter.problem`; nil when no problem filter.
    let flagged: Set<String>?
    /// The share of the shown period's year elapsed, %; nil when there is no behind filter or
    /// no period (then no town is behind).
    let elapsedPercent: Double?
    /// Whether a town's verdict on being behind is undecided in the shown period (the behind filter
    /// keeps it, shown with `?`); nil when there is no behind filter or no period.
    let undecided: ((Town) -> Bool)?

    /// Whether the town at `i` in `towns` passes, given its completion rate in the shown period
    /// (read only for the behind-schedule filter).
    func passes(_ towns: [Town], at i: Int, rate: @autoclosure () -> Quantity?) -> Bool {
        if let county = filter.county, towns[i].countyZH != county,
            towns[i].countyEN.lowercased() != countyLowercased {
            return false
        }
        if let type = filter.type, towns[i].type != type { return false }
        if let stage = filter.stage, towns[i].list != stage { return false }
        if filter.behindSchedule {
            guard let elapsed = elapsedPercent else { return false }
            let behind = rate()?.exactValue.map { DecimalMath.double($0) < elapsed } ?? false
            if !behind, undecided?(towns[i]) != true { return false }
        }
        if let flagged, !flagged.contains(towns[i].id) { return false }
        return true
    }

    /// Whether `town` passes, given its completion rate in the shown period (read only for the
    /// behind-schedule filter).
    func passes(_ town: borrowing Town, rate: @autoclosure () -> Quantity?) -> Bool {
        if let county = filter.county, town.countyZH != county, town.countyEN.lowercased() != countyLowercased {
            return false
        }
        if let type = filter.type, town.type != type { return false }
        if let stage = filter.stage, town.list != stage { return false }
        if filter.behindSchedule {
            guard let elapsed = elapsedPercent else { return false }
            let behind = rate()?.exactValue.map { DecimalMath.double($0) < elapsed } ?? false
            if !behind, undecided?(copy town) != true { return false }
        }
        if let flagged, !flagged.contains(town.id) { return false }
        return true
    }
}

extension AppState {
    /// Notes counting the towns among `positions` that the filter leaves out only because it cannot
    /// test them, with why: the behind filter, towns passing the rest of the filter with no exact
    /// completion rate in the period shown (`另 3 镇无本期进度，不能判断`); a problem filter, towns
    /// passing the rest with no source attributing the problem to them (the paper names its
    /// problems for the towns as a group). Empty when there are none or no such filter is on.
    func untestedNotes(_ positions: [Int]) -> [CellText] {
        guard filter.behindSchedule || filter.problem != nil else { return [] }
        var rest = self
        rest.filter.behindSchedule = false
        rest.filter.problem = nil
        let towns = dataset.towns
        let test = rest.filterTest()
        let candidates = rest.filter.isEmpty ? positions : positions.filter { test.passes(towns, at: $0, rate: nil) }
        var notes: [CellText] = []
        if filter.behindSchedule {
            let table = periodTable()
            // Each row read where it is kept (`withRow`): a copy of each ~600-byte row was a sixth of `b`.
            let noRate = candidates.filter { table.withRow($0) { $0.completionRate?.quantity.exactValue == nil } }.count
            if noRate > 0 { notes.append(CellText(tr(Catalogue.untestedNoProgress(noRate)))) }
        }
        if let problem = filter.problem {
            let flagged = Set((dataset.problems?.flags ?? []).filter { $0.problemID == problem }.map(\.townID))
            let unattributed = candidates.filter { !flagged.contains(towns[$0].id) }.count
            if unattributed > 0 {
                let words = Catalogue.untestedNoAttribution(unattributed, anyAttributed: !flagged.isEmpty)
                notes.append(CellText(tr(words)))
            }
        }
        return notes
    }
}

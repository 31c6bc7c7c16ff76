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
        passes(town, rate: metrics.figure(town, FigureKey(.completionRate, period?.id ?? ""))?.quantity)
    }

    /// Whether `town` passes the filter, given its completion rate in the shown period
    /// (read only for the behind-schedule filter).
    func passes(_ town: Town, rate: @autoclosure () -> Quantity?) -> Bool {
        let f = filter
        if let county = f.county, town.countyZH != county, town.countyEN.lowercased() != county.lowercased() {
            return false
        }
        if let type = f.type, town.type != type { return false }
        if let stage = f.stage, town.list != stage { return false }
        if f.behindSchedule {
            // Behind by its verdict (the rate below the share of the year elapsed), or undecided
            // (`ScheduleReadings.isUndecided`: one reading behind, the other not, on a flagged
            // figure), which the list shows with its `?`: the filter never hides a town that may
            // be behind.
            guard let p = period else { return false }
            if let rate = rate()?.exactValue, DecimalMath.double(rate) < p.elapsedPercent {
            } else if !checker.isVerdictUndecided(town, period: p) {
                return false
            }
        }
        if let problem = f.problem {
            guard dataset.problems?.flags(of: town.id).contains(where: { $0.problemID == problem }) == true else {
                return false
            }
        }
        return true
    }

    /// `towns` with the filter applied.
    public func filtered(_ towns: [Town]) -> [Town] {
        filter.isEmpty ? towns : towns.filter(passes)
    }

    /// The positions in `dataset.towns` among `positions` whose towns pass the filter (the
    /// rates from the period's table, `periodTable`).
    func filtered(_ positions: [Int]) -> [Int] {
        guard !filter.isEmpty else { return positions }
        if let stored = storedFiltered(positions) { return stored }
        let facts = filter.behindSchedule ? periodTable() : []
        return positions.filter { i in passes(dataset.towns[i], rate: facts[i].completionRate?.quantity) }
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
        let candidates = rest.filter.isEmpty ? positions : positions.filter { rest.passes(dataset.towns[$0]) }
        var notes: [CellText] = []
        if filter.behindSchedule {
            let table = periodTable()
            let noRate = candidates.filter { table[$0].completionRate?.quantity.exactValue == nil }.count
            if noRate > 0 { notes.append(CellText(tr(Catalogue.untestedNoProgress(noRate)))) }
        }
        if let problem = filter.problem {
            let flagged = Set((dataset.problems?.flags ?? []).filter { $0.problemID == problem }.map(\.townID))
            let unattributed = candidates.filter { !flagged.contains(dataset.towns[$0].id) }.count
            if unattributed > 0 {
                let words = Catalogue.untestedNoAttribution(unattributed, anyAttributed: !flagged.isEmpty)
                notes.append(CellText(tr(words)))
            }
        }
        return notes
    }
}

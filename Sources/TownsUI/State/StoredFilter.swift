import TownsCore

extension AppState {
    /// The filter whose lists a snapshot stores per period (`DerivedTables`): behind
    /// schedule alone (`b`), the towns, sums, measured rows and progress of its towns table.
    static let storedFilter: TownFilter = {
        var f = TownFilter()
        f.behindSchedule = true
        return f
    }()

    /// The name under which a snapshot stores a part of the towns table of the towns behind
    /// schedule in the period shown ("" the towns, "extremes" the rows measured for widths);
    /// nil unless the filter is `storedFilter`.
    func storedFilterName(_ part: String = "") -> String? {
        guard filter == Self.storedFilter, let period else { return nil }
        return "behind\(part.isEmpty ? "" : ".")\(part).\(period.id)"
    }

    /// The towns of every town the filter keeps (`filtered`), as the snapshot the dataset was
    /// read from stores them (`storedFilterName`), or nil (then each town is tried).
    func storedFiltered(_ positions: [Int]) -> [Int]? {
        guard positions.count == dataset.townCount, let name = storedFilterName() else { return nil }
        return storedPositions(name)
    }

    /// The stored row set `name` (ascending positions in `dataset.towns`), when the snapshot the
    /// dataset was read from holds it and every position in it is a town's; nil otherwise.
    func storedPositions(_ name: String) -> [Int]? {
        guard let stored = facts.derived?.rowSet(name), (stored.last ?? -1) < dataset.townCount else { return nil }
        return stored
    }

    /// The towns table's sums, measured rows and progress of the towns at `positions` as the
    /// snapshot stores them, when they are the towns the filter keeps of every town
    /// (`storedFilter`); nil otherwise.
    func storedFilteredTable(_ positions: [Int]) -> (sums: TownSums, extremes: [Int], progress: GroupProgress)? {
        guard let derived = facts.derived, let name = storedFilterName(), let towns = derived.rowSet(name),
            towns == positions, let sums = derived.tallies(name).flatMap(TownSums.init(stored:)),
            let extremes = storedFilterName("extremes").flatMap(derived.rowSet),
            (extremes.last ?? -1) < positions.count, let progress = derived.group(name)
        else { return nil }
        return (sums, extremes, progress)
    }

    /// The name under which a snapshot stores a part of the towns table of the towns of
    /// development type `type` in the period shown ("sums" its sums of known figures,
    /// "extremes" the rows measured for widths); nil without a period.
    func storedTypeName(_ type: Int, _ part: String) -> String? {
        period.map { "types.\(type).\(part).\($0.id)" }
    }

    /// The towns table's sums and measured rows of the towns at `positions` as the snapshot
    /// stores them (`storedTypeTables`), when they are exactly the towns of one development
    /// type (`Facts.townsByType`: the list of a type, Enter on the types view, or every town
    /// with `:filter type N`); nil otherwise (then both are worked out). Both depend only on
    /// the towns and the period's table, so the filter and language do not matter.
    func storedTypeTable(_ positions: [Int]) -> (sums: TownSums, extremes: [Int])? {
        let towns = dataset.towns
        guard let derived = facts.derived, let first = positions.first, first < towns.count else { return nil }
        // Ascending towns all of one type, read in place, before the index of types is asked for
        // (a narrowed list, `&`, holds towns of every type: no index made for it).
        let type = towns[first].type
        var last = -1
        for position in positions {
            guard position > last, position < towns.count, towns[position].type == type else { return nil }
            last = position
        }
        guard facts.townsByType[type] == positions, let sumsName = storedTypeName(type, "sums"),
            let sums = derived.tallies(sumsName).flatMap(TownSums.init(stored:)),
            let extremes = storedTypeName(type, "extremes").flatMap(derived.rowSet),
            (extremes.last ?? -1) < positions.count
        else { return nil }
        return (sums, extremes)
    }

    /// What a snapshot stores of each development type's towns table in the period shown (its
    /// sums and measured rows, `storedTypeName`), worked out as the dashboard works them out
    /// (`TownSums`, `extremeRows`) from `table` (the period's).
    func storedTypeTables(_ table: PeriodTable) -> (rowSets: [String: [Int]], tallies: [String: [Metrics.Tally]]) {
        var rowSets: [String: [Int]] = [:], tallies: [String: [Metrics.Tally]] = [:]
        for (type, positions) in facts.townsByType {
            guard let sums = storedTypeName(type, "sums"), let extremes = storedTypeName(type, "extremes") else {
                continue
            }
            tallies[sums] = TownSums(table, positions: positions).stored
            rowSets[extremes] = AppState.extremeRows(table, positions: positions)
        }
        return (rowSets, tallies)
    }

    /// What a snapshot stores for the filter `storedFilter` in the period shown (a state
    /// with no filter on): its towns, its table's measured rows and sums, and their progress,
    /// worked out as the dashboard works them out (`filtered`, `extremeRows`, `TownSums`,
    /// `groupProgress`).
    func storedFilterTables() -> (rowSets: [String: [Int]], tallies: [String: [Metrics.Tally]],
                                  groups: [String: GroupProgress]) {
        var s = self
        s.filter = Self.storedFilter
        guard let name = s.storedFilterName(), let extremes = s.storedFilterName("extremes") else {
            return ([:], [:], [:])
        }
        let table = s.periodTable()
        let towns = s.filtered(Array(dataset.townIndices))
        return ([name: towns, extremes: AppState.extremeRows(table, positions: towns)],
                [name: TownSums(table, positions: towns).stored], [name: s.groupProgress(towns)])
    }
}

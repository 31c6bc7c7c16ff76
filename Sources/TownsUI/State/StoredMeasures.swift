import TownsCore

extension AppState {
    /// The name under which a snapshot stores the measure of the width sample of the towns
    /// table of the towns at `positions` (`DerivedKeys.Source.measures`), per language and
    /// period: every town's table (no filter), or the towns behind schedule's (`storedFilter`);
    /// nil for another list, or one shown for a meeting or for print (not stored).
    func townsSampleName(_ positions: [Int]) -> String? {
        guard positions.count == dataset.townCount || filter == Self.storedFilter, !session.presentation,
            !printed, let period
        else { return nil }
        if filter.isEmpty { return "towns.sample.\(language.rawValue).\(period.id)" }
        // The towns the filter keeps of every town (as stored, else worked out: when writing).
        guard filtered(Array(dataset.townIndices)) == positions else { return nil }
        return "behind.sample.\(language.rawValue).\(period.id)"
    }

    /// The measure of the width sample of the towns table of `positions` as the snapshot stores
    /// it (`townsSampleName`), or nil (then the sampled rows are made and measured).
    func storedTownsSample(_ positions: [Int], columns: Int) -> (rows: Int, columns: [TableLayout.Measure])? {
        guard let keys = facts.derived?.keys, let name = townsSampleName(positions),
            let numbers = keys.measure(name), numbers.count == 3 * columns
        else { return nil }
        let measures = (0..<columns).map {
            TableLayout.Measure(natural: numbers[3 * $0], head: numbers[3 * $0 + 1], tail: numbers[3 * $0 + 2])
        }
        return (positions.count, measures)
    }

    /// The name under which a snapshot stores the natural widths of the extreme rows
    /// (`extremeRows`) of the towns table of the towns at `positions`, per language and period:
    /// `townsSampleName`'s lists (every town's, the towns behind schedule's), nil for another.
    func townsExtremesName(_ positions: [Int]) -> String? {
        guard let sample = townsSampleName(positions) else { return nil }
        return sample.replacingOccurrences(of: ".sample.", with: ".extreme-widths.")
    }

    /// The natural widths (in cells, one per column, titles included) of the extreme rows of the
    /// towns table of `positions` (`AppState.extremeRows`), as the snapshot stores them
    /// (`townsExtremesName`, written by `townsSampleMeasures` from the rows made and measured),
    /// or nil (not stored, or stored for another number of columns: then the rows are made and
    /// measured). At 10,000 x 60 making those rows (their bars, 进度差 and Δ columns) to measure
    /// them was a fifth of the towns view's first visit (wave 33).
    func storedTownsExtremes(_ positions: [Int], columns: Int) -> [Int]? {
        guard let keys = facts.derived?.keys, let name = townsExtremesName(positions),
            let widths = keys.measure(name), widths.count == columns
        else { return nil }
        return widths
    }

    /// The natural widths of the extreme rows (`extremeRows` of `periodTable`) of `content`, the
    /// towns table of the towns at `positions`: those rows made and measured with the titles, as
    /// `townsTable` measures them when nothing is stored (one width per column).
    func workedOutTownsExtremes(_ positions: [Int], content: ListContent) -> [Int] {
        let extremes = Self.extremeRows(periodTable(), positions: positions)
        return TableLayout.naturalWidths(columns: content.columns,
                                         rows: [extremes.map { content.rows.unsortedRow($0) }])
    }

    /// What a snapshot stores of the towns table's width samples in the period shown
    /// (`townsSampleName`), in every language, without and with `storedFilter`: the sampled
    /// rows (`ViewCache.samplePositions`) made and measured as the table measures them.
    func townsSampleMeasures() -> [String: [Int]] {
        var measures: [String: [Int]] = [:]
        for language in Language.allCases {
            for filter in [TownFilter(), Self.storedFilter] {
                var s = self
                s.language = language
                s.filter = filter
                guard let positions = s.listedTowns(.townList), let name = s.townsSampleName(positions),
                    let content = s.listContent(.townList)
                else { continue }
                let rows = ViewCache.samplePositions(content.rows.count).map { content.rows.unsortedRow($0) }
                measures[name] = TableLayout.measure(rows, columns: content.columns)
                    .flatMap { [$0.natural, $0.head, $0.tail] }
                // The extreme rows' widths, as the table worked them out (`storedTownsExtremes`).
                if let extremes = s.townsExtremesName(positions), content.rows.count > ViewCache.widthSample {
                    measures[extremes] = s.workedOutTownsExtremes(positions, content: content)
                }
            }
        }
        return measures
    }
}

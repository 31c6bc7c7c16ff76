import TownsCore

extension AppState {
    /// The name under which a snapshot stores the measure of the width sample of the towns
    /// table of the towns at `positions` (`DerivedKeys.Source.measures`), per language and
    /// period: every town's table (no filter), or the towns behind schedule's (`storedFilter`);
    /// nil for another list, or one shown for a meeting or for print (not stored).
    func townsSampleName(_ positions: [Int]) -> String? {
        guard positions.count == dataset.towns.count || filter == Self.storedFilter, !session.presentation,
            !printed, let period
        else { return nil }
        if filter.isEmpty { return "towns.sample.\(language.rawValue).\(period.id)" }
        // The towns the filter keeps of every town (as stored, else worked out: when writing).
        guard filtered(Array(dataset.towns.indices)) == positions else { return nil }
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
            }
        }
        return measures
    }
}

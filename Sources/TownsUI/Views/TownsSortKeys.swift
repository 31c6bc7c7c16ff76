import Foundation
import TownsCore

extension AppState {
    /// How the towns table of the towns at `positions` (in `dataset.towns`) sorts by a column
    /// without making a row: (the row's position in the unsorted list, column) -> the key its
    /// cell gives, from the period's table `table` (`periodTable`) and `deltas`. The same
    /// function gives the ranks a snapshot stores (`townsSortRanks`).
    func townsSortKey(_ positions: [Int], table: PeriodTable, deltas: DeltaColumns)
        -> @Sendable (_ row: Int, _ column: Int) -> SortKey?
    {
        let rowState = rowContext
        let index = searchIndex
        // The types alone (`Dataset.townTypes`): no town copied, nor a snapshot's decoded, for them.
        let types = dataset.townTypes
        return { row, column in
            let position = positions[row]
            if column == 2 { return .number(Double(types[position])) }
            // The town, or its row of the period's table, copied out only for the columns that
            // read it (a town is a retain per text it holds; the snapshot's write asks every
            // figure column of every town).
            if column <= 2 || column >= 10 {
                let town = rowState.dataset.town(at: position)
                switch column {
                case 0: return SortKey.of(.plain(rowState.name(town)), index: index)
                case 1: return SortKey.of(.plain(rowState.county(town)), index: index)
                case 10, 11, 12: return deltas.sortKey(town, column: column - 10, at: position)
                default: return nil
                }
            }
            let f = table[position]
            switch column {
            case 3: return SortKey.of(f.planYear)
            case 4: return SortKey.of(f.completed)
            case 5: return SortKey.of(f.completionRate)
            case 6:
                return f.completionRate?.quantity.exactValue.map { .number(DecimalMath.double($0) / 100) } ?? .unknown
            case 7:
                return rowState.varianceShown(f.completionRate).map { .number(DecimalMath.double($0.value)) } ?? .unknown
            case 8: return SortKey.of(f.projectsStarted)
            case 9: return SortKey.of(f.startRate)
            default: return nil
            }
        }
    }

    /// The name under which a snapshot stores the sort ranks of the towns table's column
    /// `column` as this state shows it (`DerivedTables.sortRanks`): the names' and counties'
    /// per language, the figures' per period; nil for a column not stored (the type, a number).
    func townsRankName(_ column: Int) -> String? {
        // In step with `townsRankColumns`.
        switch column {
        case 0, 1: return "towns.\(column).\(language.rawValue)"
        case 3...12: return period.map { "towns.\(column).\($0.id)" }
        default: return nil
        }
    }

    /// The towns table's sort keys of a column for the towns at `positions`, from the ranks
    /// stored in the snapshot the dataset was read from (`townsRankName`), or nil (then
    /// `townsSortKey` works each out). A rank sorts as the key it was made from; a rank 0 is
    /// new (`✦`) where the column's `.new` list (`townsSortRanks`) says so, else unknown.
    func storedTownsSortKeys(_ positions: [Int], columns: Int) -> (@Sendable (_ column: Int) -> [SortKey]?)? {
        guard let derived = facts.derived else { return nil }
        let names = (0..<columns).map(townsRankName)
        return { column in
            guard column < names.count, let name = names[column], let ranks = derived.sortRanks(name) else {
                return nil
            }
            let new = derived.sortRanks(name + AppState.newRanksSuffix)
            return positions.map {
                ranks[$0] != 0 ? .number(Double(ranks[$0])) : new?[$0] == 1 ? .new : .unknown
            }
        }
    }

    /// The suffix of the name under which a snapshot stores which towns' keys of a column are
    /// new (`SortKey.new`: 1, else 0), beside the column's ranks, where any is.
    static let newRanksSuffix = ".new"

    /// The columns whose ranks are stored: per language (names, counties), per period (figures).
    static let townsRankColumns = (perLanguage: [0, 1], perPeriod: Array(3...12))

    /// The sort ranks a snapshot stores for the towns table of every town in the period and
    /// language shown (`DerivedTables.Source.sortRanks`), by `townsRankName`, of the columns
    /// `columns` (`townsRankColumns`). Worked out by `townsSortKey`.
    func townsSortRanks(_ columns: [Int]) -> [String: [Int]] {
        let every = Array(dataset.townIndices)
        let key = townsSortKey(every, table: periodTable(), deltas: DeltaColumns(self, placesMarked: false))
        var ranks: [String: [Int]] = [:]
        for column in columns {
            guard let name = townsRankName(column) else { continue }
            let keys = every.map { key($0, column) ?? .unknown }
            ranks[name] = TableSort.denseRanks(keys)
            let new = keys.map { if case .new = $0 { return 1 } else { return 0 } }
            if new.contains(1) { ranks[name + AppState.newRanksSuffix] = new }
        }
        return ranks
    }
}

extension TableSort {
    /// Each key's dense rank among `keys` in the ascending order `order(keys:)` gives: 1 for
    /// the first, equal keys one rank, 0 for a new (`✦`) or unknown key. Sorting by the ranks as
    /// numbers (0: new or unknown, as the keys were) gives the order the keys give, both ways, ties by position.
    static func denseRanks(_ keys: [SortKey]) -> [Int] {
        var ranks = Array(repeating: 0, count: keys.count)
        var rank = 0
        var last: SortKey?
        for i in order(keys: keys, descending: false) {
            let key = keys[i]
            switch (last, key) {
            case (_, .unknown): return ranks
            case (_, .new): continue  // 0, as unknown; `townsSortRanks` stores which are new
            case let (.number(a)?, .number(b)) where a == b: break
            case let (.text(a)?, .text(b)) where a == b: break
            default: rank += 1
            }
            ranks[i] = rank
            last = key
        }
        return ranks
    }
}

import Foundation
import TownsCore

/// The towns table's sums of known figures over some towns of a period (`TownPeriod`s):
/// the year's plans, the completed amounts, the started and planned projects, and the
/// interpretations of ambiguous words left out of them (counted apart). Worked out here, or
/// read from the snapshot for every town of a period (`DerivedTables.sums`), worked out
/// when it was written by this same code.
struct TownSums: Equatable {
    var plan = Metrics.Tally(), done = Metrics.Tally(), started = Metrics.Tally(), planned = Metrics.Tally()
    var leftOut = Metrics.Tally()

    /// The sums over the towns at `positions` of `table` (a period's, by position in the dataset).
    init(_ table: [TownPeriod], positions: [Int]) {
        func add(_ figure: ShownFigure?, to tally: inout Metrics.Tally) {
            if figure?.isInterpreted == true {
                leftOut.add(figure)
                tally.add(nil as ShownFigure?)
            } else {
                tally.add(figure)
            }
        }
        for i in positions {
            add(table[i].planYear, to: &plan)
            add(table[i].completed, to: &done)
            add(table[i].projectsStarted, to: &started)
            add(table[i].projectsPlanned, to: &planned)
        }
    }

    /// The five tallies as a snapshot stores them (in the order above).
    var stored: [Metrics.Tally] { [plan, done, started, planned, leftOut] }

    init?(stored: [Metrics.Tally]) {
        guard stored.count == 5 else { return nil }
        (plan, done, started, planned, leftOut) = (stored[0], stored[1], stored[2], stored[3], stored[4])
    }
}

extension AppState {
    /// Rows (positions in `positions`' order, ascending) whose figures a width is measured on
    /// besides the sampled ones: a figure column's widest cell is, nearly always, that of its
    /// largest or smallest value, so that sorting by a column (which brings them on screen)
    /// does not widen it and push others out.
    static func extremeRows(_ table: [TownPeriod], positions: [Int]) -> [Int] {
        var extremes = Set<Int>()
        for pick in [
            { (f: TownPeriod) in f.planYear }, { $0.completed }, { $0.completionRate }, { $0.projectsStarted },
            { $0.startRate },
        ] {
            var low: (value: Decimal, row: Int)?, high: (value: Decimal, row: Int)?
            for (row, position) in positions.enumerated() {
                guard let q = pick(table[position])?.quantity else { continue }
                let v: Decimal
                switch q {
                case let .exact(x, _): v = x
                case let .moreThan(b): v = b
                }
                if low == nil || v < low!.value { low = (v, row) }
                if high == nil || v > high!.value { high = (v, row) }
            }
            for found in [low, high] { if let found { extremes.insert(found.row) } }
        }
        return extremes.sorted()
    }
}

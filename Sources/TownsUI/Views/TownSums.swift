import Foundation
import TownsCore

/// The towns table's sums of known figures over some towns of a period (`TownPeriod`s), each
/// pair over the SAME towns, so that a reader may set one against the other (finding 1 of
/// wave 8: at 1,500 towns the plan was summed over 904 towns and the completed amount over
/// 1,059, which read as more than 100% done): the year's plans and the completed amounts over
/// the towns with both (`GroupProgress`'s rule: exact, not interpretations, comparable by
/// `Metrics.comparable`), the started and planned projects over the towns with both (exact,
/// not interpretations); what is left out of the first pair (plans and completed amounts of
/// towns without the other, counted apart for a note); and the interpretations of ambiguous
/// words left out of every sum (counted apart). Worked out here, or read from the snapshot
/// for every town of a period (`DerivedTables.sums`), worked out when it was written by this
/// same code.
struct TownSums: Equatable {
    /// The year's plans and the completed amounts (亿元) of the towns with both.
    var plan = Metrics.Tally(), done = Metrics.Tally()
    /// Projects started and planned (counts) of the towns with both.
    var started = Metrics.Tally(), planned = Metrics.Tally()
    /// Interpretations (`†`) of any of the four, in no sum.
    var leftOut = Metrics.Tally()
    /// Plans, and completed amounts, of towns left out of the first pair (the other figure
    /// unknown, a lower bound, or not comparable); interpretations are in `leftOut` instead.
    var planAlone = Metrics.Tally(), doneAlone = Metrics.Tally()
    /// The hull of the first pair's towns' own rates (`GroupProgress.memberRates`, %).
    var rates: Interval?

    /// The sums over the towns at `positions` of `table` (a period's, by position in the dataset).
    init(_ table: PeriodTable, positions: [Int]) {
        func parts(_ s: ShownFigure?) -> (quantity: Quantity, derived: Bool, interval: Interval?, interpreted: Bool)? {
            s.map { ($0.quantity, $0.isDerived, $0.interval, $0.isInterpreted) }
        }
        var both = GroupProgress()
        // Each row read where the table keeps it (`withRow`), not copied out.
        for i in positions { table.withRow(i) { f in
            for figure in [f.planYear, f.completed, f.projectsStarted, f.projectsPlanned]
            where figure?.isInterpreted == true {
                leftOut.add(figure)
            }
            let covered = both.covered
            both.add(plan: parts(f.planYear), completed: parts(f.completed),
                     rate: GroupProgress.rateBound(f.completionRate), comparable: f.completedComparesWithPlan,
                     variance: nil)
            if both.covered == covered {
                if let p = f.planYear, !p.isInterpreted { planAlone.add(p) }
                if let d = f.completed, !d.isInterpreted { doneAlone.add(d) }
            }
            if let s = f.projectsStarted, let p = f.projectsPlanned, !s.isInterpreted, !p.isInterpreted,
                s.quantity.exactValue != nil, p.quantity.exactValue != nil {
                started.add(s)
                planned.add(p)
            }
        } }
        (plan, done, rates) = (both.plan, both.completed, both.memberRates)
    }

    /// The plan and completed pair as a group's progress of `members` towns (its rate and bar).
    func progress(members: Int) -> GroupProgress {
        var g = GroupProgress()
        (g.members, g.plan, g.completed, g.memberRates) = (members, plan, done, rates)
        return g
    }

    /// The tallies as a snapshot stores them (in the order above), then `rates` as an eighth
    /// tally (a snapshot's sums are a list of tallies): one figure whose own interval is the
    /// hull, so the tally's `interval` gives it back; no figure for none.
    var stored: [Metrics.Tally] {
        var hull = Metrics.Tally()
        if let rates { hull.add(.exact(rates.lower, decimals: 0), derived: true, interval: rates) }
        return [plan, done, started, planned, leftOut, planAlone, doneAlone, hull]
    }

    init?(stored: [Metrics.Tally]) {
        guard stored.count == 8 else { return nil }
        (plan, done, started, planned, leftOut) = (stored[0], stored[1], stored[2], stored[3], stored[4])
        (planAlone, doneAlone) = (stored[5], stored[6])
        rates = stored[7].interval
    }
}

extension AppState {
    /// Rows (positions in `positions`' order, ascending) whose figures a width is measured on
    /// besides the sampled ones: a figure column's widest cell is, nearly always, that of its
    /// largest or smallest value, so that sorting by a column (which brings them on screen)
    /// does not widen it and push others out.
    static func extremeRows(_ table: PeriodTable, positions: [Int]) -> [Int] {
        // One pass, each town's row read once for the five columns (a pass per column copied
        // each row five times: a third of `:filter type 2` at 10,000 x 60).
        var low = [(value: Decimal, row: Int)?](repeating: nil, count: 5), high = low
        func consider(_ k: Int, _ figure: ShownFigure?, _ row: Int) {
            guard let q = figure?.quantity else { return }
            let v: Decimal
            switch q {
            case let .exact(x, _): v = x
            case let .moreThan(b): v = b
            }
            // `DecimalMath.less`: Foundation's `<`, in integers where the figures allow.
            if low[k] == nil || DecimalMath.less(v, low[k]!.value) { low[k] = (v, row) }
            if high[k] == nil || DecimalMath.less(high[k]!.value, v) { high[k] = (v, row) }
        }
        for (row, position) in positions.enumerated() { table.withRow(position) { f in
            consider(0, f.planYear, row)
            consider(1, f.completed, row)
            consider(2, f.completionRate, row)
            consider(3, f.projectsStarted, row)
            consider(4, f.startRate, row)
        } }
        var extremes = Set<Int>()
        for found in low + high { if let found { extremes.insert(found.row) } }
        return extremes.sorted()
    }
}

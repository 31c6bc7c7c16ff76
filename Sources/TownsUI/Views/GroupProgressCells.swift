import Foundation
import TownsCore

/// A group's progress (`GroupProgress`) as cells: the types view, a type's list of towns and
/// the overview's types panel all show it so, from the one computation in the core.
struct GroupProgressCells {
    /// Plan and completed over the covered towns ("≈18.6", "13.56"; `—` when none is covered).
    var plan: TableCell
    var done: TableCell
    /// completed / plan over the same towns, always derived ("≈72.9%").
    var rate: TableCell
    /// A bar of the rate, with the expected-by-now mark.
    var bar: TableCell
    /// "1/2": towns in both sums / towns in the group.
    var covered: TableCell
    /// Towns behind schedule ("1▼"); "0" when none of those with a rate is; `—` when no town has one.
    var behind: TableCell
    /// The same count as text, for a line of figures: "1▼", "0", or `—` when no town has a rate.
    var behindText: CellText
    /// The same as one line: "13.56 / ≈18.6 ≈72.9%".
    var summary: CellText
}

extension AppState {
    /// The progress of the towns at `positions` (in `dataset.towns`) in the shown period, from
    /// the period's table (`periodTable`): no formula is written, 10,000 towns are summed
    /// without making a figure.
    func groupProgress(_ positions: [Int]) -> GroupProgress {
        var g = GroupProgress()
        let table = periodTable()
        func parts(_ s: ShownFigure?) -> (quantity: Quantity, derived: Bool, interval: Interval?, interpreted: Bool)? {
            s.map { ($0.quantity, $0.isDerived, $0.interval, $0.isInterpreted) }
        }
        for i in positions { table.withRow(i) { f in
            let variance = period.flatMap {
                metrics.scheduleVarianceValue(rate: f.completionRate?.quantity, period: $0)
            }
            g.add(
                plan: parts(f.planYear), completed: parts(f.completed), rate: GroupProgress.rateBound(f.completionRate),
                comparable: f.completedComparesWithPlan, variance: variance)
        } }
        return g
    }

    /// The name under which a snapshot stores the progress of every town of type `type` in
    /// the period shown (`DerivedTables.groups`); nil without a period.
    func typeGroupName(_ type: Int) -> String? { period.map { "types.\(type).\($0.id)" } }

    /// The progress of the towns of type `type` the filter keeps (`positions`, as
    /// `typesKept` gives them) in the period shown: with no filter, as stored in the snapshot
    /// the dataset was read from (`typeGroupName`), else worked out (`groupProgress`).
    func typeProgress(_ type: Int, positions: [Int]) -> GroupProgress {
        if filter.isEmpty, let name = typeGroupName(type), let stored = facts.derived?.group(name),
            stored.members == positions.count
        {
            return stored
        }
        return groupProgress(positions)
    }

    /// Whether the sums of plan and completed over the towns at `positions` (each town's figure
    /// counted where it has both, `GroupProgress`) include one a check casts doubt on or one worked
    /// out from such (`Checker.isFlagged`): only towns with an inconsistency among `findings` are asked.
    func sumFlags(_ positions: [Int]) -> SumFlags {
        guard let period else { return SumFlags() }
        let planKey = FigureKey(.planYear, String(period.year)), doneKey = FigureKey(.completed, period.id)
        // A check on sums failing on the city's total (the known towns' plans summing past it):
        // the sum over every town carries `!` (the finding is on the city's totals page, where
        // Enter on a sum row leads, and in the checks line). Only that sum: the check compares
        // the city's total with the sum of every town's known figure, never with a type's or a
        // filter's subtotal, which it says nothing about (wave 43: type 3's subtotal, Nanhu's
        // 3.52 alone, read `3.52!` beside Nanhu's own plain 3.52; README: one marking a figure).
        var flags = SumFlags()
        let sumChecked = sumCheckedKeys()
        if !sumChecked.isEmpty, !positions.isEmpty, coversEveryTown(positions) {
            // The year's plans as of the period shown (`Checker.sumCheckFails(_:asOf:)`): a later
            // month's plans never put `!` on an earlier period's sums.
            flags.plan = sumChecked.contains(planKey) && facts.sumCheckFails(planKey, asOf: period)
            flags.done = sumChecked.contains(doneKey)
        }
        flags.later = laterPlanInSums(positions)
        // Each town an inconsistency is about, its part in the flags: worked out once per period
        // (`suspectFlags`) for every list whose sums include it.
        let parts = suspectFlags()
        guard !parts.isEmpty else { return flags }
        func add(_ part: SumFlags) {
            flags.plan = flags.plan || part.plan
            flags.done = flags.done || part.done
            flags.undecided += part.undecided
            flags.undecidedBehindByRate += part.undecidedBehindByRate
        }
        if positions.count == dataset.townCount {
            // Every town (the positions are distinct): each part counted once, whatever the order.
            for part in parts.values { add(part) }
        } else if parts.count < positions.count, zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }) {
            // Distinct ascending towns (a type's, a filter's): each part looked for among them
            // (a search a part), not each town among the parts (a hash a town: 2,500 a type).
            for (i, part) in parts {
                var low = 0, high = positions.count
                while low < high {
                    let mid = (low + high) / 2
                    if positions[mid] < i { low = mid + 1 } else { high = mid }
                }
                if low < positions.count, positions[low] == i { add(part) }
            }
        } else {
            for i in positions { if let part = parts[i] { add(part) } }
        }
        return flags
    }

    /// Whether `positions` are every town of the dataset (each once): the sum over them is the
    /// one a check on sums sets against the city's total (`Checker.sumChecks`).
    func coversEveryTown(_ positions: [Int]) -> Bool {
        guard positions.count == dataset.townCount else { return false }
        if zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }) { return true }
        return Set(positions).count == positions.count
    }

    /// Whether the plan sum over the towns at `positions` includes a town's plan first derivable
    /// from a later period than the one shown (`laterPlanTowns`, stored per period: a town with a
    /// completed figure and no rate of the period, so in the sums where its plan and completed
    /// figure are both exact and comparable, as `GroupProgress.add` counts them). The sum and its
    /// rate are then marked `?`, as that town's plan is in the list (wave 26). Usually no such town.
    func laterPlanInSums(_ positions: [Int]) -> Bool {
        guard let period else { return false }
        let later = laterPlanTowns()
        guard !later.isEmpty, !positions.isEmpty else { return false }
        let members: Set<Int>? = positions.count == dataset.townCount ? nil : Set(positions)
        let m = metrics.withoutFormulas
        for i in later where dataset.townIndices.contains(i) && (members?.contains(i) ?? true) {
            let town = dataset.town(at: i)
            guard let plan = m.yearPlan(town, asOf: period), let done = m.figure(town, FigureKey(.completed, period.id))
            else { continue }
            if m.comparable(done, plan), !plan.isInterpreted, !done.isInterpreted,
               plan.quantity.exactValue != nil, done.quantity.exactValue != nil { return true }
        }
        return false
    }

    /// Per town an inconsistency is about (`suspectTowns`; by position in `dataset.towns`), its
    /// part in the plan and completed sums' `!` and in the undecided count of any group holding it,
    /// in the period shown: worked out once per period and kept (`ViewCache.suspectFlags`).
    /// Stored in the snapshot per period (`storedSuspectFlags`: read, no town's checks asked),
    /// else worked out (`workedOutSuspectFlags`).
    func suspectFlags() -> [Int: SumFlags] {
        guard period != nil else { return [:] }
        return cache.suspectFlags(periodIndex) { storedSuspectFlags() ?? workedOutSuspectFlags() }
    }

    /// `suspectFlags` worked out: the towns an inconsistency is about and the later-plan towns,
    /// each asked its checks (what a snapshot stores, `sumPartsRowSets`).
    func workedOutSuspectFlags() -> [Int: SumFlags] {
        guard let period else { return [:] }
        let planKey = FigureKey(.planYear, String(period.year)), doneKey = FigureKey(.completed, period.id)
        // The towns an inconsistency is about, as the snapshot stores them (`suspectTowns`): no
        // check run over every town for them.
        // With them the towns whose verdict rests on a plan first derivable from a later period
        // (undecided, `laterPlanTowns`: stored per period).
        // A later-plan town no inconsistency names has no `!` (`Checker.suspects`) and its `?`
        // parts are stored (`storedLaterPlanReadings`): asked of the snapshot, not worked out.
        let later = laterPlanTowns()
        let named = suspectTowns()
        let stored = later.isEmpty ? nil : storedLaterPlanReadings()
        var suspect = later.isEmpty ? named
            : stored != nil ? named : Array(Set(named).union(later)).sorted()
        // With them the towns whose rate's rounding holds the share of the year elapsed
        // (`ScheduleReadings.withinRounding`, wave 31): undecided, `?`, as the overview's `?N`,
        // the list and `b` count them; left out here, a type's `behind N▼ ?M` counted them behind
        // or on schedule by the rate's printed point (generated 2016-12: the overview's `989 behind
        // ?6` beside the four types' 991 behind and ?1). Those are among the period's undecided
        // towns (`undecidedTowns`, worked out once per period and read by the overview's `?N` and
        // `b`'s count too; a snapshot stores the parts, `sumPartsRowSets`): each asked its readings
        // below, as before (a town not undecided adds no part).
        let rounding = undecidedTowns()
        if !rounding.isEmpty { suspect = Array(Set(suspect).union(rounding)).sorted() }
        var parts: [Int: SumFlags] = [:]
        if let stored {
            let namedSet = Set(named)
            for i in later where !namedSet.contains(i) && stored.undecided.contains(i) {
                var part = SumFlags()
                part.undecided = 1
                if stored.behindByRate.contains(i) { part.undecidedBehindByRate = 1 }
                parts[i] = part
            }
        }
        guard !suspect.isEmpty else { return parts }
        // Whether the town's plan and completed figure are in the sums (`GroupProgress.add`: both
        // exact, neither an interpretation, comparable): only then may a check on them put `!` on
        // the sums (F10: Tongxiang's disagreeing plans flagged a sum of Nanhu alone, its ◇>14 of
        // another basis left out). Read from the period's table when it is made, else from the
        // town's two figures alone, as the table works them out (`Metrics.periodFigures`; the
        // overview's first frame makes no table of every town for the few towns asked here).
        let table = cache.madePeriodFigures(periodIndex)
        let m = metrics.withoutFormulas
        func hasBoth(_ i: Int) -> Bool {
            if let table {
                return table.withRow(i) { row in
                    guard let plan = row.planYear, let done = row.completed else { return false }
                    return row.completedComparesWithPlan && !plan.isInterpreted && !done.isInterpreted
                        && plan.quantity.exactValue != nil && done.quantity.exactValue != nil
                }
            }
            let town = dataset.town(at: i)
            guard let plan = m.yearPlan(town, asOf: period), let done = m.figure(town, doneKey) else { return false }
            return m.comparable(done, plan) && !plan.isInterpreted && !done.isInterpreted
                && plan.quantity.exactValue != nil && done.quantity.exactValue != nil
        }
        parts.reserveCapacity(parts.count + suspect.count)
        for i in suspect where dataset.townIndices.contains(i) {
            let town = dataset.town(at: i)
            var part = SumFlags()
            // The town's plan agreement of the year worked out once for the three questions below.
            let checker = self.checker.remembering(town, years: [period.year])
            let readings = checker.scheduleReadings(town, period: period)
            if readings.isUndecided {
                part.undecided = 1
                if (readings.byRate ?? 0) < 0 { part.undecidedBehindByRate = 1 }
            }
            if hasBoth(i) {
                part.plan = checker.isFlagged(planKey, town: town, asOf: period)
                part.done = checker.isFlagged(doneKey, town: town)
            }
            parts[i] = part
        }
        return parts
    }

    /// `g` as cells.
    /// `flagged`: whether the plan and completed sums include a figure a check casts doubt on, or
    /// one worked out from such (`sumFlags`): the sum, and the rate of the sums, then carry `!`.
    func groupCells(_ g: GroupProgress, flagged: SumFlags = SumFlags()) -> GroupProgressCells {
        // A plan sum holding a town's plan from a later period (`SumFlags.later`): `?` after it.
        func sum(_ t: Metrics.Tally, _ flag: Bool = false, later: Bool = false) -> CellText {
            guard t.known > 0 else { return "\(Mark.unknown)" }
            let sum = CellText(DecimalMath.text(t.sum, scale: t.supportedDecimals))
                + (later ? CellText(.laterPlan) : "") + (flag ? "!" : "")
            return "\(t.derived > 0 ? Mark.derived : nil)" + sum
        }
        func cell(_ t: Metrics.Tally, _ flag: Bool, later: Bool = false) -> TableCell {
            .text(sum(t, flag, later: later), t.known == 0 ? .unknown : flag || later ? .warning : t.derived > 0 ? .derived : nil)
        }
        var rateFigure: ShownFigure?
        if g.rate != nil, let printed = g.printedRate(atMost: 1) {
            // One decimal, as the towns' own rates are printed (72.9%), or fewer where the inputs support
            // fewer: the rate is printed beside its inputs as rounded (`GroupProgress.printedRate`), so a
            // reader's division of those agrees with it (11.30 / ≈47 is ≈24%, not the exact sums' ≈23.9%).
            rateFigure = ShownFigure(quantity: .exact(printed.value, decimals: printed.decimals), isDerived: true)
            rateFigure?.interval = printed.interval
        }
        let rate = markedLater(FigureText().percent(rateFigure, flagged: flagged.plan || flagged.done),
                               when: flagged.later)
        var summary: CellText = g.covered == 0
            ? "\(Mark.unknown)" : sum(g.completed, flagged.done) + " / " + sum(g.plan, flagged.plan, later: flagged.later)
        if case let .text(t, _) = rate, g.covered > 0 { summary += " " + t }
        // Undecided towns (`ScheduleReadings`) are not counted behind: `?N` beside the count.
        let behind = g.behind - flagged.undecidedBehindByRate
        let undecided: CellText = flagged.undecided > 0 ? CellText(" \(Mark.undetermined)\(flagged.undecided)") : ""
        return GroupProgressCells(
            plan: cell(g.plan, flagged.plan, later: flagged.later), done: cell(g.completed, flagged.done), rate: rate, bar: groupBar(rateFigure),
            covered: .text(CellText("\(g.covered)/\(g.members)"), g.covered < g.members ? .legend : nil),
            behind: behind > 0
                ? .text("\(behind)\(Mark.behind)" + undecided, .behind)
                : g.withRate == 0
                    ? .mark(.unknown, .unknown) : .text("0" + undecided, flagged.undecided == 0 ? nil : .warning),
            behindText: (behind > 0 ? "\(behind)\(Mark.behind)" : g.withRate == 0 ? "\(Mark.unknown)" : "0")
                + undecided,
            summary: summary)
    }
}

extension AppState {
    /// A group's bar (`bar`), drawn as a derived figure's, never in the behind role: a group's row
    /// carries no behind verdict of its own (it counts its towns behind, each marked ▼ in the
    /// towns view), so its colour does not say one (8 colours: the sum row's `≈51%` bar was red, as
    /// a behind row's is, without a ▼). How far it is short shows by the expected-by-now mark.
    func groupBar(_ rate: ShownFigure?) -> TableCell {
        guard case let .bar(fraction, role, marker) = bar(rate) else { return bar(rate) }
        return .bar(fraction: fraction, role: role == .behind ? .derived : role, marker: marker)
    }
}

extension AppState {
    /// The development types a view lists, each with the positions (in `dataset.towns`) of its
    /// towns the filter keeps; with a filter on, a type none of whose towns passes is left out.
    /// The types view and the overview's types panel list the same.
    func typesKept() -> [(type: DevelopmentType, positions: [Int])] {
        let byType = facts.townsByType
        return dataset.types.compactMap { type in
            let kept = filtered(byType[type.number] ?? [])
            return filter.isEmpty || !kept.isEmpty ? (type, kept) : nil
        }
    }
}

/// Whether a group's plan sum and completed sum include a flagged figure (`AppState.sumFlags`).
struct SumFlags: Equatable {
    /// The plan sum includes a flagged plan, or one worked out from a flagged figure.
    var plan = false
    /// The completed sum includes a flagged completed figure, or one worked out from such.
    var done = false
    /// Towns whose verdict is undecided (`ScheduleReadings.isUndecided`), and of those the ones
    /// behind by their rate, whom `GroupProgress.behind` counts: left out of the count, shown `?N`.
    var undecided = 0, undecidedBehindByRate = 0
    /// The plan sum includes a town's plan first derivable from a later period than the one shown
    /// (`AppState.laterPlanInSums`): the sum and its rate carry `?`. Never stored.
    var later = false
}

import Foundation
import TownsCore

/// The towns view's columns of what changed since the previous period of the same year
/// (issue 14 point 2): completed and completion rate since then (`Metrics.change`, derived and
/// marked `≈`, the rate in points), and the town's place by completion rate with its move
/// (`Metrics.rankMoves`: `1 ▲2`, `3 ▽1`, counted among the towns placed in both periods). A
/// figure new since then is marked `✦`
/// (`Mark.newSince`, in the legend); unknown stays `—` (no previous period, or a figure
/// missing in either). Places rank every town of the data, whatever the filter lists.
struct DeltaColumns: Sendable {
    let metrics: Metrics
    let from: Period?
    let to: Period?
    /// Each town's places then and now (`RankMove`), by the town: from the snapshot's stored
    /// places by position (no table of every town made: a period switch at 10,000 towns made
    /// one, ~20 ms), else worked out (`Metrics.rankMoves`, by id).
    /// With the town's position in `dataset.towns` when the caller knows it (nil: found by id,
    /// `Facts.townIndex`, made when first asked: the towns table passes positions).
    let moves: @Sendable (Town, Int?) -> RankMove?
    /// Decides a Δ's `!` (`Checker.isFlagged(change:)`).
    let checker: Checker
    /// The best (smallest) place in the period shown, and in the one before, of a town whose place
    /// rests on a plan first derivable from a later period (`AppState.laterPlanPlaceFloor`): a
    /// place below it counts that town above it, so it is `?` too (wave 31's fresh user: Nanhu's
    /// and Haiyan's `4 ✦` and `5 ✦` at Jan-Sep under Jiashan's `≈3? ✦`, placed over a plan a
    /// later month's import gave). Nil where there is none.
    let laterFloor: (to: Int?, from: Int?)
    /// Whether a town's place (by its position in `dataset.towns`, nil: found by id) in the period
    /// shown, and in the one before, rests on an order the rates' rounding cannot settle
    /// (`AppState.placesWithinRounding`): the place is `?`, and its move too (`2? ▽1?`).
    let withinRounding: @Sendable (Town, Int?) -> (to: Bool, from: Bool)

    /// The columns, after the towns view's others; they give way (priorities 59, 52, 35: the place after the county)
    /// before the bar shrinks below its 15 cells. Δ完成 stays at 80x24 in both languages: the projects column (54)
    /// gives way first, and the names give up to a quarter of their width before it would (`namesGiveWayFirst`).
    static func columns(_ state: AppState) -> [Column] {
        [
            Column(state.tr(Catalogue.deltaDone), .right, priority: 59, minWidth: 6, namesGiveWayFirst: true),
            Column(state.tr(Catalogue.deltaRate), .right, priority: 52, minWidth: 6),
            Column(state.tr(Catalogue.rankMove), .right, priority: 35, minWidth: 4),
        ]
    }

    /// `placesMarked`: false where only sort keys are read (`laterFloor` is then not looked for).
    init(_ state: AppState, placesMarked: Bool = true) {
        metrics = state.metrics.withoutFormulas
        checker = state.checker
        to = state.period
        from = state.period.flatMap { state.metrics.previousPeriod($0) }
        laterFloor = !placesMarked ? (nil, nil) : (state.period.flatMap { state.laterPlanPlaceFloor($0) },
                                                   from.flatMap { state.laterPlanPlaceFloor($0) })
        if placesMarked, let to {
            let now = state.placesWithinRounding(to), then = from.map { state.movesWithinRounding(from: $0, to: to) } ?? []
            let facts = state.facts
            withinRounding = { town, position in
                guard let i = position ?? facts.townIndex[town.id] else { return (false, false) }
                return (now.contains(i), then.contains(i))
            }
        } else {
            withinRounding = { _, _ in (false, false) }
        }
        if let from, let to {
            // Each period's places stored in the snapshot the dataset was read from, else worked
            // out once per period (`townPlaces`); a town's move read by its position, so no table
            // of every town is built on a period switch.
            // A move counts among the towns placed in both periods (`PlacesAmongBoth`, one pass).
            let places = PlacesAmongBoth(before: state.townPlaces(from), after: state.townPlaces(to))
            let facts = state.facts
            moves = { town, position in
                (position ?? facts.townIndex[town.id]).map { places.move(at: $0) }
            }
        } else if let to {
            // The year's first period: each town's place, no move (wave 25's fresh user, F6: every
            // place was `—` at Jan-Aug 2015, though two towns have a rate).
            let now = state.townPlaces(to)
            let facts = state.facts
            moves = { town, position in
                (position ?? facts.townIndex[town.id]).map {
                    RankMove(before: nil, after: now[$0], amongBothBefore: nil, amongBothAfter: nil)
                }
            }
        } else {
            moves = { _, _ in nil }
        }
    }

    /// The three cells of `town` (nil: the city's reported totals, no place); `position`: its
    /// position in `dataset.towns`, when known.
    func cells(_ town: Town?, at position: Int? = nil) -> [TableCell] {
        [change(town, .completed), change(town, .completionRate), town.map { rank($0, at: position) } ?? .plain("")]
    }

    private func change(_ town: Town?, _ measure: Measure) -> TableCell {
        guard let from, let to else { return .mark(.unknown, .unknown) }
        let c = metrics.change(town, measure, from: from, to: to)
        let carried = Self.carriedMarks(c)
        if c.isNew { return .text((carried ?? "") + CellText(.newSince), .derived) }
        let flagged = c.delta != nil && checker.isFlagged(change: measure, town: town, from: from, to: to)
        let cell = Self.cell(c.delta, flagged: flagged)
        guard let carried, case let .text(text, role) = cell else { return cell }
        return .text(carried + text, role)
    }

    /// The marks a change's figures carry that its Δ cell shows too (finding 4 of wave 8): `◇`
    /// when either figure is on another basis (a new `◇>14` is `◇✦`; `◇—` where the bases differ
    /// and no Δ is worked out), `†` when either is an interpretation; nil for plain figures.
    static func carriedMarks(_ c: Change) -> CellText? {
        let figures = [c.before, c.after].compactMap { $0 }
        let marks = [(Mark.basis, figures.contains { $0.basis != nil }),
                     (Mark.interpreted, figures.contains(where: \.isInterpreted))].filter(\.1).map(\.0)
        return marks.isEmpty ? nil : CellText(parts: marks.map { .mark($0) })
    }

    /// A change as a cell: signed, marked derived (`≈+4.26`); `—` when there is none. `flagged`:
    /// worked out from a figure a check casts doubt on, it carries that figure's `!` (`≈+12.1!`).
    static func cell(_ delta: Figure?, flagged: Bool = false) -> TableCell {
        guard let d = delta, case let .exact(v, scale) = d.quantity else { return .mark(.unknown, .unknown) }
        return .text("\(Mark.derived)\(v > 0 ? "+" : "")" + CellText(DecimalMath.text(v, scale: scale))
                         + (flagged ? "!" : ""), flagged ? .warning : .derived)
    }

    private func rank(_ town: Town, at position: Int?) -> TableCell {
        guard let to, let move = moves(town, position), let place = move.after else {
            return .mark(.unknown, .unknown)
        }
        // A place resting on a derived rate (Nanhu's ≈30%: completed over a derived plan) is
        // derived too, `≈2` (wave 24's fresh user, F3: the rate beside it was marked, its place not).
        let derived = Self.placeIsDerived(town, period: to)
        // On a rate worked out over a plan from a later period (`Metrics.planFromLaterPeriod`):
        // `≈3?`, as the rate (`≈13%?`) and the verdict are (wave 25b's G5).
        // A place below such a town's (then or now) rests on it too: `4?` (`laterFloor`).
        let later = derived && metrics.planFromLaterPeriod(town, asOf: to) != nil
            || laterFloor.to.map { place > $0 } == true
            || move.before.flatMap { b in laterFloor.from.map { b > $0 } } == true
        // An order against another town within the rates' rounding (`withinRounding`): `2?`, and
        // its move `▽1?` (either period's order unsettled; wave 33's F2).
        let close = withinRounding(town, position)
        var shown: CellText = derived ? "\(Mark.derived)\(place)" : "\(place)"
        if later || close.to { shown = shown + CellText(later && !close.to ? .laterPlan : .undetermined) }
        if move.isNew, from != nil { return .text(shown + " " + CellText(.newSince), derived ? .derived : nil) }
        guard let p = move.places, p != 0 else {
            return derived || close.to ? .text(shown, derived ? .derived : nil) : .plain("\(place)")
        }
        let moveUnsettled = close.to || close.from
        return .text(shown + " " + CellText(p > 0 ? Mark.rankUp : Mark.rankDown) + "\(abs(p))"
                         + (moveUnsettled ? CellText(.undetermined) : ""),
                     p < 0 ? .behind : derived ? .derived : nil)
    }

    /// Whether `town`'s place by completion rate in `period`, when it has one, rests on a derived
    /// rate: the data gives no rate for the period (the place's rate is worked out, `Metrics.figure`)
    /// or gives one derived. Read from the town's own figures: no rate worked out.
    static func placeIsDerived(_ town: Town, period: Period) -> Bool {
        town.figures[FigureKey(.completionRate, period.id)]?.isDerived ?? true
    }

    /// The sort key of column `column` (0 Δ completed, 1 Δ rate, 2 place) for `town`: the
    /// change's value, or the place; a new Δ (`✦`) after them and unknown last, both ways
    /// (`SortKey.new`). A place given for the first time (`3 ✦`) is a place: it sorts by its number
    /// (wave 23, F13: sorted with the new, places 3 and 4 came after 1 and 2 both ways, and
    /// "who is last" largest first showed the second-placed town on top).
    func sortKey(_ town: Town, column: Int, at position: Int? = nil) -> SortKey {
        switch column {
        case 0, 1:
            guard let from, let to else { return .unknown }
            let c = metrics.change(town, column == 0 ? .completed : .completionRate, from: from, to: to)
            if c.isNew { return .new }
            return c.delta?.quantity.exactValue.map { .number(DecimalMath.double($0)) } ?? .unknown
        default:
            guard let move = moves(town, position), let place = move.after else { return .unknown }
            return .number(Double(place))
        }
    }
}

extension AppState {
    /// Every town's place by completion rate in `period` (`Metrics.ranks`), by position in
    /// `dataset.towns` (nil: no place): as the snapshot the dataset was read from stores them,
    /// else worked out; either way once per period and kept (`ViewCache.places`: every towns
    /// table of the period, filtered or sorted, and the next period's Δ read them again).
    func townPlaces(_ period: Period) -> [Int?] {
        cache.places(period.id) {
            if let stored = facts.derived?.ranks(period.id), stored.count == dataset.townCount { return stored }
            return metrics.withoutFormulas.ranks(period: period).placesOf(dataset.towns)
        }
    }

    /// The best (smallest) place by completion rate in `period` (`townPlaces`) of a town whose
    /// place rests on a rate worked out over a plan first derivable from a later period
    /// (`DeltaColumns.placeIsDerived` and `Metrics.planFromLaterPeriod`): every place below it
    /// counts that town above it, so the reports up to `period` do not give it either. Nil where
    /// no placed town's rests on such a plan. Stored in the snapshot per period
    /// (`laterPlanFloorName`: the place alone, or no row), else worked out once per period
    /// (`ViewCache.laterPlanFloor`; `workedOutLaterPlanPlaceFloor`): every towns table's build asks
    /// it of the period shown and the one before (wave 32: at 10,000 x 60 each build looked up every
    /// placed town's figures, twice).
    func laterPlanPlaceFloor(_ period: Period) -> Int? {
        if let stored = facts.derived?.rowSet(Self.laterPlanFloorName(period.id)) { return stored.first }
        return cache.laterPlanFloor(period.id) {
            ViewCache.LaterPlanFloor(place: workedOutLaterPlanPlaceFloor(period))
        }.place
    }

    /// The towns (by position in `dataset.towns`) placed by completion rate in `period`
    /// (`townPlaces`) whose order against another placed town the rates' rounding cannot settle:
    /// what the town's rate can stand for (`Figure.possible`: its printed digits' range, or a
    /// derived rate's interval) meets what another's can (wave 33, session 26's fresh user, F2:
    /// Haining's reported 83.3%, 83.25-83.35, and Nanhu's derived ≈83%, 82.98-83.65, made
    /// Haining `2 ▽1` and Nanhu `≈1 ▲1`: either may be first). Such a place is `?`, and so is
    /// its move. Ties (one place shared) count too. Worked out once per period
    /// (`ViewCache.placesWithinRounding`): each placed town's rate looked up once, then the
    /// ranges sorted by their lower end and swept (n log n, not every pair).
    /// Stored in the snapshot per period (`placesWithinRoundingName`), so that the towns view's
    /// first frame looks up no town's rate for it (at 10,000 x 60 half of that frame: wave 35).
    func placesWithinRounding(_ period: Period) -> Set<Int> {
        cache.placesWithinRounding(period.id) {
            if let stored = storedPositions(Self.placesWithinRoundingName(period.id)) { return Set(stored) }
            return workedOutPlacesWithinRounding(period)
        }
    }

    /// `placesWithinRounding` worked out (what the snapshot stores).
    func workedOutPlacesWithinRounding(_ period: Period) -> Set<Int> {
        let places = townPlaces(period)
        return workedOutWithinRounding(period) { places[$0] != nil }
    }

    /// The name of the stored rows of `placesWithinRounding` of period `id` (positions, ascending).
    static func placesWithinRoundingName(_ id: String) -> String { "places.within-rounding." + id }

    /// The name of the stored rows of `movesWithinRounding` from period `from` to `to` (positions,
    /// ascending; stored for each period and the one before it, `Metrics.previousPeriod`).
    static func movesWithinRoundingName(from: String, to: String) -> String {
        "places.moves-within-rounding." + from + ">" + to
    }

    /// The towns placed both in `from` (the period before `to`) and in `to` whose order in `from`
    /// against another town placed in both the rates' rounding cannot settle (as
    /// `placesWithinRounding`, among those towns alone): a move counts among the towns placed in
    /// both periods (`PlacesAmongBoth`), so a town with no rate in `to` (not placed) cannot make
    /// another's move undecided (wave 34, session 27's fresh user, F3: Nanhu's page at Jan-Nov said
    /// its place undecided for Haining's Jan-Oct rate, Haining having none at Jan-Nov, while the
    /// list showed Nanhu's `≈1`). Worked out once per pair of periods (`ViewCache`).
    /// Stored in the snapshot for each period and the one before it (`movesWithinRoundingName`).
    func movesWithinRounding(from: Period, to: Period) -> Set<Int> {
        cache.placesWithinRounding(from.id + ">" + to.id) {
            if let stored = storedPositions(Self.movesWithinRoundingName(from: from.id, to: to.id)) { return Set(stored) }
            return workedOutMovesWithinRounding(from: from, to: to)
        }
    }

    /// `movesWithinRounding` worked out (what the snapshot stores).
    func workedOutMovesWithinRounding(from: Period, to: Period) -> Set<Int> {
        let before = townPlaces(from), after = townPlaces(to)
        return workedOutWithinRounding(from) { before[$0] != nil && after[$0] != nil }
    }

    /// `placesWithinRounding` worked out in `period` among the towns at the positions `counted`
    /// accepts.
    private func workedOutWithinRounding(_ period: Period, counted: (Int) -> Bool) -> Set<Int> {
        do {
            let towns = dataset.towns, m = metrics.withoutFormulas
            let key = FigureKey(.completionRate, period.id)
            var ranges: [(position: Int, range: Interval)] = []
            for i in towns.indices where counted(i) {
                guard let r = m.figure(towns[i], key)?.possible else { continue }
                ranges.append((i, r))
            }
            guard ranges.count > 1 else { return [] }
            ranges.sort { $0.range.lower < $1.range.lower }
            var out: Set<Int> = []
            var highest = ranges[0].range.upper
            for k in ranges.indices {
                // A range meets an earlier one (each starts at or below its start) exactly when the
                // highest of their ends passes its start, and a later one exactly when the next
                // range's start (the lowest later start) is below its end. Ranges that only touch
                // (83.3's 83.35 and 83.4's) do not meet: a printed digit's range excludes one end.
                if k > 0, ranges[k].range.lower < highest { out.insert(ranges[k].position) }
                if k + 1 < ranges.count, ranges[k + 1].range.lower < ranges[k].range.upper {
                    out.insert(ranges[k].position)
                }
                highest = max(highest, ranges[k].range.upper)
            }
            return out
        }
    }

    /// The name of the stored rows of `laterPlanPlaceFloor` of period `id`: one row, the place
    /// (not a town's position), or none where no placed town rests on a later plan.
    static func laterPlanFloorName(_ id: String) -> String { "places.later-floor." + id }

    /// `laterPlanPlaceFloor` worked out: look-ups of each placed town's figures (no rate is
    /// worked out).
    func workedOutLaterPlanPlaceFloor(_ period: Period) -> Int? {
        let places = townPlaces(period), towns = dataset.towns, m = metrics
        var best: Int?
        for (i, place) in places.enumerated() {
            guard let place, best.map({ place < $0 }) ?? true else { continue }
            let town = towns[i]
            if DeltaColumns.placeIsDerived(town, period: period), m.planFromLaterPeriod(town, asOf: period) != nil {
                best = place
            }
        }
        return best
    }

    /// `Catalogue.placeOnLaterPlan` where `town`'s plan as of `period` comes from a later period
    /// (`Metrics.planFromLaterPeriod`), else nothing.
    private func laterPlanWords(_ town: Town, _ period: Period) -> String {
        guard let id = metrics.planFromLaterPeriod(town, asOf: period), let from = dataset.period(id) else { return "" }
        return tr(Catalogue.placeOnLaterPlan(Bilingual(from.labelZH, from.labelEN)))
    }

    /// `Catalogue.placeWithinRounding` where `town`'s place in `period` or `from` (the period
    /// before; nil: none) rests on an order within the rates' rounding (`placesWithinRounding`),
    /// naming the towns whose rates' ranges meet its own (in `period`, else `from`); else nothing.
    /// In `from` only the towns placed in both periods count (`movesWithinRounding`): the move
    /// alone is then undecided (`Catalogue.moveWithinRounding`), the place shown being settled.
    func placeWithinRoundingWords(_ town: Town, at position: Int?, period: Period, from: Period?) -> String {
        guard let position else { return "" }
        let p: Period, close: Set<Int>
        if placesWithinRounding(period).contains(position) {
            (p, close) = (period, placesWithinRounding(period))
        } else if let from, movesWithinRounding(from: from, to: period).contains(position) {
            (p, close) = (from, movesWithinRounding(from: from, to: period))
        } else {
            return ""
        }
        // Each town's rate as its period's table shows it (`periodTable`: the rate `Metrics.figure`
        // gives, decoded from the snapshot or worked out once per period), not looked up or derived
        // again for each of the towns within rounding (at 10,000 x 60 most placed towns are: a
        // page took 80 ms, wave 35).
        guard let index = dataset.periods.firstIndex(where: { $0.id == p.id }) else { return "" }
        var then = self
        then.periodIndex = index
        let table = then.periodTable()
        guard let own = table[position].completionRate?.possible else { return "" }
        // Each range compared as `Double`s first, exactly only where those cannot settle it, and
        // the set marked by position, not sorted, the table read in position order
        // (`RoundingNeighbours`: at 10,000 x 60 Foundation's `<` on derived rates' 38-digit ends
        // and the sort were a fifth of a page, wave 36).
        var neighbours = RoundingNeighbours(own: own)
        let (first, count) = neighbours.towns(in: close, except: position, places: townPlaces(p), table: table)
        // The town's record read only for a name shown (not copied for each town compared).
        let names = first.map { tr(Bilingual(dataset.town(at: $0).nameZH, dataset.town(at: $0).nameEN)) }
        let more = count - names.count
        guard !names.isEmpty else { return "" }
        return p.id == period.id ? tr(Catalogue.placeWithinRounding(names, more: more))
            : tr(Catalogue.moveWithinRounding(names, more: more, before: Bilingual(p.labelZH, p.labelEN)))
    }

    /// What a town's page says of its change since the previous period of the same year: Δ
    /// completed and Δ completion rate with their formulas (field label, figure, unit, and
    /// whether it carries a `!`: `Checker.isFlagged(change:)`), and its place by completion rate
    /// then and now; empty for the year's first period.
    func changeFields(_ town: Town, period: Period)
        -> (figures: [(String, Figure, String, flagged: Bool)], place: String?) {
        guard let from = metrics.previousPeriod(period) else {
            // The year's first period: the place alone, no change to give (wave 25's fresh user, F6).
            guard let position = facts.townPosition(town.id) else { return ([], nil) }
            let now = townPlaces(period)
            guard let after = now[position] else { return ([], nil) }
            let ranked = now.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            let derived = DeltaColumns.placeIsDerived(town, period: period)
            return ([], (derived ? "≈" : "")
                + tr(Catalogue.placeAmongRankedFirst("\(after)", "\(ranked)", dataset.townCount - ranked))
                + (derived ? tr(Catalogue.placeOnDerivedRate) + laterPlanWords(town, period) : ""))
        }
        var figures: [(String, Figure, String, flagged: Bool)] = []
        func flag(_ m: Measure) -> Bool { checker.isFlagged(change: m, town: town, from: from, to: period) }
        let points = tr("个百分点", "points")
        /// The delta with its formula in the reader's language (the core's is English):
        /// "2015年1-9月 72.9 − 2015年1-8月 50 = 22.9 个百分点".
        func worded(_ c: Change, unit: String?) -> Figure? {
            guard var d = c.delta, case let .exact(v, scale) = d.quantity else { return c.delta }
            let ft = FigureText()
            // A derived input written with fewer digits than the difference used is named with
            // those too, as the plan's `≈15.0（未取整 14.98）`, and the difference before its
            // rounding given, so that the formula adds up as printed (session 26's F1:
            // `≈83 − 23.5 = 59.8` is now `≈83（未取整 83.31） − 23.5 = 59.81 ≈ 60`).
            // The unrounded value of a rate worked out from the plan is its formula's quotient, the
            // one its own period's line on this page gives (`= 83.11%`), not the value kept to the
            // rate's digits (83.1, named `83.10` beside it: session 27's fresh user, F2), nor the
            // 100 a rate whose rounding holds 100% is written as (100.13: `≈100（未取整 100.13）`).
            var unrounded = false
            func quotient(_ f: Figure?) -> Decimal? {
                guard let f, let x = f.quantity.exactValue else { return nil }
                if f.isDerived, case let .rateFromPlan(_, _, _, result)? = f.explanation?.step,
                   let q = Decimal(string: result) { return q }
                return x
            }
            func named(_ f: Figure?) -> String {
                let shown = ft.text(f)
                guard let f, f.isDerived, let x = quotient(f), shown.hasPrefix("≈"),
                      Decimal(string: String(shown.dropFirst())) != x else { return shown }
                unrounded = true
                let used = DecimalMath.text(x, scale: 2)
                return tr("\(shown)（未取整 \(used)）", "\(shown) (\(used) unrounded)")
            }
            let after = named(c.after), before = named(c.before)
            var result = DecimalMath.text(v, scale: scale)
            // The difference of the values named (the unrounded where named, else as printed:
            // `≈100（未取整 100.13） − 23.5 = 76.63 ≈ 77`) where the Δ's digits round it.
            if case let .exact(_, ad)? = c.after?.quantity, case let .exact(_, bd)? = c.before?.quantity,
               let a = quotient(c.after), let b = quotient(c.before) {
                let rawScale = unrounded ? 2 : max(ad, bd)
                if DecimalMath.rounded(a - b, scale: rawScale) != v {
                    result = DecimalMath.text(a - b, scale: rawScale) + " ≈ " + result
                }
            }
            d.provenance = .derived(
                formula: "\(label(period)) \(after) − \(label(from)) \(before) = "
                    + result + (unit.map { " " + $0 } ?? ""))
            return d
        }
        if let d = worded(metrics.change(town, .completed, from: from, to: period), unit: nil) {
            figures.append((tr(Catalogue.deltaDoneField), d, tr(Catalogue.amountUnit(dataset.unit)), flag(.completed)))
        }
        if let d = worded(metrics.change(town, .completionRate, from: from, to: period), unit: points) {
            figures.append((tr(Catalogue.deltaRateField), d, points, flag(.completionRate)))
        }
        // Its places then and now (`Metrics.rankMoves`), read from every town's places as the towns
        // view reads them (`townPlaces`: stored in the snapshot, else worked out once per period),
        // not ranked again over every town with formulas (397 ms at 10,000 towns on a first Enter).
        let position = facts.townPosition(town.id)
        let now = townPlaces(period)
        // Out of the towns placed (those with a rate), saying how many have none.
        let place = position.flatMap { now[$0] }.map { after in
            let ranked = now.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            let then = townPlaces(from)
            let before = position.flatMap { then[$0] }
            // A place resting on a derived rate is marked `≈`, and says why (wave 24's fresh user, F3).
            let derived = DeltaColumns.placeIsDerived(town, period: period)
            let words = (derived ? "≈" : "") + tr(Catalogue.placeAmongRanked(
                "\(after)", before.map { "\($0)" } ?? "—", "\(ranked)", dataset.townCount - ranked))
                + (derived ? tr(Catalogue.placeOnDerivedRate) + laterPlanWords(town, period) : "")
                + (!(derived && metrics.planFromLaterPeriod(town, asOf: period) != nil)
                    && laterPlanPlaceFloor(period).map { after > $0 } == true
                    ? tr(Catalogue.placeBelowLaterPlan) : "")
                + placeWithinRoundingWords(town, at: position, period: period, from: from)
            // Where the towns ranked then and now differ, the move is counted among those in both
            // (`RankMove`), and the page says so: Nanhu 2nd of 2 after 3rd of 4 has not moved up.
            let both = PlacesAmongBoth(before: then, after: now)
            let rankedThen = then.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            guard before != nil, both.count != ranked || both.count != rankedThen,
                  let position, let moved = both.move(at: position).places else { return words }
            return words + tr(Catalogue.placeAmongBoth("\(rankedThen)", "\(both.count)", moved))
        }
        return (figures, place)
    }
}

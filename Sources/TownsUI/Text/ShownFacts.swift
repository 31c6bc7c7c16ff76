import Foundation
import TownsCore

/// The facts as shown: in a language, for a period. `AppState` is one; the row makers of a
/// list hold a `RowContext`, which holds the facts and never the memo of lists.
public protocol ShownFacts {
    var facts: Facts { get }
    var language: Language { get }
    /// The period shown, or nil for a dataset with no periods.
    var period: Period? { get }
}

/// What a list's row makers need to make a row later: the facts, the language and the
/// period, and nothing of the memo (a row maker kept in the memo must not keep it alive).
struct RowContext: ShownFacts, Sendable {
    let facts: Facts
    let language: Language
    let period: Period?
    var dataset: Dataset { facts.dataset }
    var metrics: Metrics { facts.metrics }
}

extension AppState: ShownFacts {
    /// What the rows of a list made now need to be made later (`RowContext`).
    var rowContext: RowContext { RowContext(facts: facts, language: language, period: period) }
}

extension ShownFacts {
    /// `zh` or `en` by the interface language (names from the data, which has both).
    public func tr(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A text of the catalogue in the interface language.
    public func tr(_ text: Bilingual) -> String { language == .zh ? text.zh : text.en }

    /// A town's name in the interface language.
    public func name(_ town: Town) -> String { language == .zh ? town.nameZH : town.nameEN }

    /// A town's county in the interface language.
    public func county(_ town: Town) -> String { language == .zh ? town.countyZH : town.countyEN }

    /// A period's label in the interface language.
    public func label(_ period: Period) -> String { language == .zh ? period.labelZH : period.labelEN }

    /// Whether a consistency check casts doubt on the rate `key` of `town` (nil: the city's
    /// totals): an inconsistency among `findings` flagging it, found by checking that rate alone.
    /// A derived year's plan is judged as of the period shown (`Checker.isFlagged(_:town:asOf:)`).
    func flagged(_ town: Town?, _ key: FigureKey) -> Bool {
        facts.checker.isFlagged(key, town: town, asOf: period)
    }

    /// What a search matches a town by: its names, its county's, and its entities'.
    func townTerms(_ town: Town, entities: [String: OperatingEntity]) -> [String] {
        // The reading as data gives it: a place name is not always read as its characters are.
        var terms = [town.nameZH, town.nameEN, town.countyZH, town.countyEN] + (town.reading.map { [$0] } ?? [])
        for id in town.entityIDs {
            if let e = entities[id] { terms += [e.nameZH, e.nameEN] }
        }
        return terms
    }

    /// A completion bar with the expected-by-now mark at the share of the year elapsed.
    /// `town`: the row's town, whose bar is drawn in the neutral `.unknown` style (neither behind
    /// nor on track) when its verdict is undecided (`ScheduleReadings`); nil: no such test.
    func bar(_ rate: ShownFigure?, town: Town? = nil) -> TableCell {
        let marker = period.map { Double($0.through) / 12 }
        guard let v = rate?.quantity.exactValue else { return .bar(fraction: nil, role: .barFill, marker: nil) }
        // Undecided (`ScheduleReadings`): neither behind nor on track, the neutral colour of `?`
        // (`.unknown`, as the checks list draws `?`).
        // The row's rate given (`Checker.scheduleReadings(_:period:rate:)`): a clean town's rate is
        // not looked up or worked out again.
        let undecided = town != nil
            && period.map { facts.checker.scheduleReadings(town, period: $0, rate: rate).isUndecided } == true
        let behind = !undecided && period.map { DecimalMath.double(v) < $0.elapsedPercent } == true
        let role: Role = undecided ? .unknown : behind ? .behind : (rate!.isDerived ? .derived : .barFill)
        return .bar(fraction: DecimalMath.double(v) / 100, role: role, marker: marker)
    }

    /// `cell` (a completion rate's) with `▼` after it when `rate` is behind schedule (below the
    /// share of the year elapsed, as `bar` colours it) and `when` holds: the presentation layout,
    /// which leaves the 进度差 column out, so that colour is never the only sign of being behind.
    /// An undecided verdict (`ScheduleReadings`: behind by one reading, ahead by the other) carries
    /// `?` there as 进度差 does (`91.6%?!`; wave 23, F23: the layout dropped it, and an undecided town
    /// kept by the behind filter read as on track).
    func markedBehind(_ cell: TableCell, _ rate: ShownFigure?, when: Bool, town: Town? = nil) -> TableCell {
        guard when, case let .text(t, role) = cell, let v = rate?.quantity.exactValue, let period else { return cell }
        let undecided = facts.checker.scheduleReadings(town, period: period, rate: rate).isUndecided
        guard undecided || DecimalMath.double(v) < period.elapsedPercent else { return cell }
        // Before a check's `!` (`42.5%▼!`), as in 进度差's `-32.5▼!`: the `!` stands outside the digits.
        var parts = t.parts
        var after: [CellText.Part] = []
        if case let .text(s)? = parts.last, s.hasSuffix("!") {
            parts[parts.count - 1] = .text(String(s.dropLast()))
            after = [.text("!")]
        }
        if undecided { return .text(CellText(parts: parts + [.mark(.undetermined)] + after), .warning) }
        return .text(CellText(parts: parts + [.mark(.behind)] + after), role ?? .behind)
    }

    /// Whether `town`'s plan of the period shown's year comes from a later period as of it
    /// (`Metrics.planFromLaterPeriod`): the reports up to the period shown do not give it.
    func planFromLater(_ town: Town) -> Bool {
        guard let period else { return false }
        return facts.metrics.planFromLaterPeriod(town, asOf: period) != nil
    }

    /// `cell` (a year's plan, or a figure worked out over it: a derived rate, a place) with `?`
    /// after its figure, before a check's `!` (`≈53?!`), when `when` holds: the plan comes from a
    /// later period than the one shown (`planFromLater`), so as of the period shown it is not
    /// known, as its verdict is undecided (`≈-53?`; wave 24's fresh F1, wave 25b's G3 and G5).
    /// A cell that already carries `?` (presenting: an undecided verdict on the rate) is left.
    func markedLater(_ cell: TableCell, when: Bool) -> TableCell {
        guard when, case let .text(t, role) = cell else { return cell }
        var parts = t.parts
        if parts.contains(.mark(.undetermined)) || parts.contains(.mark(.laterPlan)) { return cell }
        var after: [CellText.Part] = []
        if case let .text(s)? = parts.last, s.hasSuffix("!") {
            parts[parts.count - 1] = .text(String(s.dropLast()))
            after = [.text("!")]
        }
        return .text(CellText(parts: parts + [.mark(.laterPlan)] + after), role == nil ? .warning : role)
    }

    /// Schedule variance in percentage points, "+17.7" or "-2.1▼" (behind schedule), of `town`'s
    /// rate (nil: the city's): with `!` when the rate, or a figure it is worked out from, is
    /// flagged (`Checker.isFlagged(workedFrom:)`: the city's 42.5%! gives "-32.5▼!").
    func variance(_ rate: ShownFigure?, town: Town?) -> TableCell {
        guard let period, let (x, digits) = varianceShown(rate) else {
            return .text("\(Mark.unknown) ", .unknown)
        }
        let flagged = facts.checker.isFlagged(workedFrom: [.completionRate], town: town, period: period)
        // Worked out from a derived rate: marked so, as its Δ is (`≈+9.1`, wave 22's fresh user, F21).
        let mark: Mark? = rate?.isDerived == true ? .derived : nil
        let text = DecimalMath.text(x, scale: digits)
        // Behind by the rate, not by the amount (or the other way), a check failing on their
        // figures: undecided, `?` in the place of ▼ (`ScheduleReadings`), as every view says it.
        // Resting on a plan first derivable from a later period (`ScheduleReadings.laterPlan`): `?`
        // with no `!` unless a check fails too.
        let readings = facts.checker.scheduleReadings(town, period: period, rate: rate)
        if readings.isUndecided {
            // Undecided only for the plan from a later period (no check failing, the rate's rounding
            // not holding the share elapsed): the legend says why (`Mark.laterPlan`; wave 36).
            let why: Mark = readings.laterPlan != nil && !readings.flagged && readings.withinRounding == nil
                ? .laterPlan : .undetermined
            return .text("\(mark)" + CellText((x > 0 ? "+" : "") + text) + "\(why)"
                + (readings.flagged ? "!" : " "), .warning)
        }
        if x < 0 { return .text("\(mark)\(text)\(Mark.behind)" + (flagged ? "!" : ""), flagged ? .warning : .behind) }
        return .text("\(mark)" + CellText((x > 0 ? "+" : "") + text + (flagged ? "!" : " ")), flagged ? .warning : nil)
    }

    /// The schedule variance a towns table shows for `rate` in the period shown (points) and its
    /// digits: 1, or fewer where a derived rate supports fewer (`≈30%` gives `≈-53`), or more where
    /// 1 would write a nonzero variance as 0 (`Metrics.varianceShown`: `≈-0.05`); the value rounded to them, so that it sorts as its cell reads. Nil when the rate is unknown or a bound.
    func varianceShown(_ rate: ShownFigure?) -> (value: Decimal, digits: Int)? {
        guard let period, let x = facts.metrics.scheduleVarianceValue(rate: rate?.quantity, period: period) else {
            return nil
        }
        // A derived rate's digits (its quantity's: those its inputs support, `ShownFigure`).
        guard rate?.isDerived == true, case let .exact(_, d)? = rate?.quantity else {
            return Metrics.varianceShown(x, rateDecimals: nil)
        }
        return Metrics.varianceShown(x, rateDecimals: d, rate: rate?.quantity.exactValue, period: period,
                                     rateRange: rate?.interval)
    }

    func projects(_ started: ShownFigure?, _ planned: ShownFigure?, _ ft: FigureText) -> TableCell {
        func t(_ f: ShownFigure?) -> CellText {
            guard case let .text(s, _) = ft.value(f) else { return "" }
            return s
        }
        let derived = (started?.isDerived ?? false) || (planned?.isDerived ?? false)
        let role: Role? = derived ? .derived : (started == nil && planned == nil ? .unknown : nil)
        return .text("\(t(started))/\(t(planned))", role)
    }

    /// "Σ 9.3 (1/2)": the sum of the towns' known figures and how many are known.
    func subtotal(_ s: Metrics.Tally) -> TableCell {
        if s.known == 0 { return .text("\(Mark.unknown) (0/\(s.count))", .unknown) }
        let sum = DecimalMath.text(s.sum, scale: s.decimals)
        let text: CellText = "\(s.derived == 0 ? nil : Mark.derived)\(sum) (\(s.known)/\(s.count))"
        return .text(text, s.derived == 0 ? nil : .derived)
    }

    /// The names of the towns at `positions` (in `facts.dataset.towns`) joined
    /// ("海宁皮革时尚小镇、南湖基金小镇"), as many as fit in `width` cells, then how many more
    /// ("… 另 2,497 个" / "… and 2,497 more"): a type of 2,500 towns is not written out in
    /// full for a cell that shows 60 columns. `count`: the number of towns when `positions`
    /// holds only the first of them (enough to fill `width`: a stored list, `DerivedStakes`).
    func nameList(_ positions: [Int], count: Int? = nil, width: Int) -> String {
        let separator = tr(Catalogue.text)
        let total = count ?? positions.count
        // The names read in place (a town passed by value was copied whole, 2,500 per type).
        let towns = facts.dataset.towns, zh = language == .zh
        func name(_ position: Int) -> String { zh ? towns[position].nameZH : towns[position].nameEN }
        // Every name fits: joined, none measured (a type's 2,500 towns in print, and in its cell).
        if width == Int.max, total == positions.count {
            return Self.joined(positions.map(name), separator: separator)
        }
        func more(_ n: Int) -> String { tr(Catalogue.andMore("\(n)")) }
        var out = ""
        var used = 0
        var fitted: (text: String, count: Int)?  // the longest start that fits with its "more"
        for (i, position) in positions.enumerated() {
            let piece = (i == 0 ? "" : separator) + name(position)
            used += DisplayWidth.of(piece)
            if used > width { break }
            out += piece
            if i == total - 1 { return out }
            if used + DisplayWidth.of(more(total - i - 1)) <= width { fitted = (out, i + 1) }
        }
        // One town: its name, which the table cuts with … (not "… 另 1 个", which names nobody).
        if fitted == nil, total == 1, let only = positions.first { return name(only) }
        // Not one name fits with the rest's count: how many in all, without a `…` after nothing.
        guard let fitted else { return tr(Catalogue.namesCount("\(total)")) }
        return fitted.text + more(total - fitted.count)
    }

    /// The names of the first towns at `positions` joined as `nameList` joins them, as many as
    /// take more than `cells` cells (every name when they all take no more), and how many that is:
    /// a screen's cell of a type's 2,500 towns (`ItemList.listed` gives the table the whole list's
    /// length), not every name joined and measured for a cell that shows a few.
    func firstNames(_ positions: [Int], pastCells cells: Int) -> (text: String, count: Int) {
        let separator = tr(Catalogue.text)
        let step = DisplayWidth.of(separator)
        let towns = facts.dataset.towns, zh = language == .zh
        var names: [String] = []
        var used = 0
        for position in positions {
            if used > cells { break }
            let name = zh ? towns[position].nameZH : towns[position].nameEN
            used += (names.isEmpty ? 0 : step) + DisplayWidth.of(name)
            names.append(name)
        }
        return (Self.joined(names, separator: separator), names.count)
    }

    /// `names` joined with `separator` between them (what `joined(separator:)` gives), written into
    /// one buffer sized first: the types view's first visit at national scale joined four types'
    /// 2,500 names each, half its time in the standard library's generic join.
    static func joined(_ names: [String], separator: String) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        var separator = separator
        let between = separator.utf8.count
        let size = names.reduce(between * (names.count - 1)) { $0 + $1.utf8.count }
        return separator.withUTF8 { sep in
            String(unsafeUninitializedCapacity: size) { out in
                var at = 0
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let from = bytes.baseAddress, let to = out.baseAddress, !bytes.isEmpty else { return }
                    (to + at).update(from: from, count: bytes.count)
                    at += bytes.count
                }
                for (k, name) in names.enumerated() {
                    if k > 0 { put(sep) }
                    var name = name
                    name.withUTF8(put)
                }
                return at
            }
        }
    }

    static func modeName(_ mode: OperatingMode) -> String {
        switch mode {
        case .groupLed: return "集团引领"
        case .joint: return "联合投资"
        }
    }

    /// A rule's result as a table cell: ✓ met, ✗ not met, ? unknown, ○ not yet due, or the
    /// rule's short text.
    func ruleMark(_ r: RuleResult) -> TableCell {
        // Undecided on a figure a failing check flags (`RuleFinding.doubted`): `?!`.
        if case .doubted = r.finding { return .text("\(Mark.undetermined)!", .unknown) }
        switch r.status {
        case .met: return .mark(.met, nil)
        case .notMet: return .mark(.notMet, .behind)
        case .unknown: return .mark(.undetermined, .unknown)
        case .notYetDue: return .mark(.notYetDue, .legend)
        case .info:
            return .text(
                CellText(
                    language == .zh ? (r.short ?? "·") : (r.short ?? "·").replacingOccurrences(of: "年", with: "y")),
                .legend)
        }
    }
}

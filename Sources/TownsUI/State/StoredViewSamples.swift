import Foundation
import TownsCore

/// Issue 17 point 3 (cold keys), wave 14 (w14-page): what a snapshot stores so that the first
/// visit of the assessment, changes and entities views makes none of the rows it measures for its
/// column widths besides those on screen (`ViewCache.samplePositions`: 128 rows spread over every
/// town), and the types view runs no check over every town for the `!` of its sums.
///
/// Stored in the snapshot's named numbers and rows (`DerivedKeys.Source.measures`,
/// `DerivedTables.Source.rowSets`), worked out by the same code the views run when nothing is
/// stored, so a view shows the same from the text alone as from a snapshot.
extension AppState {
    /// The name under which a snapshot stores the measure of the width sample of the list of
    /// `kind` as shown now (`DerivedKeys.Source.measures`): the assessment's per language and
    /// period, the changes view's per language, period and earlier period (`from`, its id), the
    /// entities' per language; nil for another list, with a filter, or for a meeting or print
    /// (not stored).
    func viewSampleName(_ kind: Screen.Kind, from: String? = nil) -> String? {
        guard filter.isEmpty, !session.presentation, !printed else { return nil }
        let lang = language.rawValue
        switch kind {
        case .assessment:
            guard let period else { return nil }
            return "assessment.sample.\(lang).\(period.id)"
        case .changes:
            guard let period, let from else { return nil }
            return "changes.sample.\(lang).\(from).\(period.id)"
        case .entityList:
            return "entities.sample.\(lang)"
        default:
            return nil
        }
    }

    /// The measure of the width sample of the list of `kind` as the snapshot stores it
    /// (`viewSampleName`): the number of rows it was measured over, then each column's
    /// measure; nil when not stored or of another number of columns (then the rows are made).
    func storedViewSample(_ kind: Screen.Kind, from: String? = nil, columns: Int)
        -> (rows: Int, columns: [TableLayout.Measure])? {
        guard let keys = facts.derived?.keys, let name = viewSampleName(kind, from: from),
            let numbers = keys.measure(name), numbers.count == 1 + 3 * columns
        else { return nil }
        let measures = (0..<columns).map {
            TableLayout.Measure(natural: numbers[1 + 3 * $0], head: numbers[2 + 3 * $0], tail: numbers[3 + 3 * $0])
        }
        return (numbers[0], measures)
    }

    /// The stored numbers of a list's width sample: its number of rows, then per column the
    /// measure of the sampled rows (`ViewCache.samplePositions`), as the table measures them.
    static func sampleNumbers(_ content: ListContent) -> [Int] {
        let rows = ViewCache.samplePositions(content.rows.count).map { content.rows.unsortedRow($0) }
        return [content.rows.count]
            + TableLayout.measure(rows, columns: content.columns).flatMap { [$0.natural, $0.head, $0.tail] }
    }

    /// What a snapshot stores of the period shown's view samples (`viewSampleName`), in every
    /// language: the assessment's (its rows alone: the notes' stakes are stored apart) and the
    /// changes view's against the previous period (`changes`, as `derivedPeriodViews` worked it out).
    func viewSampleMeasures(changes: DerivedChanges?) -> [String: [Int]] {
        var measures: [String: [Int]] = [:]
        for language in Language.allCases {
            var s = self
            s.language = language
            s.filter = TownFilter()
            if !dataset.rules.isEmpty, let name = s.viewSampleName(.assessment) {
                measures[name] = Self.sampleNumbers(s.assessmentRows(Array(dataset.townIndices)))
            }
            if let changes, let name = s.viewSampleName(.changes, from: changes.from) {
                measures[name] = Self.sampleNumbers(s.changesTable(stored: changes))
            }
        }
        return measures
    }

    /// What a snapshot stores of the views' samples that do not depend on the period (the
    /// entities'), and the widest town name and county (`Facts.townTextWidthsName`), in every language;
    /// each entity's towns (`Facts.entityTownsName`) and each town's tier in the city's first-year
    /// minimum (`Facts.cityYearOneTiersName`).
    func periodlessSampleMeasures() -> [String: [Int]] {
        var measures: [String: [Int]] = [:]
        for language in Language.allCases {
            var s = self
            s.language = language
            s.filter = TownFilter()
            if let name = s.viewSampleName(.entityList) { measures[name] = Self.sampleNumbers(s.entitiesTable()) }
            // The widest town name and county (`Facts.townTextWidths`): the towns view's first visit
            // measured every town's for them (issue 17).
            let names = facts.measuredTownTextWidths(language: language)
            measures[Facts.townTextWidthsName(language)] = [names.name, names.county]
        }
        // Each entity's towns (`Facts.entityTowns`): the entities view's first visit hashed every
        // town's entity ids for them (issue 17).
        measures[Facts.entityTownsName] = facts.measuredEntityTowns().numbers
        // Each town's tier in the city's first-year minimum (`Facts.storedCityYearOneTiers`): the
        // assessment's first visit read every town for the city's line (issue 17).
        if let tiers = Assessment(metrics: metrics).cityYearOneTiers() {
            measures[Facts.cityYearOneTiersName] = tiers.numbers
        }
        return measures
    }

    /// The name of the stored rows of the towns an inconsistency finding is about
    /// (`DerivedTables.Source.rowSets`): the towns whose sums' `!` `sumFlags` asks about.
    static let suspectTownsName = "findings.inconsistent.towns"

    /// The positions (ascending) of the towns an inconsistency among `facts.findings` is about
    /// (`Checker.run` over every town): stored in the snapshot (`suspectTownsName`), else worked out.
    func suspectTowns() -> [Int] {
        if let stored = facts.derived?.rowSet(Self.suspectTownsName) { return stored }
        let byID = facts.townIndex
        return facts.inconsistentTownIDs.compactMap { byID[$0] }.sorted()
    }

    /// The name of the stored rows of the towns whose verdict on being behind in period `id`
    /// rests on a plan first derivable from a later period (`Checker.laterPlanPeriod`).
    static func laterPlanTownsName(_ id: String) -> String { "verdict.later." + id }

    /// The positions (ascending) of the towns whose verdict in the period shown rests on a plan
    /// first derivable from a later period (`Checker.laterPlanPeriod`: undecided, `?`): stored in
    /// the snapshot per period (`laterPlanTownsName`), else worked out over every town.
    func laterPlanTowns() -> [Int] {
        guard let period else { return [] }
        if let derived = facts.derived {
            return derived.rowSet(Self.laterPlanTownsName(period.id)) ?? []
        }
        let checker = self.checker
        return dataset.townIndices.filter { checker.laterPlanPeriod(dataset.town(at: $0), period: period) != nil }
    }

    /// The names of the stored rows, among `laterPlanTowns` of period `id`, of the towns whose verdict
    /// is undecided (`ScheduleReadings.isUndecided`: some reading known) and of those of them behind
    /// by their rate (`byRate` below 0): their parts in the sums' `?N` (`suspectFlags`) without
    /// deriving each one's year's plan when the period is shown (wave 23: `]` at 10,000 x 60 spent
    /// 40% of its time there).
    static func laterPlanUndecidedName(_ id: String) -> String { "verdict.later.undecided." + id }
    static func laterPlanBehindByRateName(_ id: String) -> String { "verdict.later.behind-by-rate." + id }

    /// The names of the stored rows of period `id`'s towns whose part in the sums' flags
    /// (`suspectFlags`, a `SumFlags` per town) has `plan`, `done`, `undecided` or
    /// `undecidedBehindByRate` set: the whole of `suspectFlags` for the period, so the overview's
    /// first frame asks no town's checks (at 10,000 x 60 its `sumFlags` was half of that frame's
    /// `configure`, ~2.5 ms of the main thread: each named town's year's plan derived and checked).
    static func sumPartsName(_ part: String, _ id: String) -> String { "sums.parts.\(part)." + id }
    static let sumPartKinds = ["plan", "done", "undecided", "undecided-behind-by-rate"]

    /// The period shown's `suspectFlags` as stored row sets (`sumPartsName`; ascending positions, a
    /// town in a set where its part has that flag). Writing a snapshot, the state holds no stored
    /// tables, so they are worked out (`workedOutSuspectFlags`) and kept for the period's other lists.
    func sumPartsRowSets(_ id: String) -> [String: [Int]] {
        var sets = Dictionary(uniqueKeysWithValues: Self.sumPartKinds.map { (Self.sumPartsName($0, id), [Int]()) })
        for (i, part) in suspectFlags().sorted(by: { $0.key < $1.key }) {
            if part.plan { sets[Self.sumPartsName("plan", id)]!.append(i) }
            if part.done { sets[Self.sumPartsName("done", id)]!.append(i) }
            if part.undecided > 0 { sets[Self.sumPartsName("undecided", id)]!.append(i) }
            if part.undecidedBehindByRate > 0 { sets[Self.sumPartsName("undecided-behind-by-rate", id)]!.append(i) }
        }
        return sets
    }

    /// The period shown's `suspectFlags` as the snapshot stores them (`sumPartsRowSets`): only the
    /// towns with a part set (a town with none adds nothing to any sum's flags); nil when not
    /// stored (the text loaded without a snapshot, a snapshot without them) or when a stored
    /// position is no town's or a town is counted behind by its rate without being undecided.
    func storedSuspectFlags() -> [Int: SumFlags]? {
        guard let period, let derived = facts.derived else { return nil }
        var sets: [[Int]] = []
        for kind in Self.sumPartKinds {
            guard let rows = derived.rowSet(Self.sumPartsName(kind, period.id)) else { return nil }
            sets.append(rows)
        }
        let count = dataset.townCount
        guard sets.allSatisfy({ ($0.last ?? -1) < count }) else { return nil }
        var parts: [Int: SumFlags] = [:]
        for i in sets[0] { parts[i, default: SumFlags()].plan = true }
        for i in sets[1] { parts[i, default: SumFlags()].done = true }
        for i in sets[2] { parts[i, default: SumFlags()].undecided = 1 }
        for i in sets[3] {
            guard parts[i]?.undecided == 1 else { return nil }
            parts[i]!.undecidedBehindByRate = 1
        }
        return parts
    }

    /// Of `later` (`laterPlanTowns`), the undecided ones and those behind by their rate, as the
    /// snapshot stores them (nil: not stored, e.g. the text loaded without a snapshot).
    func storedLaterPlanReadings() -> (undecided: Set<Int>, behindByRate: Set<Int>)? {
        guard let period, let derived = facts.derived,
              let undecided = derived.rowSet(Self.laterPlanUndecidedName(period.id)),
              let behind = derived.rowSet(Self.laterPlanBehindByRateName(period.id)) else { return nil }
        return (Set(undecided), Set(behind))
    }

    /// The towns (positions in `dataset.towns`, ascending) whose verdict is undecided in the period
    /// shown (`ScheduleReadings.isUndecided`: `?` in the list, the overview's `?N`, `b`'s count):
    /// the snapshot's stored overview's (`DerivedOverview.undecided`, the whole city's) where it is
    /// stored, else every town asked once per period (`ViewCache.undecidedTowns`).
    func undecidedTowns() -> [Int] {
        guard let period else { return [] }
        if let stored = facts.derived?.overview(period.id)?.undecided,
           stored.allSatisfy({ dataset.townIndices.contains($0) }) { return stored }
        return cache.undecidedTowns(periodIndex) {
            let checker = self.checker, towns = dataset.towns
            return towns.indices.filter { checker.isVerdictUndecided(towns[$0], period: period) }
        }
    }

    /// Of `later` (positions), the undecided ones and those behind by their rate, worked out.
    func laterPlanReadings(_ later: [Int]) -> (undecided: [Int], behindByRate: [Int]) {
        guard let period else { return ([], []) }
        var undecided: [Int] = [], behind: [Int] = []
        for i in later where dataset.townIndices.contains(i) {
            let town = dataset.town(at: i)
            let readings = checker.remembering(town, years: [period.year]).scheduleReadings(town, period: period)
            guard readings.isUndecided else { continue }
            undecided.append(i)
            if (readings.byRate ?? 0) < 0 { behind.append(i) }
        }
        return (undecided, behind)
    }

    /// The name of the stored positions (in `Facts.totalKeysInOrder`) of the reported totals a
    /// check on sums fails on (`Facts.sumCheckedKeys`): the sums whose `!` `sumFlags` gives for it.
    static let sumCheckedTotalsName = "findings.inconsistent.sums"

    /// The reported totals a check on sums fails on (`Facts.sumCheckedKeys`), from the snapshot
    /// when it stores them (`sumCheckedTotalsName`), else from the findings.
    func sumCheckedKeys() -> Set<FigureKey> {
        let derived = facts.derived
        return facts.sumCheckedKeys(stored: { derived?.rowSet(Self.sumCheckedTotalsName) })
    }
}

import Foundation
import TownsCore

/// What a dataset implies, made once per dataset and shared by reference by every state
/// shown with it: the dataset, its metrics (derivations), the consistency checker, the
/// pinyin index, and indexes over the towns (by type, by entity, by id, which towns have
/// figures of each period) with the findings of every check.
///
/// Immutable as seen from outside: the indexes and findings are worked out the first time
/// they are asked for (a dashboard at province scale should not pay at start-up for what it
/// may never show) and never change after. Row makers in lists hold the facts, never the
/// memo of lists (`ViewCache`), so no list keeps the lists alive.
///
/// `@unchecked Sendable`: the lazily made values are read and written only under `lock`.
public final class Facts: @unchecked Sendable {
    public let dataset: Dataset
    public let metrics: Metrics
    let checker: Checker
    /// Pinyin forms for search and sorting, computed on first use (thread-safe), from the
    /// readings stored in the snapshot when there is one (`DerivedKeys.syllables`).
    public let searchIndex: SearchIndex
    /// The position of each period in `dataset.periods`, by id.
    let periodPositions: [String: Int]

    /// The position in `dataset.periods` of the period with this id, if the data has it.
    func position(of periodID: String?) -> Int? { periodID.flatMap { periodPositions[$0] } }

    /// The tables stored in the snapshot the dataset was read from (`DerivedTables`: every
    /// period's towns table and year plans, derived when it was written), or nil: then every
    /// table is derived here. Only ever given with the dataset of the same snapshot.
    public let derived: DerivedTables?

    /// `rememberingYearPlans`: the metrics and the checker keep each town's derived year plans
    /// once worked out (`Metrics.rememberingYearPlans`; the snapshot's write, which asks for them
    /// many times a period); the same figures either way.
    public init(dataset: Dataset, derived: DerivedTables? = nil, rememberingYearPlans: Bool = false) {
        self.dataset = dataset
        self.derived = derived?.townCount == dataset.townCount ? derived : nil
        if let keys = self.derived?.keys {
            searchIndex = SearchIndex(stored: { keys.syllables() })
        } else {
            searchIndex = SearchIndex()
        }
        let metrics = Metrics(dataset: dataset)
        self.metrics = rememberingYearPlans ? metrics.rememberingYearPlans() : metrics
        var checker = Checker(metrics: self.metrics)
        if let derived = self.derived {
            // The towns an inconsistency names, as the snapshot stores them (`suspectTowns`): the
            // others' figures are flagged by no check (`Checker.suspects`). Decoded when a `!` is
            // first asked; a stored set with a position beyond the towns is not used.
            checker.suspects = SuspectTowns {
                guard let rows = derived.rowSet(AppState.suspectTownsName),
                    rows.allSatisfy(dataset.townIndices.contains) else { return nil }
                return Set(rows.map { dataset.townID(at: $0) })
            }
        }
        self.checker = checker
        var positions: [String: Int] = [:]
        for (i, p) in dataset.periods.enumerated() where positions[p.id] == nil { positions[p.id] = i }
        self.periodPositions = positions
    }

    private let lock = NSLock()
    private var findingsMade: [Finding]?
    private var inconsistent: Set<String>?
    private var sumChecked: Set<FigureKey>?
    /// `sumCheckFails` by "key@period".
    private var sumChecksAsOf: [String: Bool] = [:]
    private var byEntity: EntityTowns?
    private var byType: [Int: [Int]]?
    private var withFigures: [String: [Int]]?
    private var planned: [ShownFigure?]?
    private var textWidths: [Language: (name: Int, county: Int)] = [:]
    private var byID: [String: Int]?
    /// The id and position of the town `townPosition` last found by a scan (no `byID` made).
    private var lastFound: (id: String, position: Int)?
    private var entityIndex: [String: OperatingEntity]?
    private var warmNames = false
    /// `storedSearchTexts` once decoded (empty: not decodable).
    private var searchTextsStored: [[UInt8]]?

    /// Every consistency finding (`Checker.run`), worked out once.
    public var findings: [Finding] { remembered(\.findingsMade) { checker.run() } }

    /// The ids of the towns an inconsistency finding names (`findings`), worked out once: every
    /// towns table's sums ask which of their towns' figures a check casts doubt on (`sumFlags`).
    var inconsistentTownIDs: Set<String> {
        remembered(\.inconsistent) { Set(findings.filter { $0.kind == .inconsistency }.compactMap(\.townID)) }
    }

    /// The city's reported totals, in the order `sumCheckedKeys` numbers them when stored: by
    /// period, then measure.
    var totalKeysInOrder: [FigureKey] {
        dataset.totals.keys.sorted { ($0.period ?? "", $0.measure.rawValue) < ($1.period ?? "", $1.measure.rawValue) }
    }

    /// The reported totals a check on sums fails on (the known towns' figures summing past the
    /// total, `Finding.Detail.knownExceedTotal`, or every town's known and their sum not the total,
    /// an inconsistent `.totalOfAll`): a sum of the towns' figures of such a key carries `!`.
    /// Worked out once: from `stored` (positions in `totalKeysInOrder`, as the snapshot keeps
    /// them) when given, else from `findings`.
    func sumCheckedKeys(stored: () -> [Int]?) -> Set<FigureKey> {
        remembered(\.sumChecked) {
            if let positions = stored() {
                guard !positions.isEmpty else { return [] }
                let keys = totalKeysInOrder
                return Set(positions.compactMap { keys.indices.contains($0) ? keys[$0] : nil })
            }
            return Set(findings.compactMap { f -> FigureKey? in
                guard f.kind == .inconsistency, f.townID == nil else { return nil }
                switch f.detail {
                case let .knownExceedTotal(key, _, _), let .totalOfAll(key, _, _): return key
                default: return nil
                }
            })
        }
    }

    /// Whether the check on sums of `key` fails as of `period` (`Checker.sumCheckFails(_:asOf:)`),
    /// worked out once per key and period (asked only for a key whose check fails at all).
    func sumCheckFails(_ key: FigureKey, asOf period: Period) -> Bool {
        let name = key.description + "@" + period.id
        if let known = withLock({ sumChecksAsOf[name] }) { return known }
        let fails = checker.sumCheckFails(key, asOf: period)
        withLock { sumChecksAsOf[name] = fails }
        return fails
    }

    /// The number of findings of each kind (a kind with none may be missing): stored in the
    /// snapshot (`DerivedTables.findingCounts`), else counted from `findings`.
    public var findingCounts: [Finding.Kind: Int] {
        if let stored = derived?.findingCounts { return stored }
        return Dictionary(findings.map { ($0.kind, 1) }, uniquingKeysWith: +)
    }

    /// Each town's search text, by position in `dataset.towns` (`AppState.townSearchText`).
    let townSearchText = SharedTexts()

    /// Every town's search text as the snapshot stores it (`DerivedKeys.searchTexts`), decoded
    /// once when first asked for; nil when not stored (then `townSearchText` makes each).
    var storedSearchTexts: [[UInt8]]? {
        guard let keys = derived?.keys, keys.hasSearchTexts else { return nil }
        let texts = remembered(\.searchTextsStored) { keys.searchTexts() ?? [] }
        return texts.count == dataset.townCount ? texts : nil
    }

    /// Which towns (by position in `dataset.towns`) a search's needles find in the texts the
    /// snapshot stores (`DerivedKeys.searchTextTowns`, read in place: nothing decoded), or nil
    /// when the snapshot stores none for these towns (then `storedSearchTexts` or `townSearchText`).
    var storedSearchTowns: (@Sendable ([[UInt8]]) -> [Bool]?)? {
        guard let keys = derived?.keys, keys.hasSearchTexts else { return nil }
        let count = dataset.townCount
        return { needles in keys.searchTextTowns(holdingAny: needles).flatMap { $0.count == count ? $0 : nil } }
    }

    /// Whether `storedSearchTexts` has been decoded (a search asked for it): tests, and a
    /// measuring aid.
    var searchTextsDecoded: Bool { withLock { searchTextsStored != nil } }

    /// Whether the names' pinyin has been worked out ahead (`AppState.warm`); set once.
    var namesWarm: Bool {
        get { withLock { warmNames } }
        set { withLock { warmNames = newValue } }
    }

    /// Each town's planned projects (a figure of no period), by position in `dataset.towns`.
    var plannedProjects: [ShownFigure?] {
        remembered(\.planned) {
            derived?.plannedProjects() ?? dataset.towns.map { ShownFigure($0.figures[FigureKey(.projectsPlanned)]) }
        }
    }

    /// The widest town name and county name of the dataset in `language`, in cells (as a
    /// table measures them, `TableCell.naturalWidth`).
    /// Read from the snapshot when it stores them (`townTextWidthsName`), else measured once.
    func townTextWidths(language: Language) -> (name: Int, county: Int) {
        if let known = withLock({ textWidths[language] }) { return known }
        if let stored = derived?.keys.measure(Self.townTextWidthsName(language)), stored.count == 2 {
            withLock { textWidths[language] = (stored[0], stored[1]) }
            return (stored[0], stored[1])
        }
        let widths = measuredTownTextWidths(language: language)
        withLock { textWidths[language] = widths }
        return widths
    }

    /// The name under which a snapshot stores `townTextWidths` in `language`
    /// (`DerivedKeys.Source.measures`: the widest name, then the widest county).
    static func townTextWidthsName(_ language: Language) -> String { "towns.names.\(language.rawValue)" }

    /// `townTextWidths` measured over every town (never read from the snapshot): what a
    /// snapshot stores (`AppState.periodlessSampleMeasures`), and what is used without one. 10,000
    /// towns in a millisecond or two, on the towns view's first visit.
    func measuredTownTextWidths(language: Language) -> (name: Int, county: Int) {
        var name = 0, county = 0
        // Each town's fields read in place (a town copied whole per step cost more than the
        // measure), every county measured (cheaper than a set of the distinct ones).
        let towns = dataset.towns, zh = language == .zh
        for i in towns.indices {
            name = max(name, Self.plainWidth(zh ? towns[i].nameZH : towns[i].nameEN))
            county = max(county, Self.plainWidth(zh ? towns[i].countyZH : towns[i].countyEN))
        }
        return (name, county)
    }

    /// `TableCell.plain(text).naturalWidth`, scalar by scalar when every scalar is printable
    /// ASCII or a CJK unified ideograph (none of which joins another in a character or is
    /// changed by sanitising), else as the table measures it. 10,000 names in ~1 ms, not ~30.
    static func plainWidth(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F: total += 1
            case 0x4E00...0x9FFF: total += DisplayWidth.of(scalar)
            default: return TableCell.plain(text).naturalWidth
            }
        }
        return total
    }

    /// The operating entities by id.
    var entitiesByID: [String: OperatingEntity] {
        remembered(\.entityIndex) {
            // Each entity put in once, the first of an id kept (no array of pairs made and merged:
            // a fifth of the towns view's first visit at 10,000 towns and 3,000 entities).
            var index: [String: OperatingEntity] = [:]
            index.reserveCapacity(dataset.entities.count)
            for entity in dataset.entities where index[entity.id] == nil { index[entity.id] = entity }
            return index
        }
    }

    /// The name under which a snapshot stores `entityTowns` (`DerivedKeys.Source.measures`,
    /// `EntityTowns.numbers`).
    static let entityTownsName = "entities.towns"

    /// The towns each operating entity operates (by the entity's position in
    /// `dataset.entities`) and the towns whose source names no entity, as positions in
    /// `dataset.towns`, in file order: read from the snapshot when it stores them for these
    /// entities and towns (`entityTownsName`), else worked out once (`measuredEntityTowns`).
    /// The entities view's first visit hashed every town's entity ids for them (issue 17).
    var entityTowns: EntityTowns {
        remembered(\.byEntity) {
            if let stored = derived?.keys.measure(Self.entityTownsName),
                let towns = EntityTowns(numbers: stored, entities: dataset.entities.count,
                                        towns: dataset.townCount)
            {
                return towns
            }
            return measuredEntityTowns()
        }
    }

    /// `entityTowns` worked out from every town's entity ids (never read from the snapshot):
    /// what a snapshot stores (`AppState.periodlessSampleMeasures`), and what is used without one.
    /// An entity's towns are those naming its id (each town once, in file order), as
    /// `Dataset.towns(operatedBy:)` finds them; entities sharing an id share its towns.
    func measuredEntityTowns() -> EntityTowns {
        let entities = dataset.entities
        var first: [String: Int] = [:]
        first.reserveCapacity(entities.count)
        for k in entities.indices where first[entities[k].id] == nil { first[entities[k].id] = k }
        var lists = [[Int]](repeating: [], count: entities.count)
        var unnamed: [Int] = []
        // By position, each town's entity ids alone read in place (no copy of each town: ~50 ms
        // at 10,000 through the array's subscript; through its buffer, not even of the ids' array).
        dataset.towns.withUnsafeBufferPointer { towns in
            for i in towns.indices {
                let town = towns.baseAddress! + i
                let n = town.pointee.entityIDs.count
                if n == 0 { unnamed.append(i) }
                // Each id once (a few ids: no set made per town); an id no entity has is in no list.
                for k in 0..<n where !town.pointee.entityIDs[..<k].contains(town.pointee.entityIDs[k]) {
                    if let e = first[town.pointee.entityIDs[k]] { lists[e].append(i) }
                }
            }
        }
        for k in entities.indices {
            if let e = first[entities[k].id], e != k { lists[k] = lists[e] }
        }
        return EntityTowns(lists: lists, unnamed: unnamed)
    }

    /// The positions in `dataset.towns` of the towns the entity `id` operates (nil: the towns
    /// whose source names no entity), in file order: those naming the id, each once.
    func townPositions(operatedBy id: String?) -> [Int] {
        let index = entityTowns
        guard let id else { return index.unnamed }
        if let k = dataset.entities.firstIndex(where: { $0.id == id }) { return index.towns(ofEntityAt: k) }
        // An id no entity has (no list keeps it): every town's ids read.
        let towns = dataset.towns
        return towns.indices.filter { towns[$0].entityIDs.contains(id) }
    }

    /// The name under which a snapshot stores each town's tier in the city's first-year minimum
    /// (`Assessment.CityYearOneTiers.numbers`, `DerivedKeys.Source.measures`).
    static let cityYearOneTiersName = "assessment.cityYearOne.tiers"

    /// Each town's tier in the city's first-year minimum as the snapshot stores it
    /// (`cityYearOneTiersName`), or nil when it stores none for these towns (then
    /// `Assessment.cityYearOne` works each out).
    var storedCityYearOneTiers: Assessment.CityYearOneTiers? {
        derived?.keys.measure(Self.cityYearOneTiersName).flatMap {
            Assessment.CityYearOneTiers(numbers: $0, towns: dataset.townCount)
        }
    }

    /// For each period id (and year, for a year's plan; "" for figures of no period), the
    /// positions in `dataset.towns` of the towns with a figure of it, ascending: a town with
    /// no figure of a period has nothing to look up or derive there.
    var townsWithFigures: [String: [Int]] {
        remembered(\.withFigures) { dataset.townsWithFigures() }
    }

    /// The towns of each development type, as positions in `dataset.towns`, in file order.
    var townsByType: [Int: [Int]] {
        remembered(\.byType) {
            // The types alone (`Dataset.townTypes`: a snapshot's towns are not decoded for them).
            let townTypes = dataset.townTypes
            // Gathered by a short list of the types met (a handful), not a dictionary's hash per
            // town: 10,000 hashes were a tenth of the types view's first visit (wave 25).
            var types: [Int] = [], lists: [[Int]] = []
            var at = -1
            for i in townTypes.indices {
                let type = townTypes[i]
                if at < 0 || types[at] != type {
                    at = types.firstIndex(of: type) ?? -1
                    if at < 0 {
                        at = types.count
                        types.append(type)
                        lists.append([])
                    }
                }
                lists[at].append(i)
            }
            return Dictionary(uniqueKeysWithValues: zip(types, lists))
        }
    }

    /// The position of the town `id` in `dataset.towns` (the first, should ids repeat): from
    /// `townIndex` once made, else by reading the ids in order (a town's page opened before a
    /// list needed the index does not make it: 10,000 ids hashed, ~3 ms at a first Enter).
    func townPosition(_ id: String) -> Int? {
        let (index, last) = withLock { (byID, lastFound) }
        if let index { return index[id] }
        // The town last found by a scan, kept: a town's page asks for its town several times a
        // frame (the page, its changes, the breadcrumb), each a scan of 10,000 ids without it.
        if let last, last.id == id { return last.position }
        // The ids alone (`Dataset.townID(at:)`: a snapshot's towns are not decoded for them).
        guard let found = dataset.townIndices.first(where: { dataset.townID(at: $0) == id }) else { return nil }
        withLock { lastFound = (id, found) }
        return found
    }

    /// The position of each town in `dataset.towns`, by id (the first, should ids repeat).
    var townIndex: [String: Int] {
        remembered(\.byID) {
            var index: [String: Int] = [:]
            index.reserveCapacity(dataset.townCount)
            // The ids alone (`Dataset.townID(at:)`: a snapshot's towns are not decoded for them).
            for i in dataset.townIndices {
                let id = dataset.townID(at: i)
                if index[id] == nil { index[id] = i }
            }
            return index
        }
    }

    /// The value kept at `slot`, else made by `make` and kept. Two threads asking at once may
    /// both make it; the values are the same.
    private func remembered<T>(_ slot: ReferenceWritableKeyPath<Facts, T?>, _ make: () -> T) -> T {
        if let known = withLock({ self[keyPath: slot] }) { return known }
        let value = make()
        withLock { self[keyPath: slot] = value }
        return value
    }

    private func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Byte strings by position, each made once, from any thread.
    ///
    /// `@unchecked Sendable`: `texts` is read and written only under `lock`.
    final class SharedTexts: @unchecked Sendable {
        private var texts: [[UInt8]?] = []
        private let lock = NSLock()

        /// The text at `position` (of `count`), made by `make` when first asked for.
        func get(_ position: Int, count: Int, make: () -> [UInt8]) -> [UInt8] {
            lock.lock()
            if texts.count != count { texts = Array(repeating: nil, count: count) }
            if let known = texts[position] { lock.unlock(); return known }
            lock.unlock()
            let text = make()
            lock.lock()
            texts[position] = text
            lock.unlock()
            return text
        }
    }
}

extension Facts: Equatable {
    /// The same facts: the same object (one per dataset loaded).
    public static func == (a: Facts, b: Facts) -> Bool { a === b }
}

/// The towns of each operating entity and the towns naming none (`Facts.entityTowns`), as
/// positions in `dataset.towns`, kept in one array: entity after entity (in `dataset.entities`'
/// order), then the towns naming no entity.
struct EntityTowns: Sendable, Equatable {
    /// Every entity's towns one after another, then the towns naming none.
    private let positions: [Int]
    /// Where each entity's towns start in `positions`, then where the towns naming none start,
    /// then `positions.count`: the number of entities + 2.
    private let starts: [Int]

    /// The towns of each entity (by position in `dataset.entities`) and the towns naming none.
    init(lists: [[Int]], unnamed: [Int]) {
        var positions: [Int] = [], starts: [Int] = []
        positions.reserveCapacity(lists.reduce(unnamed.count) { $0 + $1.count })
        starts.reserveCapacity(lists.count + 2)
        for list in lists + [unnamed] {
            starts.append(positions.count)
            positions += list
        }
        starts.append(positions.count)
        self.positions = positions
        self.starts = starts
    }

    /// As a snapshot stores it (`numbers`), for `entities` entities and `towns` towns; nil when
    /// the numbers are not of that shape (a group too long or missing, numbers left over, a
    /// position beyond the towns or not ascending within its group).
    init?(numbers: [Int], entities: Int, towns: Int) {
        var positions: [Int] = [], starts: [Int] = []
        positions.reserveCapacity(max(0, numbers.count - entities - 1))
        starts.reserveCapacity(entities + 2)
        var at = 0
        for _ in 0..<(entities + 1) {
            guard at < numbers.count else { return nil }
            let n = numbers[at]
            at += 1
            guard n >= 0, n <= numbers.count - at else { return nil }
            starts.append(positions.count)
            var last = -1
            for p in numbers[at..<(at + n)] {
                guard p > last, p < towns else { return nil }
                positions.append(p)
                last = p
            }
            at += n
        }
        guard at == numbers.count else { return nil }
        starts.append(positions.count)
        self.positions = positions
        self.starts = starts
    }

    /// The stored form: each entity's number of towns then its towns, then the number of towns
    /// naming none and those towns.
    var numbers: [Int] {
        var out: [Int] = []
        out.reserveCapacity(positions.count + starts.count - 1)
        for g in 0..<(starts.count - 1) {
            out.append(starts[g + 1] - starts[g])
            out += positions[starts[g]..<starts[g + 1]]
        }
        return out
    }

    /// The number of entities.
    var entityCount: Int { starts.count - 2 }

    /// The towns of the entity at `k` in `dataset.entities`, in file order.
    func towns(ofEntityAt k: Int) -> [Int] { Array(positions[starts[k]..<starts[k + 1]]) }

    /// The number of towns of the entity at `k` in `dataset.entities`.
    func count(ofEntityAt k: Int) -> Int { starts[k + 1] - starts[k] }

    /// The towns whose source names no entity, in file order.
    var unnamed: [Int] { Array(positions[starts[entityCount]..<starts[entityCount + 1]]) }
}

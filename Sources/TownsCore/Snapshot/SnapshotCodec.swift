import Foundation

// The dataset's model, field by field, in and out of a snapshot body. Every stored property of
// every type is written; `SnapshotTests.testEveryFieldIsWritten` counts them with Mirror, so a
// field added to the model and not here fails a test instead of vanishing from snapshots.

extension SnapshotWriter {
    mutating func provenance(_ p: Provenance) {
        switch p {
        case let .reported(source, at, quote, note):
            uint(0); string(source); string(at); string(quote); string(note)
        case let .derived(formula):
            uint(1); string(formula)
        case let .interpreted(reasoning, readings):
            uint(2); string(reasoning); strings(readings)
        }
    }

    mutating func location(_ l: SourceLocation?) {
        optional(l) { w, l in w.string(l.file); w.int(l.line) }
    }

    mutating func figure(_ f: Figure) {
        switch f.quantity {
        case let .exact(value, decimals): uint(0); decimal(value); int(decimals)
        case let .moreThan(value): uint(1); decimal(value)
        }
        provenance(f.provenance)
        location(f.origin)
        string(f.basis)
        string(f.asOf)
        optional(f.interval) { w, i in w.decimal(i.lower); w.decimal(i.upper) }
        bool(f.isProjection)
    }

    /// `figures` by key: measure, then period (none first), so the bytes (and the string table's
    /// order, each text numbered where first written) never depend on the dictionary's hash order,
    /// which changes from process to process: the same text gives the same snapshot.
    mutating func figures(_ figures: [FigureKey: Figure]) {
        uint(UInt64(figures.count))
        for (key, f) in figures.sorted(by: { FigureKey.snapshotOrder($0.key, $1.key) }) {
            string(key.measure.rawValue); string(key.period)
            figure(f)
        }
    }

    mutating func town(_ t: Town) {
        string(t.id); string(t.nameZH); string(t.nameEN); string(t.countyZH); string(t.countyEN)
        string(t.countyFrom); int(t.type); string(t.typeAt); string(t.industry); string(t.industryNote)
        string(t.list.rawValue); string(t.listDate); string(t.listSource); strings(t.entityIDs)
        string(t.mode?.rawValue); string(t.modeAt); bool(t.acceleratedCounty); string(t.acceleratedCountyNote)
        optional(t.acceleratedCountySource) { $0.provenance($1) }
        bool(t.acceleratedCountyFitted); bool(t.industryFitted); string(t.reading)
        optional(t.readingSource) { $0.provenance($1) }
        location(t.origin)  // the figures: in the figure area (`figureArea`)
        string(t.industryNoteZH)
    }

    mutating func listed(_ l: ProvinceList.Listed) {
        string(l.cityZH); string(l.nameZH); string(l.countyZH); string(l.townID); location(l.origin)
        string(l.countyNote); string(l.reading); optional(l.readingSource) { $0.provenance($1) }
        string(l.listName); string(l.listDate); optional(l.provenance) { $0.provenance($1) }
    }

    mutating func province(_ p: ProvinceList) {
        string(p.nameZH); string(p.nameEN); string(p.date); int(p.reportedCount)
        optional(p.provenance) { $0.provenance($1) }
        array(p.cities) { w, c in
            w.string(c.nameZH); w.string(c.nameEN); w.int(c.reportedCount)
            w.optional(c.provenance) { $0.provenance($1) }
            w.location(c.origin)
            w.optional(c.alsoProvenance) { $0.provenance($1) }
        }
        array(p.listed) { $0.listed($1) }
        optional(p.alsoProvenance) { $0.provenance($1) }
        array(p.later) { $0.listed($1) }
    }

    mutating func problems(_ c: ProblemCatalogue) {
        array(c.problems) { w, p in
            w.string(p.id); w.int(p.number); w.string(p.nameZH); w.string(p.nameEN); w.string(p.causeZH); w.string(p.causeEN)
            w.provenance(p.provenance)
        }
        array(c.countermeasures) { w, m in
            w.string(m.id); w.string(m.group.rawValue); w.int(m.number); w.string(m.nameZH); w.string(m.nameEN)
            w.provenance(m.provenance)
        }
        array(c.flags) { w, f in w.string(f.townID); w.string(f.problemID); w.provenance(f.provenance) }
        array(c.progress) { w, p in
            w.string(p.townID); w.string(p.countermeasureID); w.string(p.status.rawValue); w.provenance(p.provenance)
        }
    }

    mutating func rule(_ r: Rule) {
        string(r.id); string(r.kind.rawValue); string(r.shortZH); string(r.titleZH); string(r.titleEN)
        string(r.text)
        uint(UInt64(r.numbers.count))
        for (name, value) in r.numbers.sorted(by: { $0.key < $1.key }) { string(name); decimal(value) }
        uint(UInt64(r.industries.count))
        for (name, list) in r.industries.sorted(by: { $0.key < $1.key }) { string(name); strings(list) }
        bool(r.lowerInAcceleratedCounties); provenance(r.provenance); location(r.origin)
    }

    mutating func issue(_ i: LoadIssue) {
        string(i.severity.rawValue); string(i.kind.rawValue); string(i.file); int(i.line); int(i.column)
        string(i.field); string(i.problem)
        // The message as data (JSON), so a snapshot's warnings are worded in either language.
        string(i.message.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) })
    }

    /// The whole dataset but its folder (given when the snapshot is read), then the warnings.
    mutating func dataset(_ d: Dataset, warnings: [LoadIssue]) {
        string(d.nameZH); string(d.nameEN); string(d.regionZH); string(d.regionEN); string(d.unit)
        bool(d.synthetic)
        array(d.periods) { w, p in
            w.string(p.id); w.string(p.labelZH); w.string(p.labelEN); w.int(p.year); w.int(p.through)
        }
        array(d.sources.values.sorted { $0.id < $1.id }) { w, s in
            w.string(s.id); w.string(s.title); w.string(s.author); w.string(s.url); w.string(s.note)
            w.string(s.publisher); w.string(s.date); w.string(s.reports); w.bool(s.checked); w.string(s.checkedNote)
        }
        array(d.types) { w, t in w.int(t.number); w.string(t.nameZH); w.string(t.nameEN); w.provenance(t.provenance) }
        array(d.entities) { w, e in
            w.string(e.id); w.string(e.nameZH); w.string(e.nameEN); w.string(e.kind); w.provenance(e.provenance)
            w.location(e.origin)
        }
        // Towns in sections of 64, each with its own strings, decoded when first asked for
        // (`LazyTowns`, format 23).
        let towns = d.towns
        let size = LazyTowns.sectionSize
        uint(UInt64((towns.count + size - 1) / size))
        for start in stride(from: 0, to: towns.count, by: size) {
            townSection(towns[start..<min(start + size, towns.count)])
        }
        figureArea(towns)
        figures(d.totals)
        array(d.rules) { $0.rule($1) }
        optional(d.province) { $0.province($1) }
        optional(d.problems) { $0.problems($1) }
        optional(d.reference) { w, r in
            w.array(r.passages) { w, p in
                w.string(p.id); w.string(p.topic); w.string(p.titleZH); w.string(p.titleEN); w.string(p.source)
                w.string(p.section); w.string(p.quote); w.strings(p.items); w.string(p.summaryEN)
                w.strings(p.townIDs); w.location(p.origin)
            }
        }
        array(d.bases.values.sorted { $0.id < $1.id }) { w, b in
            w.string(b.id); w.string(b.nameZH); w.string(b.nameEN); w.optional(b.provenance) { $0.provenance($1) }
        }
        array(d.notesZH.sorted { $0.key < $1.key }) { w, n in w.string(n.key); w.string(n.value) }
        array(warnings) { $0.issue($1) }
    }
}

extension SnapshotReader {
    mutating func word<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else { throw Self.corrupt("\(raw) is not a \(T.self)") }
        return value
    }

    mutating func optionalWord<T: RawRepresentable>(_ type: T.Type) throws -> T? where T.RawValue == String {
        guard let raw = try optionalString() else { return nil }
        guard let value = T(rawValue: raw) else { throw Self.corrupt("\(raw) is not a \(T.self)") }
        return value
    }

    mutating func provenance() throws -> Provenance {
        switch try uint() {
        case 0:
            return .reported(source: try string(), at: try optionalString(), quote: try optionalString(),
                             note: try optionalString())
        case 1: return .derived(formula: try string())
        case 2: return .interpreted(reasoning: try string(), readings: try stringArray())
        case let tag: throw Self.corrupt("a provenance of kind \(tag)")
        }
    }

    mutating func optionalProvenance() throws -> Provenance? { try optional { try $0.provenance() } }

    mutating func location() throws -> SourceLocation? {
        try optional { SourceLocation(file: try $0.string(), line: try $0.int()) }
    }

    mutating func figure() throws -> Figure {
        let quantity: Quantity
        switch try uint() {
        case 0: quantity = .exact(try decimal(), decimals: try int())
        case 1: quantity = .moreThan(try decimal())
        case let tag: throw Self.corrupt("a quantity of kind \(tag)")
        }
        var figure = Figure(quantity: quantity, provenance: try provenance(), origin: try location(),
                            basis: try optionalString(), asOf: try optionalString(),
                            interval: try optional { Interval(ordered: try $0.decimal(), try $0.decimal()) })
        figure.isProjection = try bool()
        return figure
    }

    mutating func figures() throws -> [FigureKey: Figure] {
        let n = try count()
        var result: [FigureKey: Figure] = [:]
        result.reserveCapacity(n)
        for _ in 0..<n {
            let key = FigureKey(try word(Measure.self), try optionalString())
            result[key] = try figure()
        }
        guard result.count == n else { throw Self.corrupt("a figure given twice") }
        return result
    }

    mutating func town() throws -> Town {
        var decoding = TownDecoding()
        return try town(&decoding)
    }

    /// The next town, as `town()` reads it, with what `decoding` kept from the towns before:
    /// the list stage and operating mode by their string's index (`WordCache`), entity lists
    /// of one id shared between towns that name the same (`TownDecoding.entityIDs`).
    /// Every field is read into a local first and the town made once, in one initializer:
    /// setting a field after it was made (`var town = Town(...); town.x = ...; return town`)
    /// showed as `Town`'s outlined copy and destroy (every field retained and released) in a
    /// profile of 10,000 towns' decode, and no longer does.
    mutating func town(_ decoding: inout TownDecoding) throws -> Town {
        let id = try string(), nameZH = try string(), nameEN = try string(), countyZH = try string()
        let countyEN = try string(), countyFrom = try optionalString(), type = try int()
        let typeAt = try optionalString(), industry = try optionalString(), industryNote = try optionalString()
        let list = try decoding.lists.value(try uint(), in: strings)
        let listDate = try optionalString(), listSource = try optionalString()
        let entityIDs = try decoding.entityIDs(&self)
        let modeIndex = try uint()
        let mode = try modeIndex == 0 ? nil : decoding.modes.value(modeIndex - 1, in: strings)
        let modeAt = try optionalString(), acceleratedCounty = try optionalBool()
        let acceleratedCountyNote = try optionalString(), acceleratedCountySource = try optionalProvenance()
        let acceleratedCountyFitted = try bool(), industryFitted = try bool(), reading = try optionalString()
        let readingSource = try optionalProvenance(), origin = try location(), industryNoteZH = try optionalString()
        return Town(id: id, nameZH: nameZH, nameEN: nameEN, countyZH: countyZH, countyEN: countyEN,
                    countyFrom: countyFrom, type: type, typeAt: typeAt, industry: industry, industryNote: industryNote,
                    industryNoteZH: industryNoteZH, list: list, listDate: listDate, listSource: listSource,
                    entityIDs: entityIDs, mode: mode, modeAt: modeAt, acceleratedCounty: acceleratedCounty,
                    acceleratedCountyNote: acceleratedCountyNote, acceleratedCountySource: acceleratedCountySource,
                    acceleratedCountyFitted: acceleratedCountyFitted, industryFitted: industryFitted,
                    reading: reading, readingSource: readingSource, figures: Figures(), origin: origin)
    }

    mutating func listed() throws -> ProvinceList.Listed {
        ProvinceList.Listed(cityZH: try string(), nameZH: try string(), countyZH: try optionalString(),
                            townID: try optionalString(), origin: try location(), countyNote: try optionalString(),
                            reading: try optionalString(), readingSource: try optionalProvenance(),
                            listName: try optionalString(), listDate: try optionalString(),
                            provenance: try optionalProvenance())
    }

    mutating func province() throws -> ProvinceList {
        ProvinceList(
            nameZH: try string(), nameEN: try string(), date: try optionalString(), reportedCount: try optionalInt(),
            provenance: try optionalProvenance(),
            cities: try array {
                ProvinceList.City(nameZH: try $0.string(), nameEN: try $0.string(), reportedCount: try $0.optionalInt(),
                                  provenance: try $0.optionalProvenance(), origin: try $0.location(),
                                  alsoProvenance: try $0.optionalProvenance())
            },
            listed: try array { try $0.listed() }, alsoProvenance: try optionalProvenance(),
            later: try array { try $0.listed() })
    }

    mutating func problems() throws -> ProblemCatalogue {
        ProblemCatalogue(
            problems: try array {
                .init(id: try $0.string(), number: try $0.int(), nameZH: try $0.string(), nameEN: try $0.string(),
                      causeZH: try $0.optionalString(), causeEN: try $0.optionalString(), provenance: try $0.provenance())
            },
            countermeasures: try array {
                .init(id: try $0.string(), group: try $0.word(ProblemCatalogue.Countermeasure.Group.self),
                      number: try $0.int(), nameZH: try $0.string(), nameEN: try $0.string(),
                      provenance: try $0.provenance())
            },
            flags: try array {
                .init(townID: try $0.string(), problemID: try $0.string(), provenance: try $0.provenance())
            },
            progress: try array {
                .init(townID: try $0.string(), countermeasureID: try $0.string(),
                      status: try $0.word(ProblemCatalogue.Progress.Status.self), provenance: try $0.provenance())
            })
    }

    mutating func rule() throws -> Rule {
        let id = try string(), kind = try word(Rule.Kind.self)
        let shortZH = try string(), titleZH = try string(), titleEN = try string(), text = try string()
        var numbers: [String: Decimal] = [:]
        for _ in 0..<(try count()) { numbers[try string()] = try decimal() }
        var industries: [String: [String]] = [:]
        for _ in 0..<(try count()) { industries[try string()] = try stringArray() }
        return Rule(id: id, kind: kind, shortZH: shortZH, titleZH: titleZH, titleEN: titleEN, text: text,
                    numbers: numbers, industries: industries, lowerInAcceleratedCounties: try bool(),
                    provenance: try provenance(), origin: try location())
    }

    mutating func issue() throws -> LoadIssue {
        var issue = LoadIssue(try word(LoadIssue.Severity.self), try word(LoadIssue.Kind.self), file: try string(),
                              line: try optionalInt(), column: try optionalInt(), field: try optionalString(),
                              problem: try string())
        if let json = try optionalString() {
            // A message that does not read is not worth refusing the snapshot for: the English stays.
            issue.message = try? JSONDecoder().decode(LoadMessage.self, from: Data(json.utf8))
        }
        return issue
    }

    /// The dataset (in `directory`) and its warnings, as `SnapshotWriter.dataset` wrote them.
    /// With `areaCheck`, the figure area is given to it unchecked (its check runs on another
    /// thread, `SnapshotStore.open`), else it is checked here.
    mutating func dataset(directory: String, memory: SnapshotMemory, areaCheck: FigureAreaHandOver? = nil) throws
        -> (dataset: Dataset, warnings: [LoadIssue])
    {
        let nameZH = try string(), nameEN = try string(), regionZH = try string(), regionEN = try string()
        let unit = try string(), synthetic = try bool()
        let periods = try array {
            Period(id: try $0.string(), labelZH: try $0.string(), labelEN: try $0.string(), year: try $0.int(),
                   through: try $0.int())
        }
        var sources: [String: Source] = [:]
        for s in try array({
            Source(id: try $0.string(), title: try $0.string(), author: try $0.optionalString(),
                   url: try $0.optionalString(), note: try $0.optionalString(), publisher: try $0.optionalString(),
                   date: try $0.optionalString(), reports: try $0.optionalString(), checked: try $0.optionalBool(),
                   checkedNote: try $0.optionalString())
        }) { sources[s.id] = s }
        let types = try array {
            DevelopmentType(number: try $0.int(), nameZH: try $0.string(), nameEN: try $0.string(),
                            provenance: try $0.provenance())
        }
        let entities = try array {
            OperatingEntity(id: try $0.string(), nameZH: try $0.string(), nameEN: try $0.string(),
                            kind: try $0.optionalString(), provenance: try $0.provenance(), origin: try $0.location())
        }
        // The towns' sections: where each lies, decoded when first asked for (`LazyTowns`).
        let sections = try townSectionRanges()
        // Everything read so far is decoded into memory of its own or read again from the file
        // when asked (the towns' sections): its pages go back now, before the figure area is
        // checked, not at the decode's end (at 10,000 towns ~2 MiB of the file).
        memory.release(payload: 0..<position)
        // Figures stay in the snapshot's figure area until asked for (`Figures`).
        let area = try FigureArea(&self, memory: memory, checkLater: areaCheck != nil)
        guard area.townCount == sections.starts.last!, sections.types.count == area.townCount else { throw Self.corrupt("figures of \(area.townCount) towns") }
        areaCheck?.give(area)
        let lazy = LazyTowns(memory: memory, ranges: sections.ranges, starts: sections.starts, types: sections.types,
                             idRanges: sections.idRanges, area: area)
        // Without the checksum beside (every reader but `SnapshotStore.open`, which checks the
        // eager part whole before using anything), every town is decoded now: damage throws here.
        let store = areaCheck == nil ? TownStore(array: try lazy.decodeAll()) : TownStore(lazy: lazy)
        var dataset = Dataset(nameZH: nameZH, nameEN: nameEN, regionZH: regionZH, regionEN: regionEN, unit: unit,
                              synthetic: synthetic, periods: periods, sources: sources, types: types,
                              entities: entities, townStore: store, totals: try figures(), directory: directory)
        dataset.rules = try array { try $0.rule() }
        dataset.province = try optional { try $0.province() }
        dataset.problems = try optional { try $0.problems() }
        dataset.reference = try optional {
            ReferenceText(passages: try $0.array {
                .init(id: try $0.string(), topic: try $0.string(), titleZH: try $0.string(), titleEN: try $0.string(),
                      source: try $0.string(), section: try $0.string(), quote: try $0.string(),
                      items: try $0.stringArray(), summaryEN: try $0.optionalString(), townIDs: try $0.stringArray(),
                      origin: try $0.location())
            })
        }
        for b in try array({
            Basis(id: try $0.string(), nameZH: try $0.string(), nameEN: try $0.string(),
                  provenance: try $0.optionalProvenance())
        }) { dataset.bases[b.id] = b }
        for (english, chinese) in try array({ (try $0.string(), try $0.string()) }) {
            dataset.notesZH[english] = chinese
        }
        let warnings = try array { try $0.issue() }
        return (dataset, warnings)
    }
}

extension FigureKey {
    /// The order a snapshot writes figures in: by measure (its raw value), then by period, a
    /// key of no period first. A total order over distinct keys, so sorting by it gives one
    /// sequence whatever order the keys came in.
    static func snapshotOrder(_ a: FigureKey, _ b: FigureKey) -> Bool {
        if a.measure != b.measure { return a.measure.rawValue < b.measure.rawValue }
        switch (a.period, b.period) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        default: return false
        }
    }
}

/// What decoding a section of towns keeps from one town to the next (`SnapshotReader.town(_:)`),
/// one per thread: values that many towns share, worked out once.
struct TownDecoding {
    /// List stages by their string's index.
    var lists = WordCache<ListStage>()
    /// Operating modes by their string's index.
    var modes = WordCache<OperatingMode>()
    /// Entity lists of one id already decoded, by the id's index in the table. Equal lists are
    /// one array shared (copy on write: the same value), so a town naming the one entity a town
    /// before named allocates nothing (at 10,000 towns x 60 months ~2,500 of ~8,800 lists;
    /// lists of two or more ids were nearly all distinct there, so they are not kept).
    private var singles: [Int: [String]] = [:]

    /// The next entity list (`SnapshotReader.stringArray`), from `singles` when decoded before.
    mutating func entityIDs(_ reader: inout SnapshotReader) throws -> [String] {
        let n = try reader.count()
        guard n == 1 else { return try reader.strings(count: n) }
        let index = try reader.stringIndex()
        if let known = singles[index] { return known }
        let ids = [reader.strings[index]]
        singles[index] = ids
        return ids
    }
}

/// Values of a string-backed enum (`T(rawValue:)`) by their string's index in the snapshot's
/// table, each index's value worked out once: `T(rawValue:)` compares the text with every
/// case's name (`_findStringSwitchCase`), among the top costs of decoding 10,000 towns when
/// done per town. The values are the same: the same index is the same text.
struct WordCache<T: RawRepresentable> where T.RawValue == String {
    /// Indexes seen, and their values (`values[i]` of `indexes[i]`): a handful (an enum's cases).
    private var indexes: [UInt64] = []
    private var values: [T] = []

    /// The value of the string at `index` of `strings`; corrupt when out of the table or not a `T`.
    mutating func value(_ index: UInt64, in strings: [String]) throws(SnapshotRejection) -> T {
        for i in indexes.indices where indexes[i] == index { return values[i] }
        guard index < UInt64(strings.count) else { throw .corrupt("a string reference out of the table") }
        let raw = strings[Int(index)]
        guard let value = T(rawValue: raw) else { throw .corrupt("\(raw) is not a \(T.self)") }
        if indexes.count < 16 {
            indexes.append(index)
            values.append(value)
        }
        return value
    }
}

/// Everything `Data/` holds, loaded and checked: towns with their figures, the city's
/// reported totals, periods, development types, operating entities and sources.
///
/// Built by `DatasetLoader.load(directory:)`; immutable afterwards.
public struct Dataset: Sendable {
    public var nameZH: String
    public var nameEN: String
    public var regionZH: String
    public var regionEN: String
    /// Unit of every amount, as the data declares it ("亿元").
    public var unit: String
    /// True for generated data (`towns generate`); shown on screen.
    public var synthetic: Bool
    /// Reporting periods, oldest first.
    public var periods: [Period]
    public var sources: [String: Source]
    /// Development types, by number (1-4).
    public var types: [DevelopmentType]
    /// Operating entities, in file order.
    public var entities: [OperatingEntity]
    /// Towns, in file order. A dataset read from a snapshot decodes them when first asked for
    /// (`LazyTowns`): asking for all of them decodes all; `townCount` and `town(at:)` do not.
    public var towns: [Town] {
        get { townStore.lazy?.all ?? townStore.array }
        _modify {
            townStore.materialize()
            yield &townStore.array
        }
        set { townStore = TownStore(array: newValue) }
    }
    /// Where the towns are kept: an array, or a snapshot's sections not yet decoded.
    var townStore: TownStore
    /// How many towns (without decoding a snapshot's towns).
    public var townCount: Int { townStore.lazy?.count ?? townStore.array.count }
    /// Each town's development type (`Town.type`), in order, without decoding a snapshot's towns.
    public var townTypes: [Int] { townStore.lazy?.types ?? townStore.array.map(\.type) }
    /// The figures of the town at position `i` (`town(at: i).figures`), without decoding a
    /// snapshot's town: read from its figure area when asked (`Figures`).
    public func townFigures(at i: Int) -> Figures { townStore.lazy?.figures(at: i) ?? townStore.array[i].figures }
    /// The towns' positions, `0..<townCount` (`towns.indices`, without decoding the towns).
    public var townIndices: Range<Int> { 0..<townCount }
    /// The town at position `i` (`0..<townCount`), decoding from a snapshot only its section.
    public func town(at i: Int) -> Town { townStore.lazy?.town(at: i) ?? townStore.array[i] }
    /// The id of the town at position `i` (`town(at: i).id`), the record not copied (a list's
    /// targets ask every town's when a sort puts the selection back on its town).
    public func townID(at i: Int) -> String { townStore.lazy?.id(at: i) ?? townStore.array[i].id }
    /// The city's reported totals for all its towns together.
    public var totals: [FigureKey: Figure]
    /// The folder the dataset was read from.
    public var directory: String
    /// The province's rules (rules.toml; empty when the dataset has none).
    public var rules: [Rule] = []
    /// The provincial list by city (province.toml; nil when the dataset has none).
    public var province: ProvinceList?
    /// The paper's problems and countermeasures, and per-town flags (problems.toml; nil when absent).
    public var problems: ProblemCatalogue?
    /// What the paper says, passage by passage with its section (reference.toml; nil when absent).
    public var reference: ReferenceText?
    /// Bases other than the paper's plain amounts that figures may be on (dataset.toml
    /// `[[basis]]`), by id; see `Figure.basis`.
    public var bases: [String: Basis] = [:]
    /// The Chinese words of the data's English notes, by the English (wave 11): a provenance's
    /// `note` and `also_note`, an interpretation's reasoning and readings, a source's note, from
    /// the `note_zh`, `interpreted_zh`, `readings_zh` fields beside them. The English stays the
    /// data's text; a note without Chinese words is shown in English (`note(_:chinese:)`).
    public var notesZH: [String: String] = [:]

    /// A note of the data in Chinese (`chinese`, when its Chinese words are given) or English.
    public func note(_ english: String, chinese: Bool) -> String {
        chinese ? notesZH[english] ?? english : english
    }

    public init(nameZH: String, nameEN: String, regionZH: String, regionEN: String, unit: String,
                synthetic: Bool, periods: [Period], sources: [String: Source], types: [DevelopmentType],
                entities: [OperatingEntity], towns: [Town], totals: [FigureKey: Figure], directory: String) {
        self.init(nameZH: nameZH, nameEN: nameEN, regionZH: regionZH, regionEN: regionEN, unit: unit,
                  synthetic: synthetic, periods: periods, sources: sources, types: types, entities: entities,
                  townStore: TownStore(array: towns), totals: totals, directory: directory)
    }

    init(nameZH: String, nameEN: String, regionZH: String, regionEN: String, unit: String,
         synthetic: Bool, periods: [Period], sources: [String: Source], types: [DevelopmentType],
         entities: [OperatingEntity], townStore: TownStore, totals: [FigureKey: Figure], directory: String) {
        self.nameZH = nameZH; self.nameEN = nameEN; self.regionZH = regionZH; self.regionEN = regionEN
        self.unit = unit; self.synthetic = synthetic; self.periods = periods; self.sources = sources
        self.types = types; self.entities = entities; self.townStore = townStore; self.totals = totals
        self.directory = directory
    }

    /// The town with this id, or nil.
    public func town(_ id: String) -> Town? { townIndices.first { townID(at: $0) == id }.map(town(at:)) }

    /// The period with this id ("2015-09"), or nil.
    public func period(_ id: String) -> Period? { periods.first { $0.id == id } }

    /// The development type numbered `number`, or nil.
    public func type(_ number: Int) -> DevelopmentType? { types.first { $0.number == number } }

    /// The entity with this id, or nil.
    public func entity(_ id: String) -> OperatingEntity? { entities.first { $0.id == id } }

    /// Towns of development type `number`, in file order.
    public func towns(ofType number: Int) -> [Town] { towns.filter { $0.type == number } }

    /// Towns an entity operates, in file order.
    public func towns(operatedBy entityID: String) -> [Town] { towns.filter { $0.entityIDs.contains(entityID) } }
}

extension Dataset {
    /// A data file's path (a `SourceLocation.file`, as the loader names it: the dataset folder
    /// and the file's name) as it is in the dataset folder, for a citation: `figures.toml`,
    /// `monthly/2015-10.toml` (wave 23's F17: an imported month was cited as `2015-10.toml`, a
    /// file the folder does not hold). A path outside `directory` (as the folder was spelled
    /// when the snapshot was written) is cited by its name, under `monthly/` when that is its folder.
    public func dataPath(_ path: String) -> String {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if !directory.isEmpty, path.hasPrefix(base), path.count > base.count { return String(path.dropFirst(base.count)) }
        let parts = path.split(separator: "/")
        guard let name = parts.last else { return path }
        let folder = DatasetLoader.monthlyFolderName
        return parts.count >= 2 && parts[parts.count - 2] == folder ? "\(folder)/\(name)" : String(name)
    }
}

extension Dataset: CustomReflectable {
    /// Its fields as declared, the towns as an array (`towns`) whether kept as one or still in
    /// a snapshot's sections (`TownStore`): a dataset read from a snapshot reflects exactly as
    /// the same dataset read from the text (the snapshot's tests compare them field by field).
    public var customMirror: Mirror {
        Mirror(self, children: [
            "nameZH": nameZH, "nameEN": nameEN, "regionZH": regionZH, "regionEN": regionEN, "unit": unit,
            "synthetic": synthetic, "periods": periods, "sources": sources, "types": types, "entities": entities,
            "towns": towns, "totals": totals, "directory": directory, "rules": rules, "province": province as Any,
            "problems": problems as Any, "reference": reference as Any, "bases": bases, "notesZH": notesZH,
        ], displayStyle: .struct)
    }
}

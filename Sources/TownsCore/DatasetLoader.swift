import Foundation
import TOMLKit

/// Loads and checks a dataset folder (the bundled one is `Data/`).
///
/// The folder holds seven TOML files: `dataset.toml` (name, unit, periods), `sources.toml`,
/// `types.toml`, `entities.toml`, `towns.toml`, `figures.toml` and `totals.toml`; optionally
/// `rules.toml` and `province.toml`; and optionally a folder `monthly/` of files written by
/// `towns import` (`monthly/2015-10.toml`), read after `figures.toml` in name order. A
/// monthly file holds `[[period]]`, `[[source]]` and `[[figure]]` records in the format of
/// `dataset.toml`, `sources.toml` and `figures.toml`; its periods are merged with those of
/// `dataset.toml` in date order. The fields are documented at the top of each bundled file
/// and in README.md.
public enum DatasetLoader {
    /// The files a dataset folder must hold, in the order they are read.
    public static let fileNames = ["dataset.toml", "sources.toml", "types.toml", "entities.toml",
                                   "towns.toml", "figures.toml", "totals.toml"]
    /// Files a dataset folder may hold; read when present.
    public static let optionalFileNames = ["rules.toml", "province.toml", "problems.toml", "reference.toml"]
    /// The folder (inside the dataset folder) of imported monthly files, `YYYY-MM.toml`.
    /// Files whose name starts with `.` (an import's temporary file) are not read.
    public static let monthlyFolderName = "monthly"
    /// The largest data file read, in bytes (16 MiB); a larger one is refused by its size, unread.
    public static let maximumFileBytes = TOMLDocument.maximumBytes

    /// Instead of the monthly file `name` (e.g. `2015-10.toml`), read the file at `path`, or
    /// nothing when `path` is nil. `towns import` uses it to check a dataset without the month
    /// it replaces, and with the file it is about to put in place. A file read from `path` is
    /// named `monthly/NAME` in every problem and source: where it will live, not the temporary.
    public struct MonthlyOverride: Sendable, Equatable {
        /// File name inside `monthly/`, e.g. `2015-10.toml`.
        public var name: String
        /// The file to read in its place; nil: read no file under that name.
        public var path: String?
        public init(name: String, path: String?) { self.name = name; self.path = path }
    }

    /// Every file the loader reads in `directory`, as paths relative to it: the required files,
    /// the optional ones, then `monthly/` and each monthly file by name. The list the content
    /// fingerprint hashes and the stamps examine (`DatasetSnapshot.contentFingerprint`,
    /// `DatasetStamps`), so that the two always cover the same files.
    public static func readFileNames(directory: String) -> [String] {
        fileNames + optionalFileNames + monthlyFileNames(directory: directory).map { monthlyFolderName + "/" + $0 }
    }

    /// The monthly files of `directory` that the loader reads, sorted by name: every
    /// `monthly/*.toml` whose name does not start with `.`. Empty when there is no `monthly/`.
    public static func monthlyFileNames(directory: String) -> [String] {
        let folder = (directory as NSString).appendingPathComponent(monthlyFolderName)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
    }

    /// Loads the dataset in `directory`.
    ///
    /// - Parameter monthlyOverride: read another file in place of one monthly file, or none
    ///   (see `MonthlyOverride`); nil reads the folder as it is.
    /// - Returns: the dataset and the warnings found (unknown fields, ...).
    /// - Throws: `LoadFailure` listing every error (file, line, field, problem, class) when the
    ///   folder or any file is missing, a directory or other non-file, unreadable, a symbolic
    ///   link loop, too large, empty, not UTF-8, not valid TOML, or holds a value that is
    ///   missing, of the wrong type, negative or not finite, impossible, a duplicate (also
    ///   across `figures.toml` and the monthly files), or refers to nothing. An optional file
    ///   or `monthly/` that is there but cannot be read is an error too, never skipped.
    ///   Nothing of a failed load is returned; `LoadFailure.exitCode` is its exit status.
    public static func load(directory: String, monthlyOverride: MonthlyOverride? = nil) throws -> (dataset: Dataset,
        warnings: [LoadIssue]) {
        var loader = Loader(directory: directory, monthlyOverride: monthlyOverride)
        var dataset = loader.run()
        loader.foldUnknownTownsIntoADuplicate()
        dataset?.notesZH = loader.notesZH
        let errors = loader.issues.filter { $0.severity == .error }
        if !errors.isEmpty || dataset == nil {
            throw LoadFailure(issues: loader.issues)
        }
        return (dataset!, loader.issues)
    }
}

/// One load of a dataset folder: the problems found so far, and the readers of each file,
/// by record family (`Loader+Catalogue`, `Loader+Towns`, `Loader+Province`).
struct Loader {
    let directory: String
    let monthlyOverride: DatasetLoader.MonthlyOverride?
    var issues: [LoadIssue] = []
    /// dataset.toml's `[[basis]]` records, read before any figure (figures name them).
    var bases: [String: Basis] = [:]
    /// The Chinese words of the notes read so far, by their English (`RecordReader.note`).
    var notesZH: [String: String] = [:]
    /// The ids of towns.toml records not read for an error of their own (a missing name_zh): the
    /// other files' references to them are not reported as unknown towns (one true error, not ten).
    var townsWithErrors: Set<String> = []

    /// Reports `id`, given in `key` of record `r`, as an unknown town (towns.toml has none), unless
    /// towns.toml has it in a record with an error of its own (`townsWithErrors`), reported already.
    func unknownTown(_ r: inout RecordReader, _ key: String, _ id: String) {
        guard !townsWithErrors.contains(id) else { return }
        r.error(key, .unknownReference, LoadMessage.unknownTown(id))
    }

    /// With a duplicate town id in towns.toml, the other files' references to towns it lacks
    /// (most likely the duplicate's old id) are folded into the duplicate's error, which names them
    /// and how many (`LoadMessage.duplicateTownUnknowns`), rather than each listed after it as an
    /// error of its own (wave 34's fresh user: one duplicate, six follow-on errors).
    mutating func foldUnknownTownsIntoADuplicate() {
        guard let d = issues.firstIndex(where: {
            if case .duplicateRecord(.town, _, _)? = $0.message { return true } else { return false }
        }), case let .duplicateRecord(_, id, firstAt)? = issues[d].message else { return }
        var unknown: [String] = []
        var references = 0
        for issue in issues {
            guard case let .unknownTown(town)? = issue.message else { continue }
            references += 1
            if !unknown.contains(town) { unknown.append(town) }
        }
        guard references > 0 else { return }
        let first = issues[d]
        issues[d] = LoadIssue(first.severity, first.kind, file: first.file, line: first.line, column: first.column,
                              field: first.field,
                              .duplicateTownUnknowns(id: id, firstAt: firstAt, unknown: unknown, references: references))
        issues.removeAll { if case .unknownTown? = $0.message { return true } else { return false } }
    }

    init(directory: String, monthlyOverride: DatasetLoader.MonthlyOverride?) {
        self.directory = directory
        self.monthlyOverride = monthlyOverride
    }

    func display(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    /// The file `name` of the dataset folder, parsed; or, with `override` (an import's file about
    /// to be put in place of `name`), that file read under the name it will have: every problem,
    /// finding and source names `name` in the folder, never the temporary file. Nil, with the
    /// problem in `issues`, when it cannot be read or parsed.
    mutating func open(_ name: String, path override: String? = nil, checkParts: Bool = true) -> TOMLDocument? {
        let shown = display(name)
        do {
            return try TOMLDocument(path: override ?? shown, displayPath: shown, checkParts: checkParts)
        } catch let issue as LoadIssue {
            issues.append(issue)
        } catch {
            issues.append(LoadIssue(.error, .unreadable, file: shown, .value(.unexpected("\(error)"))))
        }
        return nil
    }

    /// The records of `[[name]]` in `document`, each with a reader positioned at its line.
    ///
    /// Without `part`, every record of the file: a large file read in parts (towns.toml or
    /// entities.toml at province scale, not only figures.toml) gives the records of all its
    /// parts, in order.
    mutating func records(_ document: TOMLDocument, _ name: String, required: Bool = true,
                          part: (table: TOMLTable, firstRecord: Int)? = nil) -> [RecordReader] {
        if part == nil, document.partCount(of: name) > 1 {
            var all: [RecordReader] = []
            for index in 0..<document.partCount(of: name) {
                all += records(document, name, required: required, part: document.part(index, of: name))
            }
            return all
        }
        let first = part?.firstRecord ?? 0
        guard let value = (part?.table ?? document.table)[name] else {
            if required {
                issues.append(LoadIssue(.error, .missing, file: document.path, field: name,
                                        .noRecords(name)))
            }
            return []
        }
        guard let array = value.array else {
            issues.append(LoadIssue(.error, .wrongType, file: document.path,
                line: document.keyLine(key: name, below: 0),
                                    field: name, .expectedRecords(name)))
            return []
        }
        var out: [RecordReader] = []
        for (j, element) in array.enumerated() {
            let i = first + j
            let line = document.headerLine(arrayOfTables: name, index: i)
            guard let table = element.table else {
                issues.append(LoadIssue(.error, .wrongType, file: document.path, line: line, field: "\(name)[\(i + 1)]",
                                        .expectedTable))
                continue
            }
            out.append(RecordReader(document: document, table: table, name: "\(name)[\(i + 1)]", line: line))
        }
        return out
    }

    mutating func finish(_ reader: RecordReader) {
        issues += reader.issues
        notesZH.merge(reader.notesZH) { first, _ in first }
    }

    /// A reader of the file's `[name]` table (dataset.toml's `[dataset]`, province.toml's
    /// `[list]`); nil, with an error naming the file, when the table is missing.
    mutating func headerTable(_ document: TOMLDocument, _ name: String) -> RecordReader? {
        guard let t = document.table[name]?.table else {
            issues.append(
                LoadIssue(.error, .missing, file: document.path, field: name, .missingTable(name)))
            return nil
        }
        return RecordReader(document: document, table: t, name: name, line: document.headerLine(table: name))
    }

    /// Warns about top-level tables and keys of `document` other than `allowed`: a misspelt
    /// `[[figures]]` would otherwise leave every figure out without a word.
    mutating func warnUnknownTables(_ document: TOMLDocument, allowed: [String]) {
        let expected = allowed.map { "[[\($0)]]" }.joined(separator: ", ")
        for key in document.table.keys.sorted() where !allowed.contains(key) {
            let line = document.headerLine(table: key) ?? document.headerLine(arrayOfTables: key,
                index: 0) ?? document.keyLine(key: key, below: 0)
            issues.append(LoadIssue(.warning, .unknownField, file: document.path, line: line, field: key,
                                    .value(.unknownTable(expected: expected))))
        }
    }

    /// Says when figures.toml holds no `[[figure]]` record while towns.toml lists towns (wave
    /// 30's fresh user: a figures.toml cut down to its comments loaded without a word, every
    /// figure `—`, while towns.toml cut so is an error). An error (`missing`, exit 12, as an
    /// empty towns.toml) when no town has a figure from any file: almost surely a file cut short.
    /// A warning when the towns' figures come from monthly/ files alone, or when an import is
    /// about to put a monthly file in place (`monthlyOverride`), so a dataset started empty
    /// can take its first month.
    mutating func checkFiguresGiven(_ figuresDoc: TOMLDocument, towns: [Town]) {
        guard !towns.isEmpty, figuresDoc.headerLine(arrayOfTables: "figure", index: 0) == nil,
              figuresDoc.table["figure"]?.array?.isEmpty ?? true else { return }
        let monthly = towns.contains { !$0.figures.isEmpty } || monthlyOverride != nil
        issues.append(LoadIssue(monthly ? .warning : .error, .missing, file: figuresDoc.path, field: "figure",
                                .noFigureRecords(towns: towns.count, monthly: monthly)))
    }

    mutating func run() -> Dataset? {
        if let problem = DataFile.folderProblem(directory, what: .dataset) {
            issues.append(problem)
            return nil
        }
        // figures.toml is opened with only its first part parsed (when it is read in parts): a
        // later part is parsed once, when its figures are read, not also here. A syntax error
        // there is then reported as if found here: the problems are put back to what the
        // opening of the files found, with the error in figures.toml's place, and nothing is
        // loaded (see `figuresSyntaxError`).
        var docs: [TOMLDocument?] = []
        var figuresIssueIndex = 0
        for name in DatasetLoader.fileNames {
            if name == "figures.toml" { figuresIssueIndex = issues.count }
            docs.append(open(name, checkParts: name != "figures.toml"))
        }
        let openIssues = issues
        func figuresSyntaxError(_ issue: LoadIssue) {
            issues = openIssues
            issues.insert(issue, at: figuresIssueIndex)
        }
        guard let meta = docs[0], let sourcesDoc = docs[1], let typesDoc = docs[2], let entitiesDoc = docs[3],
              let townsDoc = docs[4], var figuresDoc = docs[5], let totalsDoc = docs[6] else {
            if let figuresDoc = docs[5], !figuresDoc.partsParse(), case let .failure(issue) = figuresDoc.wholeFile() {
                figuresSyntaxError(issue)
            }
            return nil
        }

        // dataset.toml
        var header =
            headerTable(meta, "dataset") ?? RecordReader(document: meta, table: TOMLTable(), name: "dataset", line: nil)
        let nameZH = header.string("name_zh", required: true) ?? ""
        let nameEN = header.string("name_en") ?? nameZH
        let regionZH = header.string("region_zh", required: true) ?? ""
        let regionEN = header.string("region_en") ?? regionZH
        let unit = header.string("unit", required: true) ?? ""
        if !unit.isEmpty && unit != "亿元" {
            header.error("unit", .impossible, .unitNotSupported(unit))
        }
        let synthetic = header.bool("synthetic") ?? false
        header.warnUnknownKeys(allowed: ["name_zh", "name_en", "region_zh", "region_en", "unit", "synthetic"])
        finish(header)
        warnUnknownTables(meta, allowed: ["dataset", "period", "basis"])
        warnUnknownTables(sourcesDoc, allowed: ["source"])
        warnUnknownTables(typesDoc, allowed: ["type"])
        warnUnknownTables(entitiesDoc, allowed: ["entity"])
        warnUnknownTables(townsDoc, allowed: ["town"])
        warnUnknownTables(figuresDoc, allowed: ["figure"])
        warnUnknownTables(totalsDoc, allowed: ["total"])

        var periods: [Period] = []
        var periodOrigins: [String: SourceLocation] = [:]
        readPeriods(meta, into: &periods, origins: &periodOrigins, oldestFirst: true)
        let monthly = openMonthly()
        for document in monthly {
            readPeriods(document, into: &periods, origins: &periodOrigins, oldestFirst: false)
        }
        periods.sort { ($0.year, $0.through) < ($1.year, $1.through) }

        // sources.toml
        var sources: [String: Source] = [:]
        var sourceOrigins: [String: SourceLocation] = [:]
        readSources(sourcesDoc, required: true, into: &sources, origins: &sourceOrigins)
        for document in monthly {
            readSources(document, required: false, into: &sources, origins: &sourceOrigins)
        }

        // dataset.toml's [[basis]] records, which figures name
        readBases(meta, sources: sources)

        // types.toml
        let types = readTypes(typesDoc, sources: sources)

        // entities.toml
        let entities = readEntities(entitiesDoc, sources: sources)

        // towns.toml
        var towns = readTowns(townsDoc, types: types, entities: entities, sources: sources)
        townsDoc.release()  // its tree is not needed any more: free it before figures.toml's

        // figures.toml
        let townIndex = Dictionary(towns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let issueCountBeforeFigures = issues.count
        if !readTownFigures(figuresDoc, into: &towns, index: townIndex, periods: periods, sources: sources) {
            // A part of figures.toml does not parse.
            switch figuresDoc.wholeFile() {
            case let .failure(issue):
                figuresSyntaxError(issue)
                return nil
            case let .success(whole):
                // The whole file parses all the same: read it whole, as init would have, from
                // the start (no town has a figure before figures.toml's).
                for i in towns.indices { towns[i].figures = [:] }
                issues.removeSubrange(issueCountBeforeFigures...)
                figuresDoc.release()
                figuresDoc = whole
                readTownFigures(figuresDoc, into: &towns, index: townIndex, periods: periods, sources: sources)
            }
        }
        // monthly/*.toml, after figures.toml, in name order
        for document in monthly {
            readTownFigures(document, into: &towns, index: townIndex, periods: periods, sources: sources)
        }
        checkFiguresGiven(figuresDoc, towns: towns)
        figuresDoc.release()

        // totals.toml
        let totals = readTotals(totalsDoc, periods: periods, sources: sources, towns: towns.count)

        for doc in docs { doc?.release() }
        var dataset = Dataset(nameZH: nameZH, nameEN: nameEN, regionZH: regionZH, regionEN: regionEN, unit: unit,
                              synthetic: synthetic, periods: periods, sources: sources, types: types,
                              entities: entities,
                              towns: towns, totals: totals, directory: directory)
        dataset.bases = bases
        if DataFile.entryExists(display("rules.toml")), let rulesDoc = open("rules.toml") {
            warnUnknownTables(rulesDoc, allowed: ["rule"])
            dataset.rules = readRules(rulesDoc, sources: sources)
            rulesDoc.release()
        }
        if DataFile.entryExists(display("province.toml")), let doc = open("province.toml") {
            warnUnknownTables(doc, allowed: ["list", "city", "listed", "later"])
            dataset.province = readProvince(doc, sources: sources, towns: towns)
            doc.release()
        }
        if DataFile.entryExists(display("problems.toml")), let doc = open("problems.toml") {
            warnUnknownTables(doc, allowed: ["problem", "countermeasure", "flag", "progress"])
            dataset.problems = readProblems(doc, sources: sources, towns: towns)
        }
        if DataFile.entryExists(display("reference.toml")), let doc = open("reference.toml") {
            warnUnknownTables(doc, allowed: ["passage"])
            dataset.reference = readReference(doc, sources: sources, towns: towns)
            doc.release()
        }
        return dataset
    }
}

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
    public static let optionalFileNames = ["rules.toml", "province.toml", "problems.toml"]
    /// The folder (inside the dataset folder) of imported monthly files, `YYYY-MM.toml`.
    /// Files whose name starts with `.` (an import's temporary file) are not read.
    public static let monthlyFolderName = "monthly"

    /// Instead of the monthly file `name` (e.g. `2015-10.toml`), read the file at `path`, or
    /// nothing when `path` is nil. `towns import` uses it to check a dataset without the month
    /// it replaces, and with the file it is about to put in place.
    public struct MonthlyOverride: Sendable, Equatable {
        /// File name inside `monthly/`, e.g. `2015-10.toml`.
        public var name: String
        /// The file to read in its place; nil: read no file under that name.
        public var path: String?
        public init(name: String, path: String?) { self.name = name; self.path = path }
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
    public static func load(directory: String, monthlyOverride: MonthlyOverride? = nil) throws -> (dataset: Dataset, warnings: [LoadIssue]) {
        var loader = Loader(directory: directory, monthlyOverride: monthlyOverride)
        let dataset = loader.run()
        let errors = loader.issues.filter { $0.severity == .error }
        if !errors.isEmpty || dataset == nil {
            throw LoadFailure(issues: loader.issues)
        }
        return (dataset!, loader.issues)
    }
}

private struct Loader {
    let directory: String
    let monthlyOverride: DatasetLoader.MonthlyOverride?
    var issues: [LoadIssue] = []

    init(directory: String, monthlyOverride: DatasetLoader.MonthlyOverride?) {
        self.directory = directory
        self.monthlyOverride = monthlyOverride
    }

    func display(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    mutating func open(_ name: String, path override: String? = nil, checkParts: Bool = true) -> TOMLDocument? {
        let path = override ?? display(name)
        do {
            return try TOMLDocument(path: path, displayPath: path, checkParts: checkParts)
        } catch let issue as LoadIssue {
            issues.append(issue)
        } catch {
            issues.append(LoadIssue(.error, .unreadable, file: path, problem: "\(error)"))
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
                                        problem: "no [[\(name)]] records"))
            }
            return []
        }
        guard let array = value.array else {
            issues.append(LoadIssue(.error, .wrongType, file: document.path, line: document.keyLine(key: name, below: 0),
                                    field: name, problem: "expected [[\(name)]] records (an array of tables)"))
            return []
        }
        var out: [RecordReader] = []
        for (j, element) in array.enumerated() {
            let i = first + j
            let line = document.headerLine(arrayOfTables: name, index: i)
            guard let table = element.table else {
                issues.append(LoadIssue(.error, .wrongType, file: document.path, line: line, field: "\(name)[\(i + 1)]",
                                        problem: "expected a table"))
                continue
            }
            out.append(RecordReader(document: document, table: table, name: "\(name)[\(i + 1)]", line: line))
        }
        return out
    }

    mutating func finish(_ reader: RecordReader) { issues += reader.issues }

    /// Warns about top-level tables and keys of `document` other than `allowed`: a misspelt
    /// `[[figures]]` would otherwise leave every figure out without a word.
    mutating func warnUnknownTables(_ document: TOMLDocument, allowed: [String]) {
        let expected = allowed.map { "[[\($0)]]" }.joined(separator: ", ")
        for key in document.table.keys.sorted() where !allowed.contains(key) {
            let line = document.headerLine(table: key) ?? document.headerLine(arrayOfTables: key, index: 0) ?? document.keyLine(key: key, below: 0)
            issues.append(LoadIssue(.warning, .unknownField, file: document.path, line: line, field: key,
                                    problem: "unknown table (ignored); this file holds \(expected)"))
        }
    }

    mutating func run() -> Dataset? {
        if let problem = DataFile.folderProblem(directory, what: "the dataset folder") {
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
        var header: RecordReader
        if let t = meta.table["dataset"]?.table {
            header = RecordReader(document: meta, table: t, name: "dataset", line: meta.headerLine(table: "dataset"))
        } else {
            issues.append(LoadIssue(.error, .missing, file: meta.path, field: "dataset", problem: "missing [dataset] table"))
            header = RecordReader(document: meta, table: TOMLTable(), name: "dataset", line: nil)
        }
        let nameZH = header.string("name_zh", required: true) ?? ""
        let nameEN = header.string("name_en") ?? nameZH
        let regionZH = header.string("region_zh", required: true) ?? ""
        let regionEN = header.string("region_en") ?? regionZH
        let unit = header.string("unit", required: true) ?? ""
        if !unit.isEmpty && unit != "亿元" {
            header.error("unit", .impossible, "'\(unit)' is not supported; amounts are in 亿元")
        }
        let synthetic = header.bool("synthetic") ?? false
        header.warnUnknownKeys(allowed: ["name_zh", "name_en", "region_zh", "region_en", "unit", "synthetic"])
        finish(header)
        warnUnknownTables(meta, allowed: ["dataset", "period"])
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

        // types.toml
        var types: [DevelopmentType] = []
        for var r in records(typesDoc, "type") {
            let number = r.int("number", required: true)
            let zh = r.string("name_zh", required: true)
            let en = r.string("name_en") ?? zh
            let provenance = readProvenance(&r, sources: sources)
            if let number, !(1...4).contains(number) { r.error("number", .impossible, "\(number) is not a development type (1-4)") }
            if let number, types.contains(where: { $0.number == number }) { r.error("number", .duplicate, "duplicate type \(number)") }
            r.warnUnknownKeys(allowed: ["number", "name_zh", "name_en", "source", "at", "quote", "note", "derived"])
            if let number, let zh, let en, let provenance { types.append(DevelopmentType(number: number, nameZH: zh, nameEN: en, provenance: provenance)) }
            finish(r)
        }
        types.sort { $0.number < $1.number }

        // entities.toml
        var entities: [OperatingEntity] = []
        var entityIDSet: Set<String> = []
        for var r in records(entitiesDoc, "entity", required: false) {
            let id = r.string("id", required: true)
            let zh = r.string("name_zh", required: true)
            let en = r.string("name_en") ?? zh
            let kind = r.string("kind")
            let provenance = readProvenance(&r, sources: sources)
            if let id { checkIdentifier(&r, "id", id) }
            if let id, entityIDSet.contains(id) { r.error("id", .duplicate, "duplicate entity '\(id)'") }
            r.warnUnknownKeys(allowed: ["id", "name_zh", "name_en", "kind", "source", "at", "quote", "note", "derived"])
            if let id, let zh, let en, let provenance {
                entities.append(OperatingEntity(id: id, nameZH: zh, nameEN: en, kind: kind, provenance: provenance))
                entityIDSet.insert(id)
            }
            finish(r)
        }

        // towns.toml
        var towns: [Town] = []
        var townIDSet: Set<String> = []
        for var r in records(townsDoc, "town") {
            let id = r.string("id", required: true)
            let zh = r.string("name_zh", required: true)
            let en = r.string("name_en") ?? zh
            let countyZH = r.string("county_zh", required: true)
            let countyEN = r.string("county_en") ?? countyZH
            let type = r.int("type", required: true)
            if let type, !types.contains(where: { $0.number == type }) {
                r.error("type", .unknownReference, "\(type) is not a development type in types.toml (1-4)")
            }
            let listText = r.string("list", required: true)
            let list = listText.flatMap(ListStage.init(rawValue:))
            if let listText, list == nil {
                r.error("list", .impossible, "'\(listText)' is not a list stage (cultivation, creation, named)")
            }
            let listSource = r.string("list_source")
            if let listSource, sources[listSource] == nil { r.error("list_source", .unknownReference, "unknown source '\(listSource)' (not in sources.toml)") }
            let entityIDs = r.stringArray("entities") ?? []
            for e in entityIDs where !entityIDSet.contains(e) {
                r.error("entities", .unknownReference, "unknown entity '\(e)' (not in entities.toml)")
            }
            if Set(entityIDs).count != entityIDs.count { r.error("entities", .duplicate, "lists an entity twice") }
            let modeText = r.string("mode")
            let mode = modeText.flatMap(OperatingMode.init(rawValue:))
            if let modeText, mode == nil { r.error("mode", .impossible, "'\(modeText)' is not a mode (group-led, joint)") }
            if let id { checkIdentifier(&r, "id", id) }
            if let id, townIDSet.contains(id) { r.error("id", .duplicate, "duplicate town '\(id)'") }
            r.warnUnknownKeys(allowed: ["id", "name_zh", "name_en", "county_zh", "county_en", "county_from", "type", "type_at",
                                        "industry", "industry_note", "list", "list_date", "list_source", "entities", "mode", "mode_at",
                                        "accelerated_county", "accelerated_county_note"])
            if let id, let zh, let en, let countyZH, let countyEN, let type, let list {
                townIDSet.insert(id)
                towns.append(Town(id: id, nameZH: zh, nameEN: en, countyZH: countyZH, countyEN: countyEN,
                                  countyFrom: r.string("county_from"), type: type, typeAt: r.string("type_at"),
                                  industry: r.string("industry"), industryNote: r.string("industry_note"),
                                  list: list, listDate: r.string("list_date"), listSource: listSource,
                                  entityIDs: entityIDs, mode: mode, modeAt: r.string("mode_at"),
                                  acceleratedCounty: r.bool("accelerated_county"), acceleratedCountyNote: r.string("accelerated_county_note"),
                                  figures: [:],
                                  origin: r.line.map { SourceLocation(file: townsDoc.path, line: $0) }))
            }
            finish(r)
        }
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
        figuresDoc.release()

        // totals.toml
        var totals: [FigureKey: Figure] = [:]
        for var r in records(totalsDoc, "total", required: false) {
            if let (key, figure) = readFigure(&r, document: totalsDoc, periods: periods, sources: sources, extraKeys: []) {
                if totals[key] != nil { r.error("measure", .duplicate, "duplicate total \(key)") } else { totals[key] = figure }
            }
            finish(r)
        }

        for doc in docs { doc?.release() }
        var dataset = Dataset(nameZH: nameZH, nameEN: nameEN, regionZH: regionZH, regionEN: regionEN, unit: unit,
                              synthetic: synthetic, periods: periods, sources: sources, types: types, entities: entities,
                              towns: towns, totals: totals, directory: directory)
        if DataFile.entryExists(display("rules.toml")), let rulesDoc = open("rules.toml") {
            warnUnknownTables(rulesDoc, allowed: ["rule"])
            dataset.rules = readRules(rulesDoc, sources: sources)
            rulesDoc.release()
        }
        if DataFile.entryExists(display("province.toml")), let doc = open("province.toml") {
            warnUnknownTables(doc, allowed: ["list", "city", "listed"])
            dataset.province = readProvince(doc, sources: sources, towns: towns)
            doc.release()
        }
        if DataFile.entryExists(display("problems.toml")), let doc = open("problems.toml") {
            warnUnknownTables(doc, allowed: ["problem", "countermeasure", "flag", "progress"])
            dataset.problems = readProblems(doc, sources: sources, towns: towns)
        }
        return dataset
    }

    /// problems.toml: [[problem]], [[countermeasure]], [[flag]] and [[progress]] records.
    mutating func readProblems(_ document: TOMLDocument, sources: [String: Source], towns: [Town]) -> ProblemCatalogue {
        let provenanceKeys: Set<String> = ["source", "at", "quote", "note", "derived"]
        var problems: [ProblemCatalogue.Problem] = []
        for var r in records(document, "problem") {
            r.warnUnknownKeys(allowed: provenanceKeys.union(["id", "number", "name_zh", "name_en", "cause_zh"]))
            let id = r.string("id", required: true), number = r.int("number", required: true)
            let zh = r.string("name_zh", required: true)
            if let id, problems.contains(where: { $0.id == id }) { r.error("id", .duplicate, "duplicate problem '\(id)'") }
            let p = readProvenance(&r, sources: sources)
            if let id, let number, let zh, let p {
                problems.append(.init(id: id, number: number, nameZH: zh, nameEN: r.string("name_en") ?? zh, causeZH: r.string("cause_zh"), provenance: p))
            }
            finish(r)
        }
        var measures: [ProblemCatalogue.Countermeasure] = []
        for var r in records(document, "countermeasure", required: false) {
            r.warnUnknownKeys(allowed: provenanceKeys.union(["id", "group", "number", "name_zh", "name_en"]))
            let id = r.string("id", required: true), number = r.int("number", required: true)
            let zh = r.string("name_zh", required: true)
            let groupText = r.string("group", required: true)
            let group = groupText.flatMap(ProblemCatalogue.Countermeasure.Group.init(rawValue:))
            if let groupText, group == nil { r.error("group", .impossible, "'\(groupText)' is not a group (relationships, ecosystems, key-works)") }
            if let id, measures.contains(where: { $0.id == id }) { r.error("id", .duplicate, "duplicate countermeasure '\(id)'") }
            let p = readProvenance(&r, sources: sources)
            if let id, let number, let zh, let group, let p {
                measures.append(.init(id: id, group: group, number: number, nameZH: zh, nameEN: r.string("name_en") ?? zh, provenance: p))
            }
            finish(r)
        }
        var flags: [ProblemCatalogue.Flag] = []
        for var r in records(document, "flag", required: false) {
            r.warnUnknownKeys(allowed: provenanceKeys.union(["town", "problem"]))
            let town = r.string("town", required: true), problem = r.string("problem", required: true)
            if let town, !towns.contains(where: { $0.id == town }) { r.error("town", .unknownReference, "unknown town '\(town)' (not in towns.toml)") }
            if let problem, !problems.contains(where: { $0.id == problem }) { r.error("problem", .unknownReference, "unknown problem '\(problem)'") }
            let p = readProvenance(&r, sources: sources)
            if let town, let problem, let p { flags.append(.init(townID: town, problemID: problem, provenance: p)) }
            finish(r)
        }
        var progress: [ProblemCatalogue.Progress] = []
        for var r in records(document, "progress", required: false) {
            r.warnUnknownKeys(allowed: provenanceKeys.union(["town", "countermeasure", "status"]))
            let town = r.string("town", required: true), cm = r.string("countermeasure", required: true)
            let statusText = r.string("status", required: true)
            let status = statusText.flatMap(ProblemCatalogue.Progress.Status.init(rawValue:))
            if let statusText, status == nil { r.error("status", .impossible, "'\(statusText)' is not a status (not-started, in-progress, done)") }
            if let town, !towns.contains(where: { $0.id == town }) { r.error("town", .unknownReference, "unknown town '\(town)' (not in towns.toml)") }
            if let cm, !measures.contains(where: { $0.id == cm }) { r.error("countermeasure", .unknownReference, "unknown countermeasure '\(cm)'") }
            let p = readProvenance(&r, sources: sources)
            if let town, let cm, let status, let p { progress.append(.init(townID: town, countermeasureID: cm, status: status, provenance: p)) }
            finish(r)
        }
        return ProblemCatalogue(problems: problems, countermeasures: measures, flags: flags, progress: progress)
    }

    /// The monthly files (`monthly/*.toml`, see `DatasetLoader.monthlyFileNames`), parsed, in
    /// name order, with the override applied; tables other than period, source and figure
    /// are errors.
    mutating func openMonthly() -> [TOMLDocument] {
        let folder = display(DatasetLoader.monthlyFolderName)
        // No monthly/ is fine; one that is there but cannot be listed is an error, or its
        // months would be silently left out.
        if DataFile.entryExists(folder),
           let problem = DataFile.folderProblem(folder, what: "the folder of monthly files (YYYY-MM.toml)") {
            issues.append(problem)
            return []
        }
        var names = DatasetLoader.monthlyFileNames(directory: directory)
        if let override = monthlyOverride {
            names.removeAll { $0 == override.name }
            if override.path != nil { names.append(override.name); names.sort() }
        }
        var documents: [TOMLDocument] = []
        for name in names {
            let relative = DatasetLoader.monthlyFolderName + "/" + name
            let path = monthlyOverride?.name == name ? monthlyOverride?.path : nil
            guard let document = open(relative, path: path) else { continue }
            for key in document.table.keys.sorted() where !["period", "source", "figure"].contains(key) {
                issues.append(LoadIssue(.error, .impossible, file: document.path,
                                        line: document.headerLine(arrayOfTables: key, index: 0) ?? document.headerLine(table: key),
                                        field: key, problem: "a monthly file holds only [[period]], [[source]] and [[figure]] records"))
            }
            documents.append(document)
        }
        return documents
    }

    /// `[[period]]` records of dataset.toml (which must list them oldest first) or of a
    /// monthly file. A period defined twice, in any of the files, is an error naming the first.
    mutating func readPeriods(_ document: TOMLDocument, into periods: inout [Period], origins: inout [String: SourceLocation],
                              oldestFirst: Bool) {
        var previous: Period?
        for var r in records(document, "period", required: oldestFirst) {
            let id = r.string("id", required: true)
            let year = r.int("year", required: true)
            let through = r.int("through", required: true)
            let zh = r.string("label_zh", required: true)
            let en = r.string("label_en") ?? zh
            if let through, !(1...12).contains(through) { r.error("through", .impossible, "\(through) is not a month (1-12)") }
            if let id, let year, let through, id != String(format: "%04d-%02d", year, through) {
                r.error("id", .impossible, "'\(id)' does not match year \(year) and through \(through) (expected \(String(format: "%04d-%02d", year, through)))")
            }
            if let id, periods.contains(where: { $0.id == id }) {
                r.error("id", .duplicate, "duplicate period '\(id)'" + (origins[id].map { " (first at \($0))" } ?? ""))
            }
            r.warnUnknownKeys(allowed: ["id", "label_zh", "label_en", "year", "through"])
            if let id, let year, let through, let zh, let en, (1...12).contains(through), !periods.contains(where: { $0.id == id }) {
                if oldestFirst, let last = previous, (last.year, last.through) >= (year, through) {
                    r.error("id", .impossible, "periods must be listed oldest first ('\(id)' follows '\(last.id)')")
                }
                let period = Period(id: id, labelZH: zh, labelEN: en, year: year, through: through)
                periods.append(period)
                previous = period
                if let line = r.line { origins[id] = SourceLocation(file: document.path, line: line) }
            }
            finish(r)
        }
    }

    /// `[[source]]` records of sources.toml or of a monthly file; an id used twice is an error.
    mutating func readSources(_ document: TOMLDocument, required: Bool, into sources: inout [String: Source],
                              origins: inout [String: SourceLocation]) {
        for var r in records(document, "source", required: required) {
            let id = r.string("id", required: true)
            let title = r.string("title", required: true)
            if let id, sources[id] != nil {
                r.error("id", .duplicate, "duplicate source '\(id)'" + (origins[id].map { " (first at \($0))" } ?? ""))
            }
            let source = Source(id: id ?? "", title: title ?? "", author: r.string("author"), url: r.string("url"), note: r.string("note"))
            r.warnUnknownKeys(allowed: ["id", "title", "author", "url", "note"])
            if let id, title != nil, sources[id] == nil {
                sources[id] = source
                if let line = r.line { origins[id] = SourceLocation(file: document.path, line: line) }
            }
            finish(r)
        }
    }

    /// `[[figure]]` records of figures.toml or of a monthly file, added to their towns. A
    /// figure a town already has (same measure and period, in any file) is an error naming
    /// where the first one is.
    ///
    /// Returns false, having read the records of the parts before it, when a part of a
    /// document opened with `checkParts: false` does not parse.
    @discardableResult
    mutating func readTownFigures(_ document: TOMLDocument, into towns: inout [Town], index townIndex: [String: Int],
                                  periods: [Period], sources: [String: Source]) -> Bool {
        // A large file comes in parts, each parsed (while the one before is read) and freed in
        // turn (see TOMLDocument.forEachPart).
        document.forEachPart(of: "figure") { part in
            readTownFigureRecords(records(document, "figure", required: false, part: part), document, into: &towns,
                                  index: townIndex, periods: periods, sources: sources)
        }
    }

    mutating func readTownFigureRecords(_ readers: [RecordReader], _ document: TOMLDocument, into towns: inout [Town],
                                        index townIndex: [String: Int], periods: [Period], sources: [String: Source]) {
        for var r in readers {
            let townID = r.string("town", required: true)
            var index: Int?
            if let townID {
                index = townIndex[townID]
                if index == nil { r.error("town", .unknownReference, "unknown town '\(townID)' (not in towns.toml)") }
            }
            let parsed = readFigure(&r, document: document, periods: periods, sources: sources,
                                    extraKeys: Self.townFigureExtraKeys)
            if let index, let townID, let (key, figure) = parsed {
                if let first = towns[index].figures[key] {
                    r.error("measure", .duplicate, "duplicate figure \(key) for town '\(townID)'" + (first.origin.map { " (first at \($0))" } ?? ""))
                } else {
                    towns[index].figures[key] = figure
                }
            }
            finish(r)
        }
    }

    /// province.toml: [list], [[city]] and [[listed]] records.
    mutating func readProvince(_ document: TOMLDocument, sources: [String: Source], towns: [Town]) -> ProvinceList? {
        var header: RecordReader
        if let t = document.table["list"]?.table {
            header = RecordReader(document: document, table: t, name: "list", line: document.headerLine(table: "list"))
        } else {
            issues.append(LoadIssue(.error, .missing, file: document.path, field: "list", problem: "missing [list] table"))
            return nil
        }
        header.warnUnknownKeys(allowed: ["name_zh", "name_en", "date", "count", "source", "at", "quote", "note", "derived"])
        let nameZH = header.string("name_zh", required: true) ?? ""
        let nameEN = header.string("name_en") ?? nameZH
        let date = header.string("date")
        let count = header.int("count")
        let provenance = readProvenance(&header, sources: sources)
        finish(header)
        var cities: [ProvinceList.City] = []
        for var r in records(document, "city") {
            r.warnUnknownKeys(allowed: ["name_zh", "name_en", "count", "source", "at", "quote", "note", "derived"])
            let zh = r.string("name_zh", required: true)
            let en = r.string("name_en") ?? zh
            let n = r.int("count")
            if let n, n < 0 { r.error("count", .badAmount, "\(n) is negative") }
            if let zh, cities.contains(where: { $0.nameZH == zh }) { r.error("name_zh", .duplicate, "duplicate city '\(zh)'") }
            let p = r.has("source") || r.has("derived") ? readProvenance(&r, sources: sources) : nil
            if let zh, let en {
                cities.append(.init(nameZH: zh, nameEN: en, reportedCount: n, provenance: p,
                                    origin: r.line.map { SourceLocation(file: document.path, line: $0) }))
            }
            finish(r)
        }
        var listed: [ProvinceList.Listed] = []
        for var r in records(document, "listed") {
            r.warnUnknownKeys(allowed: ["city", "name_zh", "county_zh", "town"])
            let city = r.string("city", required: true)
            let name = r.string("name_zh", required: true)
            let town = r.string("town")
            if let city, !cities.contains(where: { $0.nameZH == city }) { r.error("city", .unknownReference, "unknown city '\(city)' (no [[city]] with that name_zh)") }
            if let town, !towns.contains(where: { $0.id == town }) { r.error("town", .unknownReference, "unknown town '\(town)' (not in towns.toml)") }
            if let town, listed.contains(where: { $0.townID == town }) { r.error("town", .duplicate, "town '\(town)' is listed twice") }
            if let city, let name {
                listed.append(.init(cityZH: city, nameZH: name, countyZH: r.string("county_zh"), townID: town,
                                    origin: r.line.map { SourceLocation(file: document.path, line: $0) }))
            }
            finish(r)
        }
        return ProvinceList(nameZH: nameZH, nameEN: nameEN, date: date, reportedCount: count, provenance: provenance,
                            cities: cities, listed: listed)
    }

    /// rules.toml: [[rule]] records; numbers by name, as the rule's kind requires.
    mutating func readRules(_ document: TOMLDocument, sources: [String: Source]) -> [Rule] {
        var rules: [Rule] = []
        let textKeys: Set<String> = ["id", "kind", "short_zh", "title_zh", "title_en", "text", "source", "at", "quote", "note", "derived",
                                     "lower_industries", "higher_industries", "lower_in_accelerated_counties"]
        let numberKeys: Set<String> = ["minimum", "lower_minimum", "maximum", "percent", "higher_percent", "years", "lower_years",
                                       "times", "minimum_rating", "tourism_rating"]
        for var r in records(document, "rule") {
            r.warnUnknownKeys(allowed: textKeys.union(numberKeys))
            let id = r.string("id", required: true)
            let kindText = r.string("kind", required: true)
            let kind = kindText.flatMap(Rule.Kind.init(rawValue:))
            if let kindText, kind == nil {
                r.error("kind", .impossible, "'\(kindText)' is not a rule kind (\(Rule.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if let id, rules.contains(where: { $0.id == id }) { r.error("id", .duplicate, "duplicate rule '\(id)'") }
            var numbers: [String: Decimal] = [:]
            for key in numberKeys where r.has(key) {
                if let (v, _) = r.decimal(key) { numbers[key] = v }
            }
            if let kind {
                for key in kind.requiredNumbers where numbers[key] == nil && !r.has(key) {
                    r.error(key, .missing, "missing (required for a \(kind.rawValue) rule)")
                }
            }
            var industries: [String: [String]] = [:]
            for key in ["lower_industries", "higher_industries"] {
                if let list = r.stringArray(key) { industries[key] = list }
            }
            let provenance = readProvenance(&r, sources: sources)
            let shortZH = r.string("short_zh", required: true)
            let titleZH = r.string("title_zh", required: true)
            if let id, let kind, let shortZH, let titleZH, let provenance {
                rules.append(Rule(id: id, kind: kind, shortZH: shortZH, titleZH: titleZH, titleEN: r.string("title_en") ?? titleZH,
                                  text: r.string("text") ?? titleZH, numbers: numbers, industries: industries,
                                  lowerInAcceleratedCounties: r.bool("lower_in_accelerated_counties") ?? false,
                                  provenance: provenance, origin: r.line.map { SourceLocation(file: document.path, line: $0) }))
            }
            finish(r)
        }
        return rules
    }

    /// Reads `source`/`at`/`quote`/`note` or `derived`: exactly one provenance.
    func readProvenance(_ r: inout RecordReader, sources: [String: Source]) -> Provenance? {
        let source = r.string("source")
        let derived = r.string("derived")
        switch (source, derived) {
        case (nil, nil):
            r.error(nil, .missing, "no provenance: give `source` (a sources.toml id) or `derived` (the formula)")
            return nil
        case (.some, .some):
            r.error("derived", .impossible, "give either `source` or `derived`, not both")
            return nil
        case let (.some(id), nil):
            guard sources[id] != nil else {
                r.error("source", .unknownReference, "unknown source '\(id)' (not in sources.toml)")
                return nil
            }
            return .reported(source: id, at: r.string("at"), quote: r.string("quote"), note: r.string("note"))
        case let (nil, .some(formula)):
            return .derived(formula: formula)
        }
    }

    /// The fields of a [[total]] record; of a [[figure]] record, with `town`.
    static let figureKeys: Set<String> = ["measure", "period", "value", "more_than", "source", "at", "quote", "note", "derived"]
    static let townFigureExtraKeys: Set<String> = ["town"]
    static let townFigureKeys = figureKeys.union(townFigureExtraKeys)

    /// Reads one [[figure]] or [[total]] record.
    func readFigure(_ r: inout RecordReader, document: TOMLDocument, periods: [Period], sources: [String: Source],
                    extraKeys: Set<String>) -> (FigureKey, Figure)? {
        r.warnUnknownKeys(allowed: extraKeys == Self.townFigureExtraKeys ? Self.townFigureKeys
                                   : extraKeys.union(Self.figureKeys))
        let measureText = r.string("measure", required: true)
        let measure = measureText.flatMap(Measure.init(rawValue:))
        if let measureText, measure == nil {
            r.error("measure", .impossible, "'\(measureText)' is not a measure (\(Measure.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let period = r.string("period")
        if let measure {
            switch measure.periodKind {
            case .none:
                if period != nil { r.error("period", .impossible, "\(measure.rawValue) covers the creation period and takes no period") }
            case .year:
                if let period {
                    if period.count != 4 || Int(period) == nil { r.error("period", .impossible, "'\(period)' is not a year (YYYY)") }
                } else { r.error("period", .missing, "missing (required for \(measure.rawValue): a year, YYYY)") }
            case .cumulative:
                if let period {
                    if !periods.contains(where: { $0.id == period }) {
                        r.error("period", .unknownReference, "'\(period)' is not a period in dataset.toml or monthly/*.toml (\(periods.map(\.id).joined(separator: ", ")))")
                    }
                } else { r.error("period", .missing, "missing (required for \(measure.rawValue): a period id such as 2015-09)") }
            }
        }
        let value = r.decimal("value")
        let bound = r.decimal("more_than")
        var quantity: Quantity?
        switch (value, bound) {
        case (nil, nil):
            if !r.has("value") && !r.has("more_than") { r.error(nil, .missing, "no `value` (or `more_than`)") }
        case (.some, .some):
            r.error("more_than", .impossible, "give either `value` or `more_than`, not both")
        case let (.some((v, d)), nil):
            quantity = .exact(v, decimals: d)
        case let (nil, .some((v, _))):
            quantity = .moreThan(v)
        }
        if let measure, let quantity {
            let v: Decimal = quantity.exactValue ?? { if case let .moreThan(b) = quantity { return b }; return 0 }()
            switch measure {
            case .startRate, .featuredShare, .planShare:
                if v > 100 { r.error(r.has("value") ? "value" : "more_than", .impossible, "\(v)% cannot be: a share is at most 100%") }
            case .projectsPlanned, .projectsStarted:
                if case let .exact(_, d) = quantity, d != 0 { r.error("value", .impossible, "\(v) is not a whole number of projects") }
            default: break
            }
        }
        let provenance = readProvenance(&r, sources: sources)
        guard let measure, let quantity, let provenance else { return nil }
        let origin = r.line.map { SourceLocation(file: document.path, line: $0) }
        return (FigureKey(measure, period), Figure(quantity: quantity, provenance: provenance, origin: origin))
    }

    func checkIdentifier(_ r: inout RecordReader, _ key: String, _ id: String) {
        let ok = !id.isEmpty && id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || $0 == "-" || $0 == "_" }
        if !ok { r.error(key, .impossible, "'\(id)' is not an identifier (ASCII letters, digits, '-', '_')") }
    }
}

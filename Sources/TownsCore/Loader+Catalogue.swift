import Foundation
import TOMLKit

/// The catalogue records of a dataset: periods, sources, development types, operating entities,
/// the monthly files, and the provenance and identifiers every record family uses.
extension Loader {
    /// The monthly files (`monthly/*.toml`, see `DatasetLoader.monthlyFileNames`), parsed, in
    /// name order, with the override applied; tables other than period, source and figure
    /// are errors.
    mutating func openMonthly() -> [TOMLDocument] {
        let folder = display(DatasetLoader.monthlyFolderName)
        // No monthly/ is fine; one that is there but cannot be listed is an error, or its
        // months would be silently left out.
        if DataFile.entryExists(folder),
           let problem = DataFile.folderProblem(folder, what: .monthly) {
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
                                        line: document.headerLine(arrayOfTables: key,
                                            index: 0) ?? document.headerLine(table: key),
                                        field: key, .value(.monthlyFileRecords)))
            }
            documents.append(document)
        }
        return documents
    }

    /// `[[period]]` records of dataset.toml (which must list them oldest first) or of a
    /// monthly file. A period defined twice, in any of the files, is an error naming the first.
    mutating func readPeriods(_ document: TOMLDocument, into periods: inout [Period],
        origins: inout [String: SourceLocation],
                              oldestFirst: Bool) {
        var previous: Period?
        for var r in records(document, "period", required: oldestFirst) {
            let id = r.string("id", required: true)
            let year = r.int("year", required: true)
            let through = r.int("through", required: true)
            let zh = r.string("label_zh", required: true)
            let en = r.string("label_en") ?? zh
            if let through, !(1...12).contains(through) {
                r.error("through", .impossible, .notAMonth(through))
            }
            if let year, !CalendarDate.years.contains(year) {
                r.error("year", .impossible, .notADataYear(year, lower: CalendarDate.years.lowerBound,
                                                          upper: CalendarDate.years.upperBound))
            }
            if let id, let year, let through, id != String(format: "%04d-%02d", year, through) {
                r.error("id", .impossible, .periodIDMismatch(id: id, year: year, through: through,
                                                             expected: String(format: "%04d-%02d", year, through)))
            }
            if let id, periods.contains(where: { $0.id == id }) {
                r.error("id", .duplicate,
                    LoadMessage.duplicateRecord(.period, id: id, firstAt: origins[id].map { "\($0)" }))
            }
            r.warnUnknownKeys(allowed: ["id", "label_zh", "label_en", "year", "through"])
            if let id, let year, let through, let zh, let en, (1...12).contains(through),
                CalendarDate.years.contains(year),
               !periods.contains(where: { $0.id == id }) {
                if oldestFirst, let last = previous, (last.year, last.through) >= (year, through) {
                    r.error("id", .impossible, .periodsOutOfOrder(id: id, after: last.id))
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
                r.error("id", .duplicate,
                    LoadMessage.duplicateRecord(.source, id: id, firstAt: origins[id].map { "\($0)" }))
            }
            let date = r.string("date")
            if let date { checkDate(&r, "date", date) }
            let source = Source(id: id ?? "", title: title ?? "", author: r.string("author"), url: r.string("url"),
                                note: r.note("note"),
                                publisher: r.string("publisher"), date: date, reports: r.string("reports"),
                                checked: r.bool("checked"), checkedNote: r.string("checked_note"))
            r.warnUnknownKeys(allowed: ["id", "title", "author", "url", "note", "publisher", "date", "reports",
                                        "checked", "checked_note"])
            if let id, title != nil, sources[id] == nil {
                sources[id] = source
                if let line = r.line { origins[id] = SourceLocation(file: document.path, line: line) }
            }
            finish(r)
        }
    }

    /// types.toml: `[[type]]` records, sorted by number (1-4).
    mutating func readTypes(_ typesDoc: TOMLDocument, sources: [String: Source]) -> [DevelopmentType] {
    var types: [DevelopmentType] = []
    for var r in records(typesDoc, "type") {
        let number = r.int("number", required: true)
        let zh = r.string("name_zh", required: true)
        let en = r.string("name_en") ?? zh
        let provenance = readProvenance(&r, sources: sources)
        if let number, !(1...4).contains(number) {
            r.error("number", .impossible, .notATypeNumber(number))
        }
        if let number, types.contains(where: { $0.number == number }) {
            r.error("number", .duplicate, .duplicateType(number))
        }
        r.warnUnknownKeys(allowed: ["number", "name_zh", "name_en", "source", "at", "quote", "note", "derived"])
        if let number, let zh, let en, let provenance {
            types.append(DevelopmentType(number: number, nameZH: zh, nameEN: en, provenance: provenance))
        }
        finish(r)
    }
    types.sort { $0.number < $1.number }

        return types
    }

    /// entities.toml: `[[entity]]` records (the file may hold none).
    mutating func readEntities(_ entitiesDoc: TOMLDocument, sources: [String: Source]) -> [OperatingEntity] {
    var entities: [OperatingEntity] = []
    var entityIDSet: Set<String> = []
    for var r in records(entitiesDoc, "entity", required: false) {
        let id = r.string("id", required: true)
        let zh = r.string("name_zh", required: true)
        let en = r.string("name_en") ?? zh
        let kind = r.string("kind")
        let provenance = readProvenance(&r, sources: sources)
        if let id { checkIdentifier(&r, "id", id) }
        if let id, entityIDSet.contains(id) { r.error("id", .duplicate,
            LoadMessage.duplicateRecord(.entity, id: id, firstAt: nil)) }
        r.warnUnknownKeys(allowed: ["id", "name_zh", "name_en", "kind", "source", "at", "quote", "note", "derived"])
        if let id, let zh, let en, let provenance {
            entities.append(OperatingEntity(id: id, nameZH: zh, nameEN: en, kind: kind, provenance: provenance,
                                            origin: r.line.map { SourceLocation(file: entitiesDoc.path, line: $0) }))
            entityIDSet.insert(id)
        }
        finish(r)
    }
        return entities
    }

    /// Reads `source`/`at`/`quote`/`note`, `derived`, or `interpreted` with `readings`: exactly
    /// one provenance. `interpreted` (the reasoning for one reading of ambiguous words) needs
    /// `readings`, every reading of the words (at least two, the one used first).
    func readProvenance(_ r: inout RecordReader, sources: [String: Source]) -> Provenance? {
        let source = r.string("source")
        let derived = r.string("derived")
        if let reasoning = r.note("interpreted") {
            if source != nil || derived != nil {
                r.error("interpreted", .impossible, .onlyOneOf(["source", "derived", "interpreted"]))
                return nil
            }
            let readings = r.readings() ?? []
            if readings.count < 2 {
                r.error("readings", .missing, .readingsTooFew)
                return nil
            }
            return .interpreted(reasoning: reasoning, readings: readings)
        }
        switch (source, derived) {
        case (nil, nil):
            r.error(nil, .missing, .noProvenance)
            return nil
        case (.some, .some):
            r.error("derived", .impossible, .onlyOneOf(["source", "derived"]))
            return nil
        case let (.some(id), nil):
            guard sources[id] != nil else {
                r.error("source", .unknownReference, LoadMessage.unknownSource(id))
                return nil
            }
            return .reported(source: id, at: r.string("at"), quote: r.string("quote"), note: r.note("note"))
        case let (nil, .some(formula)):
            return .derived(formula: formula)
        }
    }

    /// An optional second provenance of a record: `also_source` with `also_at`, `also_quote`
    /// (another source that prints the same fact); nil when absent.
    func readAlsoProvenance(_ r: inout RecordReader, sources: [String: Source]) -> Provenance? {
        guard let id = r.string("also_source") else { return nil }
        guard sources[id] != nil else {
            r.error("also_source", .unknownReference, LoadMessage.unknownSource(id))
            return nil
        }
        return .reported(source: id, at: r.string("also_at"), quote: r.string("also_quote"),
                         note: r.note("also_note"))
    }

    /// A date as a source prints it: YYYY, YYYY-MM or YYYY-MM-DD.
    func checkDate(_ r: inout RecordReader, _ key: String, _ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let ok = [1, 2, 3].contains(parts.count) && parts[0].count == 4
            && parts.dropFirst().allSatisfy { $0.count == 2 }
            && parts.allSatisfy { Int($0) != nil }
        if !ok { r.error(key, .impossible, .notADate(text, full: false)) }
    }

    /// A reading: toneless pinyin syllables of lower-case ASCII letters (ü as v), one per Chinese
    /// character of `name`, separated by single spaces.
    func checkReading(_ r: inout RecordReader, _ key: String, _ reading: String, of name: String?) {
        let syllables = reading.split(separator: " ", omittingEmptySubsequences: false)
        if syllables.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && $0.isLowercase } }) {
            r.error(key, .impossible, .notPinyin(reading))
            return
        }
        if let name {
            let han = name.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
            if han != syllables.count {
                r.error(key, .impossible, .syllableCount(reading: reading, syllables: syllables.count, name: name,
                                                         characters: han))
            }
        }
    }

    func checkIdentifier(_ r: inout RecordReader, _ key: String, _ id: String) {
        let ok = !id.isEmpty && id.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || $0 == "-" || $0 == "_"
        }
        if !ok { r.error(key, .impossible, .notAnIdentifier(id)) }
    }
}

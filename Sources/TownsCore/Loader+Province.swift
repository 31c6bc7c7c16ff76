import Foundation
import TOMLKit

/// The province-wide files: province.toml (the list by city), rules.toml and problems.toml.
extension Loader {
    /// province.toml: [list], [[city]] and [[listed]] records.
    mutating func readProvince(_ document: TOMLDocument, sources: [String: Source], towns: [Town]) -> ProvinceList? {
        guard var header = headerTable(document, "list") else { return nil }
        let alsoKeys: Set<String> = ["also_source", "also_at", "also_quote", "also_note"]
        let provenanceKeys: Set<String> = ["source", "at", "quote", "note", "derived"]
        header.warnUnknownKeys(allowed: alsoKeys.union(provenanceKeys).union(["name_zh", "name_en", "date", "count"]))
        let nameZH = header.string("name_zh", required: true) ?? ""
        let nameEN = header.string("name_en") ?? nameZH
        let date = header.string("date")
        if let date, let problem = CalendarDate.problem(date) { header.error("date", .impossible, problem) }
        let count = header.int("count")
        let provenance = readProvenance(&header, sources: sources)
        let listAlso = readAlsoProvenance(&header, sources: sources)
        finish(header)
        var cities: [ProvinceList.City] = []
        for var r in records(document, "city") {
            r.warnUnknownKeys(allowed: alsoKeys.union(provenanceKeys).union(["name_zh", "name_en", "count"]))
            let zh = r.string("name_zh", required: true)
            let en = r.string("name_en") ?? zh
            let n = r.int("count")
            if let n, n < 0 { r.error("count", .badAmount, .negative("\(n)")) }
            if let zh, cities.contains(where: { $0.nameZH == zh }) {
                r.error("name_zh", .duplicate, LoadMessage.duplicateRecord(.city, id: zh, firstAt: nil))
            }
            let p = r.has("source") || r.has("derived") ? readProvenance(&r, sources: sources) : nil
            let also = readAlsoProvenance(&r, sources: sources)
            if let zh, let en {
                cities.append(.init(nameZH: zh, nameEN: en, reportedCount: n, provenance: p,
                                    origin: r.line.map { SourceLocation(file: document.path, line: $0) },
                                    alsoProvenance: also))
            }
            finish(r)
        }
        var listed: [ProvinceList.Listed] = []
        var later: [ProvinceList.Listed] = []
        // [[listed]]: the list's own towns; [[later]]: towns of later lists, each with its source.
        for table in ["listed", "later"] {
            for var r in records(document, table, required: table == "listed") {
                var keys = ["city", "name_zh", "county_zh", "county_note", "town",
                            "reading", "reading_source", "reading_at", "reading_quote"]
                if table == "later" { keys += ["list", "list_date", "source", "at", "quote", "note"] }
                r.warnUnknownKeys(allowed: Set(keys))
                let city = r.string("city", required: true)
                let name = r.string("name_zh", required: true)
                let town = r.string("town")
                if let city, !cities.contains(where: { $0.nameZH == city }) {
                    r.error("city", .unknownReference, .unknownCity(city))
                }
                if let town, !towns.contains(where: { $0.id == town }) {
                    unknownTown(&r, "town", town)
                }
                if let town, (listed + later).contains(where: { $0.townID == town }) {
                    r.error("town", .duplicate, .townListedTwice(town))
                }
                let reading = r.string("reading")
                if let reading { checkReading(&r, "reading", reading, of: name) }
                let readingSource = sourcedField(&r, "reading", sources: sources)
                var entry = ProvinceList.Listed(cityZH: city ?? "", nameZH: name ?? "", countyZH: r.string("county_zh"),
                                                townID: town,
                                                origin: r.line.map { SourceLocation(file: document.path, line: $0) })
                entry.countyNote = r.string("county_note")
                entry.reading = reading
                entry.readingSource = readingSource
                if table == "later" {
                    entry.listName = r.string("list", required: true)
                    entry.listDate = r.string("list_date")
                    if let d = entry.listDate { checkDate(&r, "list_date", d) }
                    entry.provenance = readProvenance(&r, sources: sources)
                }
                if city != nil, name != nil {
                    if table == "listed" { listed.append(entry) } else { later.append(entry) }
                }
                finish(r)
            }
        }
        var list = ProvinceList(nameZH: nameZH, nameEN: nameEN, date: date, reportedCount: count,
                                provenance: provenance,
                                cities: cities, listed: listed)
        list.alsoProvenance = listAlso
        list.later = later
        return list
    }

    /// rules.toml: [[rule]] records; numbers by name, as the rule's kind requires.
    mutating func readRules(_ document: TOMLDocument, sources: [String: Source]) -> [Rule] {
        var rules: [Rule] = []
        let textKeys: Set<String> = ["id", "kind", "short_zh", "title_zh", "title_en", "text", "source", "at", "quote",
            "note", "derived",
                                     "lower_industries", "higher_industries", "lower_in_accelerated_counties"]
        let numberKeys: Set<String> = ["minimum", "lower_minimum", "maximum", "percent", "higher_percent", "years",
            "lower_years",
                                       "times", "minimum_rating", "tourism_rating", "tolerance"]
        for var r in records(document, "rule") {
            r.warnUnknownKeys(allowed: textKeys.union(numberKeys))
            let id = r.string("id", required: true)
            let kindText = r.string("kind", required: true)
            let kind = kindText.flatMap(Rule.Kind.init(rawValue:))
            if let kindText, kind == nil {
                r.error("kind", .impossible,
                        .notOneOf(kindText, .ruleKind, allowed: Rule.Kind.allCases.map(\.rawValue)))
            }
            if let id, rules.contains(where: { $0.id == id }) { r.error("id", .duplicate,
                LoadMessage.duplicateRecord(.rule, id: id, firstAt: nil)) }
            var numbers: [String: Decimal] = [:]
            for key in numberKeys where r.has(key) {
                if let (v, _) = r.decimal(key) { numbers[key] = v }
            }
            if let kind {
                for key in kind.requiredNumbers where numbers[key] == nil && !r.has(key) {
                    r.error(key, .missing, .missingForRule(kind.rawValue))
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
                rules.append(Rule(id: id, kind: kind, shortZH: shortZH, titleZH: titleZH,
                    titleEN: r.string("title_en") ?? titleZH,
                                  text: r.string("text") ?? titleZH, numbers: numbers, industries: industries,
                                  lowerInAcceleratedCounties: r.bool("lower_in_accelerated_counties") ?? false,
                                  provenance: provenance,
                                  origin: r.line.map { SourceLocation(file: document.path, line: $0) }))
            }
            finish(r)
        }
        return rules
    }

    /// problems.toml: [[problem]], [[countermeasure]], [[flag]] and [[progress]] records.
    mutating func readProblems(_ document: TOMLDocument, sources: [String: Source], towns: [Town]) -> ProblemCatalogue {
        let provenanceKeys: Set<String> = ["source", "at", "quote", "note", "derived"]
        var problems: [ProblemCatalogue.Problem] = []
        for var r in records(document, "problem") {
            r.warnUnknownKeys(allowed: provenanceKeys.union(["id", "number", "name_zh", "name_en", "cause_zh", "cause_en"]))
            let id = r.string("id", required: true), number = r.int("number", required: true)
            let zh = r.string("name_zh", required: true)
            if let id, problems.contains(where: { $0.id == id }) {
                r.error("id", .duplicate, LoadMessage.duplicateRecord(.problem, id: id, firstAt: nil))
            }
            let p = readProvenance(&r, sources: sources)
            if let id, let number, let zh, let p {
                problems.append(.init(id: id, number: number, nameZH: zh, nameEN: r.string("name_en") ?? zh,
                    causeZH: r.string("cause_zh"), causeEN: r.string("cause_en"), provenance: p))
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
            if let groupText, group == nil {
                r.error("group", .impossible, .notOneOf(groupText, .group,
                                                               allowed: ["relationships", "ecosystems", "key-works"]))
            }
            if let id, measures.contains(where: { $0.id == id }) {
                r.error("id", .duplicate, LoadMessage.duplicateRecord(.countermeasure, id: id, firstAt: nil))
            }
            let p = readProvenance(&r, sources: sources)
            if let id, let number, let zh, let group, let p {
                measures.append(.init(id: id, group: group, number: number, nameZH: zh,
                    nameEN: r.string("name_en") ?? zh, provenance: p))
            }
            finish(r)
        }
        var flags: [ProblemCatalogue.Flag] = []
        for var r in records(document, "flag", required: false) {
            r.warnUnknownKeys(allowed: provenanceKeys.union(["town", "problem"]))
            let town = r.string("town", required: true), problem = r.string("problem", required: true)
            if let town, !towns.contains(where: { $0.id == town }) {
                unknownTown(&r, "town", town)
            }
            if let problem, !problems.contains(where: { $0.id == problem }) {
                r.error("problem", .unknownReference, .unknownRecord(.problem, problem))
            }
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
            if let statusText, status == nil {
                r.error("status", .impossible, .notOneOf(statusText, .status,
                                                                 allowed: ["not-started", "in-progress", "done"]))
            }
            if let town, !towns.contains(where: { $0.id == town }) {
                unknownTown(&r, "town", town)
            }
            if let cm, !measures.contains(where: { $0.id == cm }) {
                r.error("countermeasure", .unknownReference, .unknownRecord(.countermeasure, cm))
            }
            let p = readProvenance(&r, sources: sources)
            if let town, let cm, let status, let p {
                progress.append(.init(townID: town, countermeasureID: cm, status: status, provenance: p))
            }
            finish(r)
        }
        return ProblemCatalogue(problems: problems, countermeasures: measures, flags: flags, progress: progress)
    }
}

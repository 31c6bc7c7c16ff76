import Foundation
import TOMLKit

/// The towns and their figures: towns.toml, figures.toml and monthly/*.toml's `[[figure]]`
/// records, and totals.toml.
extension Loader {
    /// towns.toml: `[[town]]` records, without figures (read from figures.toml and monthly/ next).
    mutating func readTowns(_ townsDoc: TOMLDocument, types: [DevelopmentType], entities: [OperatingEntity],
                            sources: [String: Source]) -> [Town] {
        let entityIDSet = Set(entities.map(\.id))
    var towns: [Town] = []
    var townIDSet: Set<String> = []
    // Where each id and name was first given: a town entered twice under another id (the same
    // name_zh or name_en) is as much a duplicate as the same id twice.
    var firstAt: [String: SourceLocation] = [:]
    for var r in records(townsDoc, "town") {
        let id = r.string("id", required: true)
        let zh = r.string("name_zh", required: true)
        let en = r.string("name_en") ?? zh
        let countyZH = r.string("county_zh", required: true)
        let countyEN = r.string("county_en") ?? countyZH
        let type = r.int("type", required: true)
        if let type, !types.contains(where: { $0.number == type }) {
            r.error("type", .unknownReference, .typeNotInTypes(type))
        }
        let listText = r.string("list", required: true)
        let list = listText.flatMap(ListStage.init(rawValue:))
        if let listText, list == nil {
            r.error("list", .impossible, .notOneOf(listText, .listStage, allowed: ["cultivation", "creation", "named"]))
        }
        if let listDate = r.string("list_date"), let problem = CalendarDate.problem(listDate) {
            r.error("list_date", .impossible, problem)
        }
        let listSource = r.string("list_source")
        if let listSource, sources[listSource] == nil {
            r.error("list_source", .unknownReference, LoadMessage.unknownSource(listSource))
        }
        let entityIDs = r.stringArray("entities") ?? []
        for e in entityIDs where !entityIDSet.contains(e) {
            r.error("entities", .unknownReference, LoadMessage.unknownEntity(e))
        }
        if Set(entityIDs).count != entityIDs.count { r.error("entities", .duplicate, .listsEntityTwice) }
        let modeText = r.string("mode")
        let mode = modeText.flatMap(OperatingMode.init(rawValue:))
        if let modeText, mode == nil {
            r.error("mode", .impossible, .notOneOf(modeText, .mode, allowed: ["group-led", "joint"]))
        }
        if let id { checkIdentifier(&r, "id", id) }
        if let id, townIDSet.contains(id) {
            r.error("id", .duplicate,
                LoadMessage.duplicateRecord(.town, id: id, firstAt: firstAt["id:" + id].map { "\($0)" }))
        }
        if let zh, let at = firstAt["zh:" + zh] {
            r.error("name_zh", .duplicate, LoadMessage.duplicateTownName(zh, firstAt: "\(at)"))
        }
        if let en = r.string("name_en"), let at = firstAt["en:" + en] {
            r.error("name_en", .duplicate, LoadMessage.duplicateTownName(en, firstAt: "\(at)"))
        }
        for (field, key) in [("id", id.map { "id:" + $0 }), ("name_zh", zh.map { "zh:" + $0 }),
                             ("name_en", r.string("name_en").map { "en:" + $0 })] {
            if let key, firstAt[key] == nil, let line = r.lineOf(field) {
                firstAt[key] = SourceLocation(file: townsDoc.path, line: line)
            }
        }
        r.warnUnknownKeys(allowed: ["id", "name_zh", "name_en", "county_zh", "county_en", "county_from", "type",
                                    "type_at", "industry", "industry_note", "industry_note_zh", "industry_fitted", "list", "list_date",
                                    "list_source", "entities", "mode", "mode_at", "accelerated_county",
                                    "accelerated_county_note", "accelerated_county_fitted",
                                    "accelerated_county_source", "accelerated_county_at", "accelerated_county_quote",
                                    "reading", "reading_source", "reading_at", "reading_quote"])
        let reading = r.string("reading")
        if let reading { checkReading(&r, "reading", reading, of: zh) }
        let readingSource = sourcedField(&r, "reading", sources: sources)
        let acceleratedSource = sourcedField(&r, "accelerated_county", sources: sources)
        let fitted = r.bool("accelerated_county_fitted") ?? false
        if fitted && acceleratedSource != nil {
            r.error("accelerated_county_fitted", .impossible, .sourcedNotFitted)
        }
        if let id, let zh, let en, let countyZH, let countyEN, let type, let list {
            townIDSet.insert(id)
            var town = Town(id: id, nameZH: zh, nameEN: en, countyZH: countyZH, countyEN: countyEN,
                            countyFrom: r.string("county_from"), type: type, typeAt: r.string("type_at"),
                            industry: r.string("industry"), industryNote: r.string("industry_note"),
                            list: list, listDate: r.string("list_date"), listSource: listSource,
                            entityIDs: entityIDs, mode: mode, modeAt: r.string("mode_at"),
                            acceleratedCounty: r.bool("accelerated_county"),
                            acceleratedCountyNote: r.string("accelerated_county_note"),
                            figures: [:],
                            origin: r.line.map { SourceLocation(file: townsDoc.path, line: $0) })
            town.acceleratedCountySource = acceleratedSource
            town.industryNoteZH = r.string("industry_note_zh")
            town.acceleratedCountyFitted = fitted
            town.industryFitted = r.bool("industry_fitted") ?? false
            town.reading = reading
            town.readingSource = readingSource
            towns.append(town)
        } else if let id, !townIDSet.contains(id) {
            townsWithErrors.insert(id)
        }
        finish(r)
    }
        return towns
    }

    /// `PREFIX_source` with `PREFIX_at` and `PREFIX_quote`: where one field of a record comes
    /// from (a town's reading, whether its county is one of the 26); nil when not given.
    func sourcedField(_ r: inout RecordReader, _ prefix: String, sources: [String: Source]) -> Provenance? {
        guard let id = r.string(prefix + "_source") else { return nil }
        guard sources[id] != nil else {
            r.error(prefix + "_source", .unknownReference, LoadMessage.unknownSource(id))
            return nil
        }
        return .reported(source: id, at: r.string(prefix + "_at"), quote: r.string(prefix + "_quote"), note: nil)
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
                if index == nil { unknownTown(&r, "town", townID) }
            }
            let parsed = readFigure(&r, document: document, periods: periods, sources: sources,
                                    extraKeys: Self.townFigureExtraKeys)
            if let index, let townID, let (key, figure) = parsed {
                if let first = towns[index].figures[key] {
                    // At the period's line where the record gives one (what sets a figure apart from
                    // the town's others of its measure: fresh user, wave 13), else the measure's; the
                    // message names the fields that together repeat.
                    let field = key.period != nil && r.has("period") ? "period" : "measure"
                    r.error(field, .duplicate, .duplicateFigure(key: "\(key)", town: townID,
                                                               firstAt: first.origin.map { "\($0)" }))
                } else {
                    towns[index].figures[key] = figure
                }
            }
            finish(r)
        }
    }

    /// totals.toml: `[[total]]` records, one per measure and period.
    /// `towns`: how many towns the dataset has (a total's bounds are theirs together, `FigureBounds`).
    mutating func readTotals(_ totalsDoc: TOMLDocument, periods: [Period],
        sources: [String: Source], towns: Int) -> [FigureKey: Figure] {
    var totals: [FigureKey: Figure] = [:]
    for var r in records(totalsDoc, "total", required: false) {
        if let (key, figure) = readFigure(&r, document: totalsDoc, periods: periods, sources: sources, extraKeys: [],
                                          totalOf: towns) {
            if totals[key] != nil { r.error("measure", .duplicate,
                .duplicateTotal("\(key)")) } else { totals[key] = figure }
        }
        finish(r)
    }
        return totals
    }

    /// The month of a period id written `YYYY-MM` whose month is not 1-12 (`2015-13` gives 13,
    /// `2015-00` 0); nil for any other id, a month period or not. Such an id can be no period of
    /// any dataset, so a figure giving it is an impossible value (exit 14), not an unknown
    /// period (exit 16).
    static func impossibleMonth(_ id: String) -> Int? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[1]), !(1...12).contains(month) else { return nil }
        return month
    }

    /// The fields of a [[total]] record; of a [[figure]] record, with `town`.
    static let figureKeys: Set<String> = ["measure", "period", "value", "more_than", "source", "at", "quote", "note",
                                          "derived", "interpreted", "readings", "basis", "as_of"]
    static let townFigureExtraKeys: Set<String> = ["town"]
    static let townFigureKeys = figureKeys.union(townFigureExtraKeys)

    /// Reads one [[figure]] or [[total]] record.
    /// `totalOf`: for a [[total]], the number of towns it sums (its bounds are theirs together,
    /// `FigureBounds`); nil for a town's figure.
    func readFigure(_ r: inout RecordReader, document: TOMLDocument, periods: [Period], sources: [String: Source],
                    extraKeys: Set<String>, totalOf: Int? = nil) -> (FigureKey, Figure)? {
        r.warnUnknownKeys(allowed: extraKeys == Self.townFigureExtraKeys ? Self.townFigureKeys
                                   : extraKeys.union(Self.figureKeys))
        let measureText = r.string("measure", required: true)
        let measure = measureText.flatMap(Measure.init(rawValue:))
        if let measureText, measure == nil {
            r.error("measure", .impossible, .notOneOf(measureText, .measure, allowed: Measure.allCases.map(\.rawValue)))
        }
        let period = r.string("period")
        if let measure {
            switch measure.periodKind {
            case .none:
                if period != nil {
                    r.error("period", .impossible, .takesNoPeriod(measure: measure.rawValue))
                }
            case .year:
                if let period {
                    if period.count != 4 || Int(period) == nil {
                        r.error("period", .impossible, .notAYear(period))
                    }
                } else { r.error("period", .missing, .missingYear(measure: measure.rawValue)) }
            case .cumulative:
                if let period {
                    if periods.contains(where: { $0.id == period }) {
                    } else if let month = Self.impossibleMonth(period) {
                        // `2015-13` is no period of any data (exit 14, a month 13), not one this
                        // data lacks (exit 16, a reference to nothing): wave 30's fresh user.
                        r.error("period", .impossible, .dateMonth(period, month: month))
                    } else {
                        r.error("period", .unknownReference, .unknownPeriod(period, known: periods.map(\.id)))
                    }
                } else {
                    r.error("period", .missing, .missingPeriod(measure: measure.rawValue))
                }
            }
        }
        let value = r.decimal("value")
        let bound = r.decimal("more_than")
        var quantity: Quantity?
        switch (value, bound) {
        case (nil, nil):
            if !r.has("value") && !r.has("more_than") { r.error(nil, .missing, .noValue) }
        case (.some, .some):
            r.error("more_than", .impossible, .onlyOneOf(["value", "more_than"]))
        case let (.some((v, d)), nil):
            quantity = .exact(v, decimals: d)
        case let (nil, .some((v, _))):
            quantity = .moreThan(v)
        }
        if let measure, let quantity {
            let v: Decimal = quantity.exactValue ?? { if case let .moreThan(b) = quantity { return b }; return 0 }()
            switch measure {
            case .startRate, .featuredShare, .planShare:
                if v > 100 {
                    r.error(r.has("value") ? "value" : "more_than", .impossible, .shareAbove100("\(v)"))
                }
            case .completionRate where v > 200 && v <= FigureBounds.completionRate:
                // Above plan is possible (the city's 2015 full year), more than twice the plan
                // is more likely a slip (720 for 72): said, not refused.
                r.warning(r.has("value") ? "value" : "more_than", .impossible, .completionAboveTwice("\(v)"))
            case .projectsPlanned, .projectsStarted:
                if case let .exact(_, d) = quantity, d != 0 {
                    r.error("value", .impossible, .notWholeProjects("\(v)"))
                }
            default: break
            }
            // Beyond what any town's figure (or a total of `totalOf` towns) can be (wave 43).
            let written: Int
            switch quantity {
            case let .exact(_, d): written = d
            default: written = bound?.1 ?? 0
            }
            if let problem = FigureBounds.problem(measure, value: v, decimals: written, towns: totalOf) {
                r.error(r.has("value") ? "value" : "more_than", .badAmount, .implausible(problem))
            }
        }
        let provenance = readProvenance(&r, sources: sources)
        let basis = r.string("basis")
        if let basis, !bases.keys.contains(basis) {
            r.error("basis", .unknownReference, .unknownBasis(basis))
        }
        var asOf = r.string("as_of")
        if let asOf { checkDate(&r, "as_of", asOf) }
        guard let measure, let quantity, let provenance else { return nil }
        // A figure with no period is dated by its source, unless it gives its own date.
        if asOf == nil, measure.periodKind == .none, case let .reported(id, _, _, _) = provenance {
            asOf = sources[id]?.date
        }
        let origin = r.line.map { SourceLocation(file: document.path, line: $0) }
        return (FigureKey(measure, period),
                Figure(quantity: quantity, provenance: provenance, origin: origin, basis: basis, asOf: asOf))
    }
}

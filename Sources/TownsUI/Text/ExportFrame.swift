import Foundation
import TownsCore

/// What stands around an export's table so that it reads alone in the minutes (issue 15
/// point 6): a heading (the title, then the dataset, period, unit, filter and sort, one a
/// line), the legend of the markers the export uses (only those), and the sources its figures
/// are cited from (each document, with the file:line of every figure taken from it).
///
/// Text and Markdown exports open with `heading` and end with `legend` and `sources`; JSON
/// holds them as fields; CSV stays one header row and the table, and the same lines go to a
/// second file beside it (`metaText`, `NAME.meta.txt`).
///
/// ```swift
/// let frame = state.exportFrame(for: content, glyphs: .unicode)
/// frame.heading[0]   // "小镇 Towns — 2015年1-9月"
/// ```
public struct ExportFrame: Equatable, Sendable {
    /// The title first, then one line each: dataset, period, unit, filter, sort.
    public var heading: [String]
    /// One line per marker used, glyph first ("≈ 推算：…"); empty when no marker is used.
    public var legend: [String]
    /// One line per source document cited, then how derived figures are worked out when any is shown.
    public var sources: [String]
    /// The line above the legend ("标记：" / "Markers:") and above the sources; "" for none.
    public var legendTitle = "", sourcesTitle = ""

    public init(heading: [String], legend: [String], sources: [String]) {
        self.heading = heading; self.legend = legend; self.sources = sources
    }

    /// The frame's lines as a text file of their own (the `.meta.txt` beside a CSV export):
    /// the heading, a blank line, the legend under its title, a blank line, the sources under theirs.
    public var metaText: String { metaText(notes: []) }

    /// `metaText` with the notes under the table (the lines a text export writes under it)
    /// after the heading, a blank line before them.
    public func metaText(notes: [String]) -> String {
        let middle = notes.isEmpty ? [] : [""] + notes
        return TerminalText.sanitizeLines((heading + middle + ending).joined(separator: "\n") + "\n")
    }

    /// What follows the table: a blank line, the legend under its title, a blank line, the
    /// sources under theirs (each block only when it has lines).
    public var ending: [String] {
        var out: [String] = []
        if !legend.isEmpty { out += [""] + (legendTitle.isEmpty ? [] : [legendTitle]) + legend }
        if !sources.isEmpty { out += [""] + (sourcesTitle.isEmpty ? [] : [sourcesTitle]) + sources }
        return out
    }
}

/// A marker an export can hold, in the order its legend lists them.
public enum ExportMarker: CaseIterable, Hashable, Sendable {
    case derived, interpreted, basis, projected, unknown, bound, check, behind, expected
    case met, notMet, undetermined, notYetDue
    case newSince, rankUp, rankDown

    /// The marker as `glyphs` writes it.
    func glyph(_ glyphs: Glyphs) -> String {
        switch self {
        case .derived: return glyphs.derived
        case .interpreted: return glyphs.interpreted
        case .basis: return glyphs.basis
        case .projected: return glyphs.projected
        case .unknown: return glyphs.unknown
        case .bound: return Glyphs.boundExample
        case .check: return "!"
        case .behind: return glyphs.behind
        case .expected: return glyphs.marker
        case .met: return glyphs.met
        case .notMet: return glyphs.notMet
        case .undetermined: return glyphs.undetermined
        case .notYetDue: return glyphs.notYetDue
        case .newSince: return glyphs.newSince
        case .rankUp: return glyphs.rankUp
        case .rankDown: return glyphs.rankDown
        }
    }

    /// What the marker means, in both languages.
    var meaning: Bilingual {
        switch self {
        case .derived: return Catalogue.exportMeansDerived
        case .interpreted: return Catalogue.exportMeansInterpreted
        case .basis: return Catalogue.exportMeansBasis
        case .projected: return Catalogue.exportMeansProjected
        case .unknown: return Catalogue.exportMeansUnknown
        case .bound: return Catalogue.exportMeansBound
        case .check: return Catalogue.exportMeansCheck
        case .behind: return Catalogue.exportMeansBehind
        case .expected: return Catalogue.exportMeansExpected
        case .met: return Catalogue.exportMeansMet
        case .notMet: return Catalogue.exportMeansNotMet
        case .undetermined: return Catalogue.exportMeansUndetermined
        case .notYetDue: return Catalogue.exportMeansNotYetDue
        case .newSince: return Catalogue.exportMeansNewSince
        case .rankUp: return Catalogue.exportMeansRankUp
        case .rankDown: return Catalogue.exportMeansRankDown
        }
    }

    /// The export marker a cell mark is; nil for marks that say nothing of a figure (the
    /// neutral `·`, the period shown's `◀`).
    init?(_ mark: Mark) {
        switch mark {
        case .unknown: self = .unknown
        case .derived: self = .derived
        case .behind: self = .behind
        case .met: self = .met
        case .notMet: self = .notMet
        case .undetermined, .laterPlan: self = .undetermined
        case .notYetDue: self = .notYetDue
        case .interpreted: self = .interpreted
        case .basis: self = .basis
        case .projected: self = .projected
        case .newSince: self = .newSince
        case .rankUp: self = .rankUp
        case .rankDown: self = .rankDown
        case .neutral, .current, .cut: return nil
        }
    }

    /// The markers `cells` hold: their marks, `!` on a figure a check fails (a cell drawn as a
    /// warning), `>N` on a lower bound, and the expected-by-now mark of bars when `withBars`
    /// (only the text form draws bars).
    static func used(in cells: [TableCell], notes: [CellText] = [], withBars: Bool) -> Set<ExportMarker> {
        var used: Set<ExportMarker> = []
        func scan(_ text: CellText, role: Role?) {
            for part in text.parts {
                switch part {
                case let .mark(m): if let e = ExportMarker(m) { used.insert(e) }
                case let .text(s):
                    if s.range(of: "[0-9%]!", options: .regularExpression) != nil { used.insert(.check) }
                    if role == .bound || s.range(of: ">[0-9]", options: .regularExpression) != nil {
                        used.insert(.bound)
                    }
                }
            }
        }
        for cell in cells {
            switch cell {
            case let .text(t, role): scan(t, role: role)
            case let .bar(fraction, _, marker): if withBars, fraction != nil, marker != nil { used.insert(.expected) }
            }
        }
        // A note that is itself a legend (the assessment's "✓ met ✗ not met ? unknown") uses no marker.
        for n in notes {
            let marks = Set(n.parts.compactMap { if case let .mark(m) = $0 { return m } else { return nil } })
            if !marks.isSuperset(of: [.met, .notMet, .undetermined]) { scan(n, role: nil) }
        }
        return used
    }
}

extension AppState {
    /// The frame of an export of `content` (the list shown, as filtered and sorted) written
    /// with `glyphs`; `withBars` when the form draws bars (text).
    public func exportFrame(for content: ListContent, glyphs: Glyphs, withBars: Bool = false) -> ExportFrame {
        let cells = (content.rows.all + content.summary).flatMap(\.cells)
        let used = ExportMarker.used(in: cells, notes: content.notes, withBars: withBars)
        return titled(ExportFrame(
            heading: exportHeading(), legend: exportLegend(used, glyphs: glyphs),
            sources: exportSources(content, derivedShown: used.contains(.derived))))
    }

    /// `frame` with the legend's and the sources' titles in the interface language.
    func titled(_ frame: ExportFrame) -> ExportFrame {
        var f = frame
        f.legendTitle = tr(Catalogue.exportLegendTitle)
        f.sourcesTitle = tr(Catalogue.exportSourcesTitle)
        return f
    }

    /// The frame of an export of the page shown (a town's, the city's totals, a reference
    /// topic): the heading without filter and sort (a page is one subject), the legend of the
    /// markers its lines hold (bars draw the expected-by-now mark); the page ends with its own
    /// sources.
    ///
    /// A `✓` under the page's checks (`Catalogue.checks`, `Catalogue.checksTownsCheck`) is a
    /// check passed, not a rule met: the legend says which it is, or both (wave 23's F16: a
    /// town page's export worded `✓` only as "the rule is met").
    public func exportFrame(page lines: [DetailLine], glyphs: Glyphs) -> ExportFrame {
        func cells(_ lines: some Sequence<DetailLine>) -> [TableCell] {
            lines.flatMap { line in
                line.pieces.map { piece -> TableCell in
                    switch piece {
                    case let .text(t, role): return .text(t, role)
                    case let .bar(fraction, _, marker, role): return .bar(fraction: fraction, role: role, marker: marker)
                    }
                }
            }
        }
        // The checks' lines: from a checks heading to the next blank line or heading.
        let headings = [tr(Catalogue.checks), tr(Catalogue.checksTownsCheck)]
        var inChecks = false
        var checks: [DetailLine] = [], others: [DetailLine] = []
        for line in lines {
            let text = line.text()
            let heading = line.pieces.contains { if case .text(_, .header?) = $0 { return true } else { return false } }
            if heading || text.isEmpty { inChecks = heading && headings.contains(text) }
            if inChecks && !heading { checks.append(line) } else { others.append(line) }
        }
        let inOthers = ExportMarker.used(in: cells(others), withBars: true)
        let inChecksUsed = ExportMarker.used(in: cells(checks), withBars: true)
        let met: Bilingual? = !inChecksUsed.contains(.met) ? nil
            : inOthers.contains(.met) ? Catalogue.exportMeansMetOrCheckPassed : Catalogue.exportMeansCheckPassed
        let legend = exportLegend(inOthers.union(inChecksUsed), glyphs: glyphs, met: met)
        return titled(ExportFrame(heading: exportHeading(page: true), legend: legend, sources: []))
    }

    /// Title, dataset, period, unit, filter and sort, one a line.
    func exportHeading(page: Bool = false) -> [String] {
        let view = Renderer.crumb(screen.kind, self)
        let periodText = period.map { "\(label($0)) (\($0.id))" } ?? tr(Catalogue.exportNoPeriod)
        var out = [
            "\(view) — \(period.map(label) ?? "")",
            // The dataset by name, no server path: the same data gives the same export anywhere.
            tr(Catalogue.exportDataset) + tr(dataset.nameZH, dataset.nameEN)
                + (dataset.synthetic ? " [\(tr(Catalogue.exportSynthetic))]" : ""),
            tr(Catalogue.exportPeriod) + periodText,
            tr(Catalogue.exportUnit) + dataset.unit + (language == .en && dataset.unit == "亿元" ? " (100M yuan)" : ""),
        ]
        if page { return out }
        var filterText = filter.isEmpty ? tr(Catalogue.exportNone)
            : filter.summary(tr, countyName: countyShown, problemName: problemShown)
        if let q = screen.narrow, !q.isEmpty, screen.kind.narrows { filterText += "; " + tr(Catalogue.exportMatching) + " /\(q)" }
        out.append(tr(Catalogue.exportFilter) + filterText)
        var sortText = tr(Catalogue.exportDataOrder)
        if let c = screen.sortColumn, screen.kind.sorts, let columns = listContent(screen.kind)?.columns,
            columns.indices.contains(c)
        {
            sortText = columns[c].title + " " + tr(screen.sortDescending ? Catalogue.exportDescending
                                                                          : Catalogue.exportAscending)
        }
        out.append(tr(Catalogue.exportSort) + sortText)
        return out
    }

    /// One line per marker used, in the legend's order; `met`: what `✓` means where it is not
    /// (only) a rule met (a page's passed checks).
    func exportLegend(_ used: Set<ExportMarker>, glyphs: Glyphs, met: Bilingual? = nil) -> [String] {
        let markers = ExportMarker.allCases.filter(used.contains)
        let width = markers.map { DisplayWidth.of($0.glyph(glyphs)) }.max() ?? 0
        return markers.map { m in
            let g = m.glyph(glyphs)
            let meaning = m == .met ? met ?? m.meaning : m.meaning
            return g + String(repeating: " ", count: width - DisplayWidth.of(g) + 2) + tr(meaning)
        }
    }

    /// The towns whose figures `content` shows: the towns its rows open, those under a row
    /// that opens a type's or an entity's towns, or (an overview, an assessment) every town
    /// the filter passes.
    func exportTowns(_ content: ListContent) -> [Town] {
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ t: Town) { if seen.insert(t.id).inserted { ids.append(t.id) } }
        switch screen.kind {
        case .overview, .assessment:
            for t in filtered(dataset.towns) { add(t) }
        default:
            for i in 0..<content.targets.count {
                switch content.targets[i] {
                case let .townPage(id)?: if let t = town(id) { add(t) }
                case let .townsOfType(n)?: for t in filtered(dataset.towns) where t.type == n { add(t) }
                case let .townsOfEntity(e)?:
                    for t in filtered(dataset.towns) where e.map(t.entityIDs.contains) ?? t.entityIDs.isEmpty { add(t) }
                default: break
                }
            }
        }
        return ids.compactMap(town)
    }

    /// The figures behind what the towns table shows of `figures` (a town's, or the city's
    /// totals) in the period shown: the year's plan, completed, completion rate, projects and
    /// start rate, and when the year's plan is derived, the completed amounts and rates of the
    /// year it is derived from. Figures with no file line (none in data files) are left out.
    /// `yearOnly`: only the year's plan, completed and completion rate (and what the plan is
    /// derived from), as the types table and the overview's types show them: no 3-year plan,
    /// projects or start rate (wave 22, F9: the types export cited the 3-year plans).
    /// `in`: the period whose figures are cited (the one shown when nil; an earlier one for the
    /// figures a Δ's derived "before" rests on, `deltaBasis`).
    func citedFigures(_ figures: [FigureKey: Figure], yearOnly: Bool = false, in shownOrEarlier: Period? = nil)
        -> [Figure]
    {
        guard let period = shownOrEarlier ?? period else { return [] }
        let year = String(period.year)
        var keys: [FigureKey] = yearOnly
            ? [FigureKey(.planYear, year), FigureKey(.completed, period.id), FigureKey(.completionRate, period.id)]
            : [
                FigureKey(.planYear, year), FigureKey(.planTotal), FigureKey(.projectsPlanned),
                FigureKey(.completed, period.id), FigureKey(.completionRate, period.id),
                FigureKey(.projectsStarted, period.id), FigureKey(.startRate, period.id),
            ]
        if figures[FigureKey(.planYear, year)] == nil {
            // As `Metrics.yearPlan(_:asOf:)` derives it: from each period of the year with both
            // figures exact (a rate above 0) up to the period shown, or up to the first such period
            // when none is that early; never a later month's pair the plan shown does not rest on
            // (a Jan-Sep export cited all of October's sheet: wave 26's fresh user, F5).
            let derivable = dataset.periods.filter { p in
                p.year == period.year && figures[FigureKey(.completed, p.id)]?.quantity.exactValue != nil
                    && (figures[FigureKey(.completionRate, p.id)]?.quantity.exactValue).map { $0 > 0 } == true
            }
            let bound = max(period.through, derivable.first?.through ?? period.through)
            for p in derivable where p.through <= bound {
                keys += [FigureKey(.completed, p.id), FigureKey(.completionRate, p.id)]
            }
        }
        var seen: Set<FigureKey> = []
        return keys.compactMap { seen.insert($0).inserted ? figures[$0] : nil }
    }

    /// The earlier period's figures the Δ cells `content` shows rest on: the towns view's Δ of
    /// each town its rows open and, with the city's row, the city's; the overview's changes panel
    /// (every town the filter passes whose Δ it lists, a Δ of 0 left out as the panel leaves it
    /// out, the city's without a filter). Empty for other views and for the year's first period.
    func deltaBasisShown(_ content: ListContent) -> [Figure] {
        guard let period, let from = metrics.previousPeriod(period) else { return [] }
        let measures: [Measure] = [.completed, .completionRate]
        var out: [Figure] = []
        switch screen.kind {
        case .townList, .townsOfType, .townsOfEntity:
            guard content.columns.contains(where: { $0.title.hasPrefix(tr(Catalogue.deltaDone)) }) else { return [] }
            for town in exportTowns(content) {
                for m in measures { out += deltaBasis(town, m, from: from, to: period) }
            }
            if content.summaryTarget == .cityTotals {
                for m in measures { out += deltaBasis(nil, m, from: from, to: period) }
            }
        case .overview:
            for town in filtered(dataset.towns) {
                for m in measures { out += deltaBasis(town, m, from: from, to: period, zeroShown: false) }
            }
            if filter.isEmpty {
                for m in measures { out += deltaBasis(nil, m, from: from, to: period, zeroShown: false) }
            }
        default:
            break
        }
        return out
    }

    /// The figures of `from` a Δ of `measure` (of `town`, nil: the city's totals) from `from` to
    /// `to` rests on, when a Δ is worked out (none for a figure new since then, unknown or on
    /// another basis: no earlier figure is shown through it): the earlier figure itself when the
    /// data holds it, else those it is derived from (the period's completed amount and rate, the
    /// year's plan or the pairs it is derived from; for the city's completed amount summed from
    /// its towns', each town's). `zeroShown`: false where a Δ of 0 is not shown (the overview).
    func deltaBasis(_ town: Town?, _ measure: Measure, from: Period, to: Period, zeroShown: Bool = true)
        -> [Figure]
    {
        let lean = metrics.withoutFormulas
        let c = lean.change(town, measure, from: from, to: to)
        guard let delta = c.delta?.quantity.exactValue, zeroShown || delta != 0, let before = c.before else {
            return []
        }
        if !before.isDerived { return [before] }
        let figures = town?.figures.all ?? dataset.totals
        var out = citedFigures(figures, yearOnly: true, in: from)
        if town == nil, figures[FigureKey(.completed, from.id)] == nil, lean.townsSum(from.id) != nil {
            // The city's amount (and its rate over it) summed from every town's reported one.
            out += dataset.towns.compactMap { $0.figures[FigureKey(.completed, from.id)] }
        }
        return out
    }

    /// One line per source document the export's figures come from: its id, title, author
    /// and address, then each file and the lines of the figures taken from it
    /// (`paper: 浙江省… — figures.toml:67, 108; totals.toml:48`); then, when derived figures are
    /// shown, where their formulas are.
    func exportSources(_ content: ListContent, derivedShown: Bool) -> [String] {
        var order: [String] = []
        var places: [String: [String: [Int]]] = [:]  // source -> file -> lines
        func cite(_ p: Provenance?, _ origin: SourceLocation?) {
            guard case let .reported(source, _, _, _)? = p else { return }
            if places[source] == nil { order.append(source); places[source] = [:] }
            if let origin { places[source]![dataset.dataPath(origin.file), default: []].append(origin.line) }
        }
        switch screen.kind {
        case .entityList:
            // The entities' records and, where their towns, kinds of mode and lists are read, the
            // towns' records (towns.toml `entities`, `mode`): the table shows no figure (wave 22, F9).
            var entitySources: [String: Provenance] = [:]
            // Each entity's own record (entities.toml's line, wave 23), as a figure's is cited.
            for e in dataset.entities {
                cite(e.provenance, e.origin)
                entitySources[e.id] = e.provenance
            }
            for town in exportTowns(content) {
                for id in town.entityIDs { if let p = entitySources[id] { cite(p, town.origin) } }
            }
        case .province, .city:
            cite(dataset.province?.provenance, nil)
            for c in dataset.province?.cities ?? [] { cite(c.provenance, c.origin); cite(c.alsoProvenance, nil) }
        case .reference:
            for p in dataset.reference?.passages ?? [] {
                cite(.reported(source: p.source, at: nil, quote: nil, note: nil), p.origin)
            }
        default:
            break
        }
        if screen.kind == .assessment { for r in dataset.rules { cite(r.provenance, r.origin) } }
        if screen.kind == .changes {
            // Each row's two figures, before and after (the city's rows from totals.toml), and
            // nothing else: the rows show no plan, no projects (wave 25's second fresh user, G6).
            if let figures = content.rowFigures {
                for i in 0..<content.rows.count {
                    for f in figures(content.rows.source(i)) { cite(f.provenance, f.origin) }
                }
            }
        } else if screen.kind != .entityList {
            let yearOnly = screen.kind == .typeList
            for town in exportTowns(content) {
                for f in citedFigures(town.figures.all, yearOnly: yearOnly) { cite(f.provenance, f.origin) }
            }
        }
        if content.summaryTarget == .cityTotals || screen.kind == .overview {
            for f in citedFigures(dataset.totals, yearOnly: screen.kind == .typeList) { cite(f.provenance, f.origin) }
        }
        // The earlier period's figures behind each Δ shown (the towns view's Δ完成 and Δ完成率 of
        // its rows and of the city's row; the overview's changes panel): Tongxiang's ≈+20.7 rests on
        // Jan-Aug's 72% as much as on Jan-Sep's 92.7% (wave 25's second fresh user, G6).
        for f in deltaBasisShown(content) { cite(f.provenance, f.origin) }
        var out: [String] = []
        for id in order {
            var text = id
            if let s = dataset.sources[id] {
                text += ": \(s.title)"
                if let a = s.author { text += tr("，", ", ") + a }
                if let d = s.date { text += " (\(d))" }
                if let u = s.url { text += " \(u)" }
            }
            let files = places[id]!.sorted { $0.key < $1.key }.map { file, lines in
                file + ":" + Array(Set(lines)).sorted().map(String.init).joined(separator: ",")
            }
            if !files.isEmpty { text += " — " + files.joined(separator: "; ") }
            out.append(text)
        }
        if derivedShown { out.append(tr(Catalogue.exportDerivedWhere)) }
        return out
    }
}

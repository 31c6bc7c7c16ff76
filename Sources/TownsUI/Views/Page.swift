import Foundation
import TownsCore

/// One line of a detail page: runs of text with marks (`CellText`), each in a role, and bars.
/// Glyph-free, like a list's cells: the glyph set (Unicode or `--ascii`) is applied when the
/// line is drawn, so one page serves both sets.
public struct DetailLine: Sendable {
    public enum Piece: Sendable {
        case text(CellText, Role?)
        /// A bar of `width` cells, `fraction` (0...1) full, with the expected-by-now mark at
        /// `marker`, drawn as a table draws its bars (`TableRenderer.drawBar`).
        case bar(fraction: Double, width: Int, marker: Double?, role: Role)
    }

    public var pieces: [Piece]
    public init(pieces: [Piece]) { self.pieces = pieces }
    public init(_ runs: [(String, Role?)]) { pieces = runs.map { .text(CellText($0.0), $0.1) } }
    public init(cells: [(CellText, Role?)]) { pieces = cells.map { .text($0.0, $0.1) } }
    public static func text(_ s: String, _ role: Role? = nil) -> DetailLine { DetailLine([(s, role)]) }
    public static func cell(_ s: CellText, _ role: Role? = nil) -> DetailLine { DetailLine(cells: [(s, role)]) }

    /// The runs as `glyphs` draws them, each in its role (a bar as its characters).
    public func runs(_ glyphs: Glyphs) -> [(String, Role?)] {
        pieces.map { piece in
            switch piece {
            case let .text(t, role): return (t.text(glyphs), role)
            case let .bar(fraction, width, marker, role):
                return (glyphs.bar(fraction: fraction, width: width, marker: marker), role)
            }
        }
    }

    /// The runs as Unicode draws them (the clipboard, tests).
    public var runs: [(String, Role?)] { runs(.unicode) }

    /// `mark` and `text` wrapped to `width` cells, in `role` ("! 2015 年计划 …" with its
    /// continuation lines under it).
    public static func wrapped(_ mark: CellText, _ text: String, width: Int, role: Role?) -> [DetailLine] {
        let drawn = mark.text(.unicode)
        return TextWrap.wrap(drawn + " " + text, width: width).enumerated().map { i, line in
            i == 0 ? .cell(mark + CellText(String(line.dropFirst(drawn.count))), role) : .text(line, role)
        }
    }

    /// The line's text as `glyphs` draws it.
    public func text(_ glyphs: Glyphs = .unicode) -> String { runs(glyphs).map(\.0).joined() }
}

extension AppState {
    /// The lines of a page screen (a town's, or the city's totals), at `width` cells.
    /// Glyph-free: the renderer draws them with its glyph set (`DetailLine.runs(_:)`).
    public func pageLines(_ kind: Screen.Kind, width: Int) -> [DetailLine] {
        var key = ViewCache.DetailKey(page: kind, width: width, period: periodIndex, language: language)
        key.printed = printed
        // The notes page shows what the table's notes show: the filtered towns' stakes.
        if filterScope(kind) == .applies { key.filter = filter }
        switch kind {
        case let .townPage(id): return cache.detail(key) { makeTownDetail(id, width: width) }
        case .cityTotals: return cache.detail(key) { cityTotalsDetail(width: width) }
        case let .referencePage(topic): return referenceDetail(topic, width: width)
        case .assessmentNotes: return cache.detail(key) { assessmentNotesPage(width: width) }
        case .messages: return messagesPage(width: width)  // not kept: the log grows
        default: return []
        }
    }

    /// The "Sources" block of a page: each source cited, with its author, address and note.
    func sourceLines(_ cited: [String], width: Int) -> [DetailLine] {
        guard !cited.isEmpty else { return [] }
        var out: [DetailLine] = [.text(""), .text(tr(Catalogue.sources), .header)]
        for id in cited {
            guard let s = dataset.sources[id] else { continue }
            var text = "\(id): \(s.title)"
            if let a = s.author { text += "，\(a)" }
            if let u = s.url { text += " \(u)" }
            if let n = s.note { text += " — \(dataset.note(n, chinese: language == .zh))" }
            for l in TextWrap.wrap(text, width: width) { out.append(.text(l, .source)) }
        }
        return out
    }

    /// After a period's header on a page: "  ◀ 当前期间 shown period" for the period shown.
    func shownPeriodMark(_ p: Period) -> CellText {
        p.id == period?.id ? "  \(Mark.current) \(tr(Catalogue.shownPeriod))" : ""
    }

    /// A measure's name in the interface language.
    func measureLabel(_ m: Measure) -> String {
        switch m {
        case .planTotal: return tr(Catalogue.yearPlannedInvestment)
        case .planYear: return tr(Catalogue.yearSPlannedInvestment)
        case .planShare: return tr(Catalogue.yearPlanYearPlan)
        case .completed: return tr(Catalogue.completedInvestment)
        case .completionRate: return tr(Catalogue.ofTheYearSPlan)
        case .projectsPlanned: return tr(Catalogue.projectsPlannedYears)
        case .projectsStarted: return tr(Catalogue.projectsStarted)
        case .startRate: return tr(Catalogue.startRate)
        case .featuredInvestment: return tr(Catalogue.featuredIndustryInvestment)
        case .featuredShare: return tr(Catalogue.featuredIndustryShare)
        case .revenue: return tr(Catalogue.revenue)
        case .areaPlanned: return tr(Catalogue.plannedArea)
        case .areaBuilt: return tr(Catalogue.builtArea)
        case .investmentMinimum: return tr(Catalogue.requiredMinimumInvestment)
        case .landQuotaUsed: return tr(Catalogue.landQuotaUsed)
        }
    }
}

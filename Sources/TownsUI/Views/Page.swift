import Foundation
import TownsCore

/// One line of a detail page: runs of text, each in a role.
public struct DetailLine: Sendable {
    public var runs: [(String, Role?)]
    public init(_ runs: [(String, Role?)]) { self.runs = runs }
    public static func text(_ s: String, _ role: Role? = nil) -> DetailLine { DetailLine([(s, role)]) }
}

/// The last component of a path ("Data/figures.toml" -> "figures.toml").
func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

extension AppState {
    /// The lines of a page screen (a town's, or the city's totals), at `width` cells.
    public func pageLines(_ kind: Screen.Kind, width: Int, glyphs: Glyphs = .unicode) -> [DetailLine] {
        switch kind {
        case let .townPage(id): return townDetail(id, width: width, glyphs: glyphs)
        case .cityTotals: return cityTotalsDetail(width: width, glyphs: glyphs)
        case let .referencePage(topic): return referenceDetail(topic, width: width)
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
            if let n = s.note { text += " — \(n)" }
            for l in TextWrap.wrap(text, width: width) { out.append(.text(l, .source)) }
        }
        return out
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
        }
    }
}

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
        default: return []
        }
    }

    /// The "Sources" block of a page: each source cited, with its author, address and note.
    func sourceLines(_ cited: [String], width: Int) -> [DetailLine] {
        guard !cited.isEmpty else { return [] }
        var out: [DetailLine] = [.text(""), .text(tr("来源 Sources", "Sources"), .header)]
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
        case .planTotal: return tr("3年计划投资 3-year plan", "3-year planned investment")
        case .planYear: return tr("年度计划投资 year plan", "year's planned investment")
        case .planShare: return tr("年度计划占比 plan share", "year plan / 3-year plan")
        case .completed: return tr("完成投资 completed", "completed investment")
        case .completionRate: return tr("完成率 of plan", "% of the year's plan")
        case .projectsPlanned: return tr("3年计划项目 projects", "projects planned (3 years)")
        case .projectsStarted: return tr("已开工项目 started", "projects started")
        case .startRate: return tr("开工率 start rate", "start rate")
        case .featuredInvestment: return tr("特色产业投资 featured", "featured-industry investment")
        case .featuredShare: return tr("特色产业占比 featured %", "featured-industry share")
        case .revenue: return tr("营业收入 revenue", "revenue")
        case .areaPlanned: return tr("规划面积 area", "planned area")
        case .areaBuilt: return tr("建成面积 built", "built area")
        case .investmentMinimum: return tr("最低投资要求 minimum", "required minimum investment")
        }
    }
}

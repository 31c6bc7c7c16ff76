/// What a figure measures. Units: `亿元` (100 million yuan) for amounts, % for rates,
/// a count for projects.
public enum Measure: String, CaseIterable, Hashable, Sendable {
    /// Planned investment over the creation period (3 years), 亿元.
    case planTotal = "plan_total"
    /// Planned investment for one year (period "YYYY"), 亿元.
    case planYear = "plan_year"
    /// The year's plan / the creation-period plan, % (period "YYYY"); city totals.
    case planShare = "plan_share"
    /// Completed investment, cumulative from January to the period's month, 亿元.
    case completed
    /// Completed / the year's plan, % (cumulative period).
    case completionRate = "completion_rate"
    /// Projects planned over the creation period, count.
    case projectsPlanned = "projects_planned"
    /// Projects started by the period's end, count.
    case projectsStarted = "projects_started"
    /// Started / planned projects, % (as of the period).
    case startRate = "start_rate"
    /// Investment in the featured industry, 亿元 (cumulative period).
    case featuredInvestment = "featured_investment"
    /// Featured-industry investment / completed investment, % (cumulative period).
    case featuredShare = "featured_share"
    /// Operating revenue, 亿元 (cumulative period).
    case revenue
    /// Planned area, km² (no period).
    case areaPlanned = "area_planned"
    /// Built area, km² (no period).
    case areaBuilt = "area_built"
    /// The year's minimum investment required by the province's rules, 亿元 (period "YYYY").
    case investmentMinimum = "investment_minimum"
    /// Construction-land quota the town actually used in a year, 亩 (period "YYYY"): what the
    /// land-quota reward is a share of (rules.toml `land-reward`).
    case landQuotaUsed = "land_quota_used"

    /// The measure's name in English prose (`towns check --lang en`): "3-year plan", not the
    /// data's field id `plan_total`.
    public var nameEN: String {
        switch self {
        case .planTotal: return "3-year plan"
        case .planYear: return "year's plan"
        case .planShare: return "plan share"
        case .completed: return "completed"
        case .completionRate: return "completion rate"
        case .projectsPlanned: return "projects planned"
        case .projectsStarted: return "projects started"
        case .startRate: return "start rate"
        case .featuredInvestment: return "featured-industry investment"
        case .featuredShare: return "featured-industry share"
        case .revenue: return "operating revenue"
        case .areaPlanned: return "planned area"
        case .areaBuilt: return "built area"
        case .investmentMinimum: return "year's minimum investment"
        case .landQuotaUsed: return "land quota used"
        }
    }

    /// What the `period` field of such a figure must be.
    public enum PeriodKind: Sendable { case none, year, cumulative }

    public var periodKind: PeriodKind {
        switch self {
        case .planTotal, .projectsPlanned, .areaPlanned, .areaBuilt: return .none
        case .planYear, .planShare, .investmentMinimum, .landQuotaUsed: return .year
        default: return .cumulative
        }
    }

    /// 亿元, %, a count, km², 亩 (mu, 1/15 hectare: land quotas).
    public enum Unit: Sendable { case yi, percent, count, squareKilometres, mu }

    public var unit: Unit {
        switch self {
        case .planTotal, .planYear, .completed, .featuredInvestment, .revenue, .investmentMinimum: return .yi
        case .areaPlanned, .areaBuilt: return .squareKilometres
        case .planShare, .completionRate, .startRate, .featuredShare: return .percent
        case .projectsPlanned, .projectsStarted: return .count
        case .landQuotaUsed: return .mu
        }
    }
}

/// Which figure of a town or of the city: a measure, and the period it belongs to
/// (nil for creation-period measures, "2015" for a year, "2015-09" for Jan-Sep 2015).
public struct FigureKey: Hashable, Sendable, CustomStringConvertible {
    public var measure: Measure
    public var period: String?
    public init(_ measure: Measure, _ period: String? = nil) {
        self.measure = measure
        self.period = period
    }
    public var description: String { period.map { "\(measure.rawValue)[\($0)]" } ?? measure.rawValue }
}

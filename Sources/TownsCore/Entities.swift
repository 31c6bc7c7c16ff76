/// A reporting period: completed figures are cumulative from January of `year` to the end
/// of month `through` (Jan-Sep 2015: year 2015, through 9).
public struct Period: Hashable, Sendable {
    /// "YYYY-MM", e.g. "2015-09".
    public var id: String
    public var labelZH: String
    public var labelEN: String
    public var year: Int
    /// Last month covered, 1-12.
    public var through: Int

    /// The share of the year elapsed at the period's end, in % (Jan-Sep: 75).
    public var elapsedPercent: Double { Double(through) / 12 * 100 }
}

/// One of Jiaxing's four development types (paper 二(一)), numbered 1-4.
public struct DevelopmentType: Hashable, Sendable {
    public var number: Int
    public var nameZH: String
    public var nameEN: String
    public var provenance: Provenance
}

/// An operating entity (运营主体): a company that develops and runs towns (paper 二(二)).
public struct OperatingEntity: Hashable, Sendable {
    public var id: String
    public var nameZH: String
    public var nameEN: String
    /// e.g. "central state-owned enterprise"; nil when the source does not say.
    public var kind: String?
    public var provenance: Provenance
    /// File and line of its `[[entity]]` record (entities.toml), nil when not read from a file.
    public var origin: SourceLocation? = nil
}

/// How a town's operating entities are organised (paper 二(二)).
public enum OperatingMode: String, Hashable, Sendable, CaseIterable {
    /// 由实力较强的集团公司引领: led by strong group companies.
    case groupLed = "group-led"
    /// 若干集团公司联合投资: joint investment of several groups.
    case joint
}

/// A provincial list stage: cultivation list (培育名单) -> creation list (创建名单) -> named
/// (命名) after passing acceptance ("宽进严定").
public enum ListStage: String, Hashable, Sendable, CaseIterable {
    case cultivation, creation, named
}

/// A characteristic town with its own figures.
public struct Town: Hashable, Sendable {
    public var id: String
    public var nameZH: String
    public var nameEN: String
    public var countyZH: String
    public var countyEN: String
    /// How the county is known: "name" when read from the town's name.
    public var countyFrom: String?
    /// Development type number, 1-4.
    public var type: Int
    public var typeAt: String?
    public var industry: String?
    public var industryNote: String?
    /// `industryNote` in Chinese (`industry_note_zh`), shown on the town's page in Chinese; nil: the
    /// page shows `industryNote` in both languages (wave 34's fresh user: an English aside in the
    /// Chinese page).
    public var industryNoteZH: String? = nil
    public var list: ListStage
    public var listDate: String?
    public var listSource: String?
    /// Operating entity ids, in the source's order; empty when the source names none.
    public var entityIDs: [String]
    public var mode: OperatingMode?
    public var modeAt: String?
    /// Whether the county is one of the province's 26 accelerated-development counties
    /// (lower investment tiers); nil when not known.
    public var acceleratedCounty: Bool?
    public var acceleratedCountyNote: String?
    /// Where `acceleratedCounty` comes from: a source that lists the 26 counties, or nil.
    /// When nil and `acceleratedCountyFitted`, the value was chosen to fit a reported total.
    public var acceleratedCountySource: Provenance? = nil
    /// True when `acceleratedCounty` was chosen so that the towns' first-year tiers sum to the
    /// notice's 42 (3 x 10 + 2 x 6), not read from a list of the 26 counties: a check of the 42
    /// against those tiers is then circular and reports `consistent`, never `confirmed`.
    public var acceleratedCountyFitted: Bool = false
    /// True when `industry` was chosen to fit a reported total rather than read from a source
    /// that names the town's industry (towns.toml `industry_fitted`).
    public var industryFitted: Bool = false
    /// How the town's name is read: toneless pinyin, one syllable per Chinese character, spaces
    /// between syllables ("chang xing xin neng yuan xiao zhen"); nil when the data gives none.
    /// Kept as data because place names are often read differently from the characters'
    /// commonest readings (长兴 Changxing, not Zhangxing; 乐清 Yueqing, not Leqing).
    public var reading: String? = nil
    /// Where the reading comes from (a source's romanisation of the place name).
    public var readingSource: Provenance? = nil
    /// The town's figures as read from the data, by measure and period. Derived figures are
    /// not stored here; `Metrics` works them out. From a snapshot, read when asked (`Figures`).
    public var figures: Figures
    /// Where the town's record starts.
    public var origin: SourceLocation?
}

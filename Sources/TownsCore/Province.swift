/// A provincial list (province.toml): the towns listed by city, with the counts reported per
/// city. Jiaxing's towns link to the dataset's own towns (`townID`); the others have no
/// figures here.
public struct ProvinceList: Sendable {
    public struct City: Sendable, Hashable {
        public var nameZH: String
        public var nameEN: String
        /// The number of listed towns a source reports for the city.
        public var reportedCount: Int?
        public var provenance: Provenance?
        public var origin: SourceLocation?
        /// Another source that prints the same count (the paper 一 for 杭州 9, 嘉兴 5, 丽水 4,
        /// 舟山 0); views cite it beside `provenance`.
        public var alsoProvenance: Provenance? = nil
    }
    public struct Listed: Sendable, Hashable {
        public var cityZH: String
        public var nameZH: String
        /// The county-level unit the town lies in (read from the name's prefix unless
        /// `countyNote` says otherwise).
        public var countyZH: String?
        /// The dataset town with this town's figures, if any.
        public var townID: String?
        public var origin: SourceLocation?
        /// How the county is known when the name's prefix is not a county (梅山 lies in 北仑区).
        public var countyNote: String? = nil
        /// The name read as toneless pinyin, one syllable per Chinese character ("mei shan hai
        /// yang jin rong"); see `Town.reading`.
        public var reading: String? = nil
        /// Where the reading comes from, when a source is needed (a polyphonic place name).
        public var readingSource: Provenance? = nil
        /// For a town of a later list (`ProvinceList.later`): which list and when, and its source.
        public var listName: String? = nil
        public var listDate: String? = nil
        public var provenance: Provenance? = nil
    }
    public var nameZH: String
    public var nameEN: String
    public var date: String?
    /// The list's total as reported (37 for 2015-06-04).
    public var reportedCount: Int?
    public var provenance: Provenance?
    public var cities: [City]
    public var listed: [Listed]
    /// Another source that prints the list's date and count (the paper 一: 2015-06-04, 37),
    /// cited beside the list's own notice.
    public var alsoProvenance: Provenance? = nil
    /// Towns of later lists that the dataset names (长兴新能源小镇, second list 2016-01-29),
    /// each with its own source; not counted in this list's totals.
    public var later: [Listed] = []

    /// Towns listed for a city, in file order.
    public func towns(in city: String) -> [Listed] { listed.filter { $0.cityZH == city } }
}

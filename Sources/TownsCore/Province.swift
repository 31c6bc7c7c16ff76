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
    }
    public struct Listed: Sendable, Hashable {
        public var cityZH: String
        public var nameZH: String
        /// The county read from the name's prefix.
        public var countyZH: String?
        /// The dataset town with this town's figures, if any.
        public var townID: String?
        public var origin: SourceLocation?
    }
    public var nameZH: String
    public var nameEN: String
    public var date: String?
    /// The list's total as reported (37 for 2015-06-04).
    public var reportedCount: Int?
    public var provenance: Provenance?
    public var cities: [City]
    public var listed: [Listed]

    /// Towns listed for a city, in file order.
    public func towns(in city: String) -> [Listed] { listed.filter { $0.cityZH == city } }
}

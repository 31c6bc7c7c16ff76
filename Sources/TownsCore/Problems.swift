/// The paper's problems (三) and countermeasures (四), and what sources say of each town
/// (problems.toml). A town with no `flags` or `progress` records is unknown, not clear.
public struct ProblemCatalogue: Sendable {
    /// One of the paper's five problems.
    public struct Problem: Sendable, Hashable {
        public var id: String
        public var number: Int
        public var nameZH: String
        public var nameEN: String
        /// The paper's cause (its words, Chinese) and its English (the data's `cause_en`; nil: none given).
        public var causeZH: String?
        public var causeEN: String?
        public var provenance: Provenance
    }
    /// One countermeasure: a relationship (3), an ecosystem (4) or a key work (5).
    public struct Countermeasure: Sendable, Hashable {
        public enum Group: String, Sendable, CaseIterable {
            case relationships, ecosystems, keyWorks = "key-works"
            public var nameZH: String {
                switch self {
                case .relationships: return "三大关系"
                case .ecosystems: return "四个生态系统"
                case .keyWorks: return "五项重点工作"
                }
            }
            /// The group's name in English (the paper's 四: 三大关系, 四个生态系统, 五项重点工作).
            public var nameEN: String {
                switch self {
                case .relationships: return "Three relationships"
                case .ecosystems: return "Four ecosystems"
                case .keyWorks: return "Five key works"
                }
            }
        }
        public var id: String
        public var group: Group
        public var number: Int
        public var nameZH: String
        public var nameEN: String
        public var provenance: Provenance
    }
    /// A source attributing a problem to a town.
    public struct Flag: Sendable, Hashable {
        public var townID: String
        public var problemID: String
        public var provenance: Provenance
    }
    /// How far a town has gone with a countermeasure, as a source says.
    public struct Progress: Sendable, Hashable {
        public enum Status: String, Sendable, CaseIterable {
            case notStarted = "not-started", inProgress = "in-progress", done
        }
        public var townID: String
        public var countermeasureID: String
        public var status: Status
        public var provenance: Provenance
    }

    public var problems: [Problem]
    public var countermeasures: [Countermeasure]
    public var flags: [Flag]
    public var progress: [Progress]

    /// The problems a source attributes to the town.
    public func flags(of townID: String) -> [Flag] { flags.filter { $0.townID == townID } }
    public func progress(of townID: String, _ countermeasureID: String) -> Progress? {
        progress.first { $0.townID == townID && $0.countermeasureID == countermeasureID }
    }
}

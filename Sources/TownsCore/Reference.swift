/// What the paper says, as passages staff can cite (reference.toml): the definition and the
/// four features, the province's features of creation, the four development types, the work
/// mechanism and its member units, the problems and countermeasures, the industries. Each
/// passage names its section and quotes the paper verbatim (ASCII digits for the paper's
/// full-width ones; a test checks every quote against the paper's text).
public struct ReferenceText: Sendable {
    /// One passage of a source.
    public struct Passage: Sendable, Hashable {
        /// Identifier ("definition", "features", "type-1", ...).
        public var id: String
        /// What the passage is about, grouping passages into reference pages ("definition",
        /// "creation", "types", "mechanism", "problems", "countermeasures", "industries").
        public var topic: String
        public var titleZH: String
        public var titleEN: String
        /// The source (sources.toml id) and its section ("二(一)").
        public var source: String
        public var section: String
        /// The words as printed, verbatim.
        public var quote: String
        /// The passage's points or members, each verbatim in the source too (the 13 member
        /// units; the four features' names); empty when the passage has none.
        public var items: [String]
        /// A summary in English, for staff who read no Chinese (not a quote).
        public var summaryEN: String?
        /// Towns (towns.toml ids) the passage names as examples.
        public var townIDs: [String]
        public var origin: SourceLocation?
    }

    public var passages: [Passage]

    /// The passages of `topic`, in file order.
    public func passages(about topic: String) -> [Passage] { passages.filter { $0.topic == topic } }

    /// The topics, in the order they first appear.
    public var topics: [String] {
        var seen: [String] = []
        for p in passages where !seen.contains(p.topic) { seen.append(p.topic) }
        return seen
    }
}

import Foundation

/// What the assessment's notes say of what is at stake over every town in one period and one
/// language (`AppState.assessmentStakeNotes`, the same code the view runs when nothing is
/// stored): for each of the dataset's rules, in order, the towns with a ✗, ? or ○ grouped by the
/// words of what follows for them (`Assessment.stake`, `stakeText`), each group's count and
/// its first towns (the note names those that fit in its width, then how many more). Stored
/// per period and language in a snapshot (`DerivedViews.stakes`) so that the assessment's first
/// frame judges no town by any rule for its notes (6 s at 10,000 towns before). Positions are in
/// the dataset's order of towns (the whole city: stored only for the view without a filter).
public struct DerivedStakes: Equatable, Sendable {
    /// Towns with the same words of what follows and the same mark, in the order first met.
    public struct Group: Equatable, Sendable {
        /// What follows for them, in the language stored (`stakeText`, the quota unsaid).
        public var text: String
        /// ✗ (not met), else ○ (not yet due) when `notYetDue`, else ? (cannot be judged).
        public var notMet: Bool
        public var notYetDue: Bool
        /// How many towns the group has.
        public var count: Int
        /// Its towns (positions, in the order met): every one when worked out, the first
        /// `DerivedStakes.named` when stored (more than a note of 60 cells can name).
        public var first: [Int]

        public init(text: String, notMet: Bool, notYetDue: Bool, count: Int, first: [Int]) {
            self.text = text
            self.notMet = notMet
            self.notYetDue = notYetDue
            self.count = count
            self.first = first
        }
    }

    /// One rule's stakes: whether any town has one (a ✗, ? or ○), and the groups whose rule
    /// states a consequence (none when the rules state none of this one alone).
    public struct RuleStakes: Equatable, Sendable {
        public var anyStake: Bool
        public var groups: [Group]

        public init(anyStake: Bool, groups: [Group]) {
            self.anyStake = anyStake
            self.groups = groups
        }
    }

    /// For each of the dataset's rules, in order.
    public var rules: [RuleStakes]
    /// Whether a group's stake has no quota used in the data (the notes say so once).
    public var noQuota: Bool

    /// How many of a group's towns are kept: a note names those that fit in 60 cells, each
    /// name at least one cell after a separator of two, so at most 30 (`nameList`).
    public static let named = 32

    public init(rules: [RuleStakes], noQuota: Bool) {
        self.rules = rules
        self.noQuota = noQuota
    }
}

/// The changes view's rows over every town in one period against the previous period of its
/// year (`Changes`, the view's default pair): each change's owner and measure in the view's
/// order (the city's totals first, then the towns in the data's order, each measure in
/// `Changes.measures`' order), and how many figures did not change. Stored per period in a
/// snapshot (`DerivedViews.changes`), so that the view's first frame makes only the rows it
/// shows (`Changes.item`), not every town's changes (11 s at 10,000 x 60 before).
public struct DerivedChanges: Equatable, Sendable {
    /// One change: whose (a town's position in the dataset, nil for the city's totals) and which measure.
    public struct Item: Equatable, Sendable {
        public var owner: Int?
        public var measure: Measure

        public init(owner: Int?, measure: Measure) {
            self.owner = owner
            self.measure = measure
        }
    }

    /// The earlier period's id (the previous period of the same year).
    public var from: String
    public var items: [Item]
    /// How many figures both periods hold with the same value (`Changes.unchanged`).
    public var unchanged: Int

    public init(from: String, items: [Item], unchanged: Int) {
        self.from = from
        self.items = items
        self.unchanged = unchanged
    }
}

/// The views' first frames stored in a snapshot (the last section of `DerivedTables`): the
/// assessment's stakes per period and language (`DerivedStakes`) and the changes view's rows
/// per period (`DerivedChanges`), each decoded when first asked for, nil when not stored or
/// not decodable (the caller works it out). `@unchecked Sendable`: immutable.
public final class DerivedViews: @unchecked Sendable {
    /// What is written: the stakes by `DerivedViews.stakesName(period:language:)`, the changes by period id.
    public struct Source: Sendable {
        public var stakes: [String: DerivedStakes]
        public var changes: [String: DerivedChanges]

        public init(stakes: [String: DerivedStakes] = [:], changes: [String: DerivedChanges] = [:]) {
            self.stakes = stakes
            self.changes = changes
        }
    }

    private let memory: SnapshotMemory
    private let strings: [String]
    private let townCount: Int
    private let stakeRanges: [String: Range<Int>]
    private let changeRanges: [String: Range<Int>]

    /// The name the stakes of period `period` (id) in `language` ("zh", "en") are stored by.
    public static func stakesName(period: String, language: String) -> String { language + "." + period }

    /// Reads the section `SnapshotWriter.views` wrote at `reader`'s position.
    init(_ reader: inout SnapshotReader, memory: SnapshotMemory, townCount: Int) throws {
        self.memory = memory
        strings = reader.strings
        self.townCount = townCount
        func ranges(_ r: inout SnapshotReader) throws -> [String: Range<Int>] {
            var out: [String: Range<Int>] = [:]
            for _ in 0..<(try r.count()) {
                let name = try r.string()
                guard out.updateValue(try r.deferredRange(), forKey: name) == nil else {
                    throw SnapshotReader.corrupt("a view's table \(name) twice")
                }
            }
            return out
        }
        stakeRanges = try ranges(&reader)
        changeRanges = try ranges(&reader)
    }

    /// The assessment's stakes over every town in period `period` (id) in `language`, or nil.
    public func stakes(period: String, language: String) -> DerivedStakes? {
        guard let r = stakeRanges[Self.stakesName(period: period, language: language)] else { return nil }
        let towns = townCount
        return try? memory.read(r, strings: strings) { reader in
            let noQuota = try reader.bool()
            let rules = try reader.array { r -> DerivedStakes.RuleStakes in
                let any = try r.bool()
                let groups = try r.array { g -> DerivedStakes.Group in
                    let text = try g.string()
                    let notMet = try g.bool(), notYetDue = try g.bool()
                    let count = try g.natural()  // not `count()`: the towns are not all stored
                    let first = try g.array { t -> Int in
                        let n = try t.natural()
                        guard n < towns else { throw SnapshotReader.corrupt("a stake's town beyond the towns") }
                        return n
                    }
                    guard count <= towns, first.count == min(count, DerivedStakes.named) else {
                        throw SnapshotReader.corrupt("a stake's group of another count")
                    }
                    return DerivedStakes.Group(text: text, notMet: notMet, notYetDue: notYetDue, count: count,
                                               first: first)
                }
                return DerivedStakes.RuleStakes(anyStake: any, groups: groups)
            }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after a period's stakes") }
            return DerivedStakes(rules: rules, noQuota: noQuota)
        }
    }

    /// The changes view's rows over every town in period `id` against the previous period, or nil.
    public func changes(_ id: String) -> DerivedChanges? {
        guard let r = changeRanges[id] else { return nil }
        let towns = townCount
        let measures = Changes.measures
        return try? memory.read(r, strings: strings) { reader in
            let from = try reader.string()
            let unchanged = try reader.natural()
            guard unchanged <= (towns + 1) * measures.count else {
                throw SnapshotReader.corrupt("more unchanged than figures")
            }
            let n = try reader.count()
            var items: [DerivedChanges.Item] = []
            items.reserveCapacity(n)
            for _ in 0..<n {
                // (owner + 1, 0 the city) * measures + the measure's place among `Changes.measures`.
                let code = try reader.natural()
                let owner = code / measures.count, measure = code % measures.count
                guard owner <= towns else { throw SnapshotReader.corrupt("a change beyond the towns") }
                items.append(DerivedChanges.Item(owner: owner == 0 ? nil : owner - 1, measure: measures[measure]))
            }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after a period's changes") }
            return DerivedChanges(from: from, items: items, unchanged: unchanged)
        }
    }
}

extension SnapshotWriter {
    /// The views' stored tables (`DerivedViews`): the stakes by name, then the changes by
    /// period id, each a section read when first asked for.
    mutating func views(_ source: DerivedViews.Source) {
        let names = source.stakes.keys.sorted()
        uint(UInt64(names.count))
        for name in names {
            let s = source.stakes[name]!
            string(name)
            deferredSection { w in
                w.bool(s.noQuota)
                w.array(s.rules) { w, rule in
                    w.bool(rule.anyStake)
                    w.array(rule.groups) { w, g in
                        w.string(g.text); w.bool(g.notMet); w.bool(g.notYetDue); w.uint(UInt64(g.count))
                        w.array(Array(g.first.prefix(DerivedStakes.named))) { $0.uint(UInt64($1)) }
                    }
                }
            }
        }
        let ids = source.changes.keys.sorted()
        uint(UInt64(ids.count))
        let measures = Changes.measures
        for id in ids {
            let c = source.changes[id]!
            string(id)
            deferredSection { w in
                w.string(c.from)
                w.uint(UInt64(c.unchanged))
                w.uint(UInt64(c.items.count))
                for item in c.items {
                    let m = measures.firstIndex(of: item.measure)!
                    w.uint(UInt64(((item.owner.map { $0 + 1 } ?? 0) * measures.count + m)))
                }
            }
        }
    }
}

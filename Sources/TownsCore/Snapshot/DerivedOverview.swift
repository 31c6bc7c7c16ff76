import Foundation

/// What the overview's first frame works out over every town of one period, as its panels
/// need it (`AppState.overviewOrders`, the same code the overview runs when nothing is
/// stored): the towns behind in the panel's order, the changes panel's rows in order, and each
/// rule's counts. Stored per period in a snapshot (`DerivedTables.overview`) so that the first
/// frame from a snapshot works out only the rows it shows. Positions are in the dataset's order
/// of towns (the whole city: stored only for the overview without a filter).
public struct DerivedOverview: Equatable, Sendable {
    /// The towns behind with a known shortfall (`Progress.isBehind`), worst first (largest
    /// shortfall in 亿元; ties in the data's order).
    public var behind: [Int]
    /// Then the towns behind by their completion rate alone (their plan, so shortfall, unknown),
    /// most behind schedule first (schedule variance, percentage points).
    public var behindByRate: [Int]
    /// Then the towns whose verdict is undecided (`ScheduleReadings.isUndecided`: behind by one
    /// reading, not by the other, and a check fails on their figures; or the readings rest on a
    /// plan first derivable from a later period), every one of them, whatever its readings say, in
    /// the data's order; they are in neither list above. Behind and undecided together are the
    /// towns the behind filter keeps.
    public var undecided: [Int] = []
    /// The changes panel's rows since the previous period, in order: a town's position, or nil
    /// for the city's reported totals (first when they moved). Empty with no previous period.
    public var changes: [Int?]
    /// Of `changes`, the indices (ascending) of the rows that take a second line: a town (or the
    /// city) whose completed amount or completion rate is listed and one of its other measures
    /// (projects started, the start rate...: `AppState.goneOnlyMeasures`) went unknown, said on
    /// the line below (wave 34's F14). Worked out with the rows' order, so that the panel's line
    /// count needs no change worked out again for every town (at 10,000 towns that was half of
    /// the first frame: wave 35, session 28).
    public var changesTwoLines: [Int] = []
    /// For each of the dataset's rules, in order: its towns by status in the period.
    public var rules: [RuleCounts]
    /// The types panel: each type's progress over its towns (`GroupProgress`), in the dataset's
    /// order of types.
    public var types: [GroupProgress]

    /// A rule's towns by status (`Assessment.evaluate`): met, not met, unknown, only informed
    /// about (a term's years), not yet due in the period.
    public struct RuleCounts: Equatable, Sendable {
        public var met = 0, notMet = 0, unknown = 0, info = 0, due = 0
        public init() {}
    }

    public init(
        behind: [Int], behindByRate: [Int], undecided: [Int] = [], changes: [Int?], changesTwoLines: [Int] = [],
        rules: [RuleCounts], types: [GroupProgress]
    ) {
        self.behind = behind
        self.behindByRate = behindByRate
        self.undecided = undecided
        self.changes = changes
        self.changesTwoLines = changesTwoLines
        self.rules = rules
        self.types = types
    }
}

extension SnapshotWriter {
    /// Each period's overview panels (`DerivedOverview`) by period id: the number of periods,
    /// then for each its id and a section (read when the overview of that period is first shown).
    mutating func overviews(_ overviews: [String: DerivedOverview], townCount: Int) {
        let ids = overviews.keys.sorted()
        uint(UInt64(ids.count))
        for id in ids {
            let o = overviews[id]!
            string(id)
            deferredSection { w in
                w.array(o.behind) { $0.uint(UInt64($1)) }
                w.array(o.behindByRate) { $0.uint(UInt64($1)) }
                w.array(o.undecided) { $0.uint(UInt64($1)) }
                w.array(o.changes) { $0.uint($1.map { UInt64($0) + 1 } ?? 0) }  // 0: the city
                w.array(o.changesTwoLines) { $0.uint(UInt64($1)) }
                w.array(o.rules) { w, r in
                    for n in [r.met, r.notMet, r.unknown, r.info, r.due] { w.uint(UInt64(n)) }
                }
                w.array(o.types) { $0.groupProgress($1) }
            }
        }
    }
}

extension SnapshotReader {
    /// Where each period's overview section lies (`SnapshotWriter.overviews`), by period id.
    mutating func overviewRanges() throws -> [String: Range<Int>] {
        var ranges: [String: Range<Int>] = [:]
        for _ in 0..<(try count()) {
            let id = try string()
            guard ranges.updateValue(try deferredRange(), forKey: id) == nil else {
                throw Self.corrupt("the overview of period \(id) twice")
            }
        }
        return ranges
    }

    /// One period's overview panels, every position below `towns`.
    mutating func overview(towns: Int) throws -> DerivedOverview {
        func town(_ r: inout SnapshotReader) throws -> Int {
            let n = try r.natural()
            guard n < towns else { throw Self.corrupt("an overview row beyond the towns") }
            return n
        }
        let behind = try array(town), byRate = try array(town), undecided = try array(town)
        let changes = try array { r -> Int? in
            let n = try r.natural()
            guard n <= towns else { throw Self.corrupt("a change beyond the towns") }
            return n == 0 ? nil : n - 1
        }
        var lastTwoLines = -1
        let twoLines = try array { r -> Int in
            let n = try r.natural()
            guard n < changes.count, n > lastTwoLines else { throw Self.corrupt("a second change line beyond the changes") }
            lastTwoLines = n
            return n
        }
        let rules = try array { r in
            var c = DerivedOverview.RuleCounts()
            c.met = try r.natural(); c.notMet = try r.natural(); c.unknown = try r.natural()
            c.info = try r.natural(); c.due = try r.natural()
            return c
        }
        let types = try array { try $0.groupProgress() }
        guard atEnd else { throw Self.corrupt("bytes after a period's overview") }
        return DerivedOverview(
            behind: behind, behindByRate: byRate, undecided: undecided, changes: changes, changesTwoLines: twoLines,
            rules: rules, types: types)
    }
}

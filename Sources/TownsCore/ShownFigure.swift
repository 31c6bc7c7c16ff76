import Foundation

/// What a table shows of a figure: its quantity (with the digits its inputs support), whether
/// it is derived, interpreted or on another basis, and what it can stand for; no source,
/// formula or origin (a town's page shows those, from `Metrics`). About 80 bytes without any
/// reference-counted field, so a period's table of 10,000 towns (`TownPeriod`) is about
/// 5 MB and is copied and summed without atomic operations.
public struct ShownFigure: Sendable, Equatable {
    /// The value; an exact derived value carries `Figure.supportedDecimals` as its decimals
    /// (Nanhu's 2015 plan 3.52 / 23.5%: 15.0, not 14.98).
    public var quantity: Quantity
    /// Not printed as such: derived by arithmetic, or interpreted (`isInterpreted`).
    public var isDerived: Bool
    /// One reading of ambiguous words (`Provenance.interpreted`): marked apart, not summed as known.
    public var isInterpreted: Bool = false
    /// Worked out by arithmetic from an interpretation (`Figure.isWorkedFromInterpretation`):
    /// marked derived and interpreted both (`≈†`).
    public var isWorkedFromInterpretation: Bool = false
    /// Measured on a basis other than the paper's plain amount (`Figure.basis` set).
    public var onOtherBasis: Bool = false
    /// A projection to the year's end (`Figure.isProjection`): marked `→`, never summed as reported.
    public var isProjection: Bool = false
    /// What a derived figure can stand for (`Figure.interval`); nil: what its digits allow.
    public var interval: Interval? = nil

    /// The values the figure can stand for, as `Figure.possible` of the figure it shows: its
    /// `interval` when it has one, else what its printed digits allow (a derived figure without an
    /// interval keeps its own digits, `Figure.supportedDecimals`); nil for a bound.
    public var possible: Interval? {
        if let interval { return interval }
        guard case let .exact(v, d) = quantity else { return nil }
        return Interval(printed: v, decimals: d)
    }

    public init(quantity: Quantity, isDerived: Bool) {
        self.quantity = quantity
        self.isDerived = isDerived
    }

    /// The quantity and marks of `figure`; nil for no figure (unknown).
    public init?(_ figure: Figure?) {
        guard let figure else { return nil }
        var quantity = figure.quantity
        if case let .exact(v, _) = quantity, figure.isDerived, let d = figure.supportedDecimals {
            quantity = .exact(v, decimals: d)
        }
        self.init(quantity: quantity, isDerived: figure.isDerived)
        isInterpreted = figure.isInterpreted
        isWorkedFromInterpretation = figure.isWorkedFromInterpretation
        onOtherBasis = figure.basis != nil
        isProjection = figure.isProjection
        interval = figure.interval
    }
}

/// One town's figures in one period as the towns table shows them: `Metrics.PeriodFigures`
/// without sources or formulas. Stored per period in a snapshot (`DerivedTables`).
public struct TownPeriod: Sendable, Equatable {
    public var planYear: ShownFigure?
    public var completed: ShownFigure?
    public var completionRate: ShownFigure?
    public var projectsStarted: ShownFigure?
    public var projectsPlanned: ShownFigure?
    public var startRate: ShownFigure?
    /// False when `completed` and `planYear` may not be set against each other
    /// (`Metrics.PeriodFigures.completedComparesWithPlan`, by `Metrics.comparable`: another
    /// basis, or two sources): then they join no group's sums (`GroupProgress`).
    public var completedComparesWithPlan = true

    /// Figures given one by one (nil: unknown).
    public init(
        planYear: ShownFigure? = nil, completed: ShownFigure? = nil, completionRate: ShownFigure? = nil,
        projectsStarted: ShownFigure? = nil, projectsPlanned: ShownFigure? = nil, startRate: ShownFigure? = nil
    ) {
        self.planYear = planYear; self.completed = completed; self.completionRate = completionRate
        self.projectsStarted = projectsStarted; self.projectsPlanned = projectsPlanned; self.startRate = startRate
    }

    public init(_ f: Metrics.PeriodFigures) {
        planYear = ShownFigure(f.planYear)
        completed = ShownFigure(f.completed)
        completionRate = ShownFigure(f.completionRate)
        projectsStarted = ShownFigure(f.projectsStarted)
        projectsPlanned = ShownFigure(f.projectsPlanned)
        startRate = ShownFigure(f.startRate)
        completedComparesWithPlan = f.completedComparesWithPlan
    }
}

/// Every town's `TownPeriod` in one period, by position in `dataset.towns`, kept sparse: the
/// year's plans and the planned projects (per town, shared with the columns they come from,
/// so not copied) and only the rows of the towns with more than those (most towns report
/// nothing in a given month). A town without a row of its own reads as
/// `TownPeriod(planYear: plans[i], projectsPlanned: planned[i])`. At 10,000 towns a dense
/// table was about 5 MB a period, kept per period shown and by every towns list made from it;
/// this one holds a 4-byte slot per town and the rows of the towns with figures.
///
/// Equal when every town's row is equal, however it is held (`==` compares the rows read).
public struct PeriodTable: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Per town, the year's plan shown for a town without a row of its own.
    @usableFromInline let plans: [ShownFigure?]
    /// Per town, the planned projects shown for a town without a row of its own.
    @usableFromInline let planned: [ShownFigure?]
    /// Per town, its row's index in `rows`, or -1: no row of its own.
    @usableFromInline var slots: [Int32]
    @usableFromInline var rows: [TownPeriod] = []

    /// A table where town `i` reads as its plan `plans[i]` and planned projects `planned[i]`
    /// alone, until `set` gives it a row. `plans` and `planned` have a value per town (same count).
    public init(plans: [ShownFigure?], planned: [ShownFigure?]) {
        precondition(plans.count == planned.count, "plans and planned projects of different lengths")
        self.plans = plans
        self.planned = planned
        slots = Array(repeating: -1, count: plans.count)
    }

    /// The rows of their own of some towns of a period, as `DerivedTables.periodRows` decodes them
    /// apart from the year's plans and planned projects (on another thread): per town its row's
    /// index in `rows`, or -1.
    public struct OwnRows: Sendable {
        public var slots: [Int32]
        public var rows: [TownPeriod]

        /// No town of `count` with a row of its own, room for `capacity` rows.
        public init(towns count: Int, capacity: Int) {
            slots = Array(repeating: -1, count: count)
            rows = []
            rows.reserveCapacity(capacity)
        }
    }

    /// A table where town `i` reads as `own`'s row where it has one, else as its plan `plans[i]`
    /// and planned projects `planned[i]` alone. `plans`, `planned` and `own.slots` have a value
    /// per town (same count), and each slot is -1 or an index in `own.rows`.
    public init(plans: [ShownFigure?], planned: [ShownFigure?], own: OwnRows) {
        precondition(plans.count == planned.count && planned.count == own.slots.count,
                     "plans, planned projects and rows of different lengths")
        precondition(own.slots.allSatisfy { $0 < own.rows.count }, "a row beyond the rows")
        self.plans = plans
        self.planned = planned
        slots = own.slots
        rows = own.rows
    }

    /// A table of `count` towns that know nothing of the period (every figure unknown).
    public init(unknown count: Int) {
        let none = [ShownFigure?](repeating: nil, count: count)
        self.init(plans: none, planned: none)
    }

    /// Every row given, one per town, in order.
    public init(_ rows: [TownPeriod]) {
        self.init(unknown: rows.count)
        for (i, row) in rows.enumerated() { set(i, row) }
    }

    /// Every row given, one per town, in order (`[]`: no towns).
    public init(arrayLiteral rows: TownPeriod...) { self.init(rows) }

    /// Gives town `town` the row `row` (replacing any it had).
    public mutating func set(_ town: Int, _ row: TownPeriod) {
        let slot = slots[town]
        if slot >= 0 {
            rows[Int(slot)] = row
        } else {
            slots[town] = Int32(rows.count)
            rows.append(row)
        }
    }

    /// Room for `count` rows of their own.
    public mutating func reserveRows(_ count: Int) { rows.reserveCapacity(count) }

    /// 0: the first town.
    public var startIndex: Int { 0 }
    /// The number of towns.
    public var endIndex: Int { slots.count }

    /// Town `town`'s row (by position in `dataset.towns`): its own, else its plan and planned
    /// projects alone.
    public subscript(town: Int) -> TownPeriod {
        let slot = slots[town]
        return slot >= 0 ? rows[Int(slot)] : TownPeriod(planYear: plans[town], projectsPlanned: planned[town])
    }

    /// `body` of town `town`'s row (`self[town]`), read where it is kept rather than copied out
    /// first: a loop over thousands of towns that reads a few fields of each (the sums of a
    /// filtered list, its extreme rows) copied each ~600-byte row (issue 17, cold keys).
    @inlinable
    public func withRow<R>(_ town: Int, _ body: (TownPeriod) throws -> R) rethrows -> R {
        let slot = slots[town]
        if slot >= 0 { return try rows.withUnsafeBufferPointer { try body($0[Int(slot)]) } }
        return try body(TownPeriod(planYear: plans[town], projectsPlanned: planned[town]))
    }

    /// The same rows for the same towns, however each table holds them.
    public static func == (a: PeriodTable, b: PeriodTable) -> Bool { a.elementsEqual(b) }
}

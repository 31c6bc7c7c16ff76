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
    /// Measured on a basis other than the paper's plain amount (`Figure.basis` set).
    public var onOtherBasis: Bool = false
    /// A projection to the year's end (`Figure.isProjection`): marked `→`, never summed as reported.
    public var isProjection: Bool = false
    /// What a derived figure can stand for (`Figure.interval`); nil: what its digits allow.
    public var interval: Interval? = nil

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

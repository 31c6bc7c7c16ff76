import TownsCore

/// What a table shows of a figure: its quantity and whether it is derived; no source,
/// formula or origin (a town's page shows those, from `Metrics`). 33 bytes without any
/// reference-counted field, so a period's table of 10,000 towns (`TownPeriod`) is about
/// 2 MB and is copied and summed without atomic operations.
public struct ShownFigure: Sendable, Equatable {
    public var quantity: Quantity
    public var isDerived: Bool

    public init(quantity: Quantity, isDerived: Bool) {
        self.quantity = quantity
        self.isDerived = isDerived
    }

    /// The quantity and derived mark of `figure`; nil for no figure (unknown).
    public init?(_ figure: Figure?) {
        guard let figure else { return nil }
        self.init(quantity: figure.quantity, isDerived: figure.isDerived)
    }
}

/// One town's figures in one period as the towns table shows them: `Metrics.PeriodFigures`
/// without sources or formulas.
public struct TownPeriod: Sendable {
    public var planYear: ShownFigure?
    public var completed: ShownFigure?
    public var completionRate: ShownFigure?
    public var projectsStarted: ShownFigure?
    public var projectsPlanned: ShownFigure?
    public var startRate: ShownFigure?

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
    }
}

extension Metrics.Tally {
    /// Adds one town's figure as a table holds it.
    mutating func add(_ shown: ShownFigure?) {
        add(shown?.quantity, derived: shown?.isDerived == true)
    }
}

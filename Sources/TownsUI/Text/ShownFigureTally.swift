import TownsCore

extension Metrics.Tally {
    /// Adds one town's figure as a table holds it.
    mutating func add(_ shown: ShownFigure?) {
        add(shown?.quantity, derived: shown?.isDerived == true, interval: shown?.interval)
        if shown?.isInterpreted == true { interpreted += 1 }
    }
}

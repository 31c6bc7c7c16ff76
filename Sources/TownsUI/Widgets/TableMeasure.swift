import Foundation

extension TableLayout {
    /// What some rows need of one column, in cells: the widest cell (`natural`), and the
    /// widest parts of its numbers before and after the units digit (`head`, `tail`: counted
    /// only in a right-aligned column, `naturalWidths(columns:rows:)`). Kept so that rows
    /// measured once (a snapshot's width sample, `DerivedKeys.Source.measures`) need not be
    /// made again.
    public struct Measure: Equatable, Sendable {
        public var natural = 0, head = 0, tail = 0

        public init(natural: Int = 0, head: Int = 0, tail: Int = 0) {
            (self.natural, self.head, self.tail) = (natural, head, tail)
        }
    }

    /// The measure of `rows` in each of `columns` (a cell past them is left out; the parts of
    /// numbers only in a right-aligned column).
    public static func measure(_ rows: [TableRow], columns: [Column]) -> [Measure] {
        var measures = Array(repeating: Measure(), count: columns.count)
        for row in rows {
            for (i, cell) in row.cells.enumerated() where i < columns.count {
                measures[i].natural = max(measures[i].natural, cell.naturalWidth)
                if columns[i].alignment == .right, let split = cell.unitsSplit {
                    measures[i].head = max(measures[i].head, split.head)
                    measures[i].tail = max(measures[i].tail, split.tail)
                }
            }
        }
        return measures
    }

    /// `naturalWidths(columns:rows:)` of the rows `rows` and rows measured before (`measured`,
    /// a measure per column, or empty): the same widths as of all those rows measured together.
    public static func naturalWidths(columns: [Column], rows: [[TableRow]], measured: [Measure]) -> [Int] {
        var all = rows.map { measure($0, columns: columns) }
        if measured.count == columns.count { all.append(measured) }
        return columns.indices.map { i in
            // A sorted column's mark is measured with its title (see `naturalWidths(columns:rows:)`).
            let natural = all.reduce(DisplayWidth.of(columns[i].title)) { max($0, $1[i].natural) }
            guard columns[i].alignment == .right else { return natural }
            let head = all.reduce(0) { max($0, $1[i].head) }, tail = all.reduce(0) { max($0, $1[i].tail) }
            return max(natural, head + tail)
        }
    }
}

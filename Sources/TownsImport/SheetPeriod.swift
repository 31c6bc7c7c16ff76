import Foundation
import TownsCore

/// The month a sheet reports, read from its period column.
///
/// Accepted (ASCII or full-width digits, surrounding spaces): `2015-10` and `2015-1`
/// (YYYY-MM, one- or two-digit month), `2015年10月`, and the statistics offices' cumulative
/// label `2015年1-10月` (also with `—`, `~` or `～`). Refused with a message: other separators
/// (`2015/10`, `2015.10`), a day (`2015-10-01`), month names (`Oct-15`: a spreadsheet turned
/// the text into a date; format the column as text), months outside 1-12 (`2015-13`).
public struct SheetPeriod: Hashable, Sendable {
    public var year: Int
    /// The last month covered, 1-12 (figures are cumulative from January).
    public var month: Int

    public init(year: Int, month: Int) { self.year = year; self.month = month }

    /// The period id used in the data files, e.g. `2015-10`.
    public var id: String { String(format: "%04d-%02d", year, month) }

    /// Reads `raw`, or returns what is wrong with it.
    public static func parse(_ raw: String) -> Result<SheetPeriod, Problem> {
        let text = SheetNumber.normalise(raw)
        if text.isEmpty { return .failure(Problem(.emptyPeriod)) }
        let scalars = Array(text)
        func digits(_ from: Int, _ to: Int) -> Int? {
            guard from <= to, to <= scalars.count else { return nil }
            let s = String(scalars[from..<to])
            guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        guard scalars.count >= 6, let year = digits(0, 4) else {
            return .failure(Problem(.notAMonth(raw)))
        }
        var month: Int?
        let rest = String(scalars[4...])
        if rest.hasPrefix("-"), rest.count <= 3, let m = Int(rest.dropFirst()),
            rest.dropFirst().allSatisfy(\.isNumber) {
            month = m
        } else if rest.hasPrefix("年"), rest.hasSuffix("月") {
            var inner = String(rest.dropFirst().dropLast())
            for dash in ["-", "—", "~", "～", "－"] where inner.hasPrefix("1" + dash) {
                inner = String(inner.dropFirst(1 + dash.count))
            }
            if !inner.isEmpty, inner.count <= 2, inner.allSatisfy({ $0.isASCII && $0.isNumber }) { month = Int(inner) }
        }
        guard let month else { return .failure(Problem(.notAMonth(raw))) }
        guard (1...12).contains(month) else {
            return .failure(Problem(.monthOutOfRange(raw, month: month)))
        }
        // The years the loader takes (a sheet of 1007-10 was written, then refused on load: fuzz-import).
        guard CalendarDate.years.contains(year) else {
            return .failure(Problem(.yearOutside(raw, year: year, lower: CalendarDate.years.lowerBound,
                                                 upper: CalendarDate.years.upperBound)))
        }
        return .success(SheetPeriod(year: year, month: month))
    }

    /// What is wrong with a period cell.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong, as data (worded in either language when shown).
        public var message: SheetProblem
        /// The English words.
        public var description: String { message.english }
        public init(_ message: SheetProblem) { self.message = message }
    }
}

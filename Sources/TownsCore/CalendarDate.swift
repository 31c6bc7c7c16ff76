import Foundation

/// The dates written in the data files (`list_date`, a province list's `date`): `YYYY-MM-DD`,
/// a day that exists in the Gregorian calendar, in `years`.
public enum CalendarDate {
    /// Years a period or a date of the data may name: any other is a typing error (and a
    /// year far out of range would overflow the arithmetic on months).
    public static let years = 1900...2999

    /// Why `text` is not such a date ("'2015-02-30' is not a day: February 2015 has 28 days"),
    /// or nil when it is one.
    static func problem(_ text: String) -> ValueProblem? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return .notADate(text, full: true)
        }
        guard years.contains(year) else {
            return .dateYear(text, year: year, lower: years.lowerBound, upper: years.upperBound)
        }
        guard (1...12).contains(month) else { return .dateMonth(text, month: month) }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else {
            return .dateDay(text, yearMonth: String(format: "%04d-%02d", year, month), days: days)
        }
        return nil
    }
}

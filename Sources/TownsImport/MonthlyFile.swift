import Foundation
import TownsCore

/// The text of `Data/monthly/YYYY-MM.toml` for a checked import: human-readable TOML in the
/// record format of dataset.toml (`[[period]]`, when the period is new), sources.toml (one
/// `[[source]]` describing the import) and figures.toml (one `[[figure]]` a value, its
/// `source` the import's id and `at` the sheet's line).
public struct MonthlyFile: Sendable {
    /// File name inside `monthly/`, e.g. `2015-10.toml`.
    public var name: String
    /// The source id, e.g. `import-2015-10`.
    public var sourceID: String
    /// The TOML text.
    public var text: String
    /// Number of `[[figure]]` records.
    public var figureCount: Int

    /// Builds the file for `checked` (which must have a period and no errors).
    /// - Parameters:
    ///   - sheetName: the CSV file's name (no folder), named in the source's title.
    ///   - encoding, unit: as detected, recorded in the source's note.
    ///   - periodIsNew: write a `[[period]]` record (dataset.toml does not define the month).
    ///   - date: the import's date and time, as it should be printed (`2026-11-30 14:02`).
    public init(checked: MonthlyImport, sheetName: String, encoding: SheetEncoding, unit: SheetColumn.AmountUnit,
                periodIsNew: Bool, date: String) {
        let period = checked.period!
        name = "\(period.id).toml"
        sourceID = "import-\(period.id)"
        var out: [String] = []
        let unitNote = unit == .wan ? "amounts in 万元, divided by 10000 into 亿元" : "amounts in 亿元"
        out.append("# Monthly figures for \(MonthlyFile.labelZH(period)) (\(period.id)), written by `towns import` " +
            "on \(date)")
        out.append("# from \(MonthlyFile.comment(sheetName)) (\(encoding.rawValue); \(unitNote)).")
        out.append("# Re-importing the month replaces this file: correct the sheet and import it again rather")
        out.append("# than editing here. Fields as in dataset.toml ([[period]]), sources.toml and figures.toml.")
        if periodIsNew {
            out += ["", "[[period]]", "id = \(MonthlyFile.quoted(period.id))",
                "label_zh = \(MonthlyFile.quoted(MonthlyFile.labelZH(period)))",
                    "label_en = \(MonthlyFile.quoted(MonthlyFile.labelEN(period)))", "year = \(period.year)",
                    "through = \(period.month)"]
        }
        let towns = checked.entries.map(\.town.id).joined(separator: ", ")
        out += ["", "[[source]]", "id = \(MonthlyFile.quoted(sourceID))",
                "title = \(MonthlyFile.quoted("月报 monthly sheet \(period.id): \(sheetName), imported \(date)"))",
                "note = "
                    + MonthlyFile.quoted("Imported by towns import from \(sheetName): \(encoding.rawValue), "
                        + "\(unitNote); \(checked.entries.count) towns (\(towns)).")]
        var count = 0
        for entry in checked.entries {
            out += ["", "# \(MonthlyFile.comment(entry.town.nameZH)), sheet line \(entry.line)"]
            var records: [(Measure, Quantity, String?)] = [(.completed, entry.completed,
                entry.completedAsWritten.map { "\($0) in the sheet" })]
            if let rate = entry.completionRate { records.append((.completionRate, rate, nil)) }
            if let started = entry.projectsStarted { records.append((.projectsStarted, started, nil)) }
            for (i, (measure, quantity, note)) in records.enumerated() {
                if i > 0 { out.append("") }
                out += ["[[figure]]", "town = \(MonthlyFile.quoted(entry.town.id))",
                    "measure = \(MonthlyFile.quoted(measure.rawValue))",
                        "period = \(MonthlyFile.quoted(period.id))", "value = \(MonthlyFile.value(quantity))",
                        "source = \(MonthlyFile.quoted(sourceID))", "at = \(MonthlyFile.quoted("line \(entry.line)"))"]
                if let note { out.append("note = \(MonthlyFile.quoted(note))") }
                count += 1
            }
        }
        figureCount = count
        text = out.joined(separator: "\n") + "\n"
    }

    /// `2015年1-10月`, `2015年1月`, `2015年全年`: the labels dataset.toml uses.
    public static func labelZH(_ p: SheetPeriod) -> String {
        p.month == 12 ? "\(p.year)年全年" : p.month == 1 ? "\(p.year)年1月" : "\(p.year)年1-\(p.month)月"
    }

    /// `2015 Jan-Oct`, `2015 Jan`, `2015 full year`.
    public static func labelEN(_ p: SheetPeriod) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return p.month == 12 ? "\(p.year) full year" : p.month == 1 ? "\(p.year) Jan" : "\(p.year) " +
            "Jan-\(months[p.month - 1])"
    }

    /// A TOML basic string: `"` and `\` escaped, control characters as `\uXXXX`.
    static func quoted(_ s: String) -> String { TOMLText.string(s) }

    /// Text safe in a `#` comment: line breaks and control characters replaced.
    static func comment(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }

    /// A value as the loader reads it back unchanged: a bare number when a TOML float or
    /// integer keeps its digits (`13.56`, `140`), else a string (`"9.30"`, which keeps the
    /// trailing zero that a float would drop).
    static func value(_ q: Quantity) -> String {
        guard case let .exact(v, d) = q else { return "0" }
        let text = DecimalMath.text(v, scale: d)
        if d == 0 { return text }
        if let double = Double(text), "\(double)" == text { return text }
        return quoted(text)
    }
}

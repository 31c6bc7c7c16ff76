import CSV
import Foundation
import TownsCore

/// A statistics office's monthly sheet, read from CSV text: its header (which column is
/// which, the amount unit) and its data rows with their line numbers. Values are not
/// interpreted here (see `MonthlyImport`).
///
/// CSV is RFC 4180 with a comma delimiter (yaslab/CSV.swift): a field with a comma, quote
/// or line break is quoted (`"1,234.5"`), a quote inside is doubled. Rows above the header
/// (a title such as `嘉兴市特色小镇投资月报`) are skipped: the header is the first row with a
/// town column. Blank rows are skipped. A problem is a `LoadIssue` whose line is the line on
/// which the row starts and whose column is the 1-based field number (spreadsheet column A = 1).
public struct MonthlySheet: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// 1-based line on which the row starts.
        public var line: Int
        /// The fields as the CSV gives them (not trimmed).
        public var fields: [String]
    }

    /// The file name used in messages.
    public var file: String
    public var encoding: SheetEncoding
    /// 1-based line of the header row; nil when no header was found.
    public var headerLine: Int?
    /// 1-based field number of each column the header names.
    public var columns: [SheetColumn: Int] = [:]
    /// The unit of the completed column; nil when the header gives none (an error).
    public var unit: SheetColumn.AmountUnit?
    public var rows: [Row] = []
    /// Errors and warnings about the file's shape and header (row values are checked by
    /// `MonthlyImport`).
    public var issues: [LoadIssue] = []
    /// Lines above the header that were skipped (a title).
    public var skippedTitleLines: Int = 0

    /// The trimmed text of `column` in `row` and its field number; nil when the sheet has no
    /// such column. A row shorter than the header has empty cells at its end.
    public func cell(_ column: SheetColumn, in row: Row) -> (text: String, column: Int)? {
        guard let index = columns[column] else { return nil }
        let text = index <= row.fields.count ? row.fields[index - 1] : ""
        return (text.trimmingCharacters(in: SheetNumber.spaces), index)
    }

    /// Most lines a sheet may have: a spreadsheet's rows (Excel, LibreOffice: 1,048,576).
    public static let maximumLines = 1_048_576

    /// Reads the sheet in `text`; a sheet of more than `maximumLines` lines is an error.
    public init(text: SheetText, file: String) {
        self.file = file
        encoding = text.encoding
        if let problem = MonthlySheet.quotingProblem(text.text) {
            issues.append(LoadIssue(.error, .sheet, file: file, line: problem.line, column: problem.column,
                field: "csv", .sheet(problem.text)))
            return
        }
        func blank(_ r: Row) -> Bool {
            r.fields.allSatisfy { $0.isEmpty || $0.trimmingCharacters(in: SheetNumber.spaces).isEmpty }
        }
        // Only the rows with something in them are kept (blank rows are skipped everywhere
        // below): a sheet of 16 MiB of blank lines costs no row each.
        // More lines than a spreadsheet holds (1,048,576 rows): refused before the CSV reader
        // spends a record on each (16 MiB of blank lines would be 16 million records).
        let lines = text.text.utf8.withContiguousStorageIfAvailable { $0.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            ?? text.text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if lines > MonthlySheet.maximumLines {
            issues.append(LoadIssue(.error, .sheet, file: file, line: MonthlySheet.maximumLines + 1, field: "csv",
                                    .sheet(.tooManyLines(lines: lines, maximum: MonthlySheet.maximumLines))))
            return
        }
        var records: [Row] = []
        do {
            let reader = try CSVReader(string: text.text, hasHeaderRow: false)
            var line = 1
            while let fields = reader.next() {
                let row = Row(line: line, fields: fields)
                if !blank(row) { records.append(row) }
                line += 1 + fields.reduce(0) { $0 + MonthlySheet.lineBreaks(in: $1) }
            }
            if let error = reader.error { throw error }
        } catch {
            issues.append(LoadIssue(.error, .sheet, file: file, field: "csv",
                .sheet(.notCSV("\(error)"))))
            return
        }
        guard let headerIndex = records.firstIndex(where: { r in
            r.fields.contains { SheetColumn.header($0).column == .town }
        }) else {
            let first = records.first(where: { !blank($0) })?.fields.joined(separator: ",") ?? ""
            let problem = SheetProblem.noHeader(columns: SheetColumn.allCases.map(\.label),
                                                separators: first.contains("\t") || first.contains(";"))
            issues.append(LoadIssue(.error, .sheet, file: file, line: records.first(where: { !blank($0) })?.line ?? 1,
                field: "header", .sheet(problem)))
            return
        }
        let header = records[headerIndex]
        headerLine = header.line
        skippedTitleLines = records[..<headerIndex].filter { !blank($0) }.count
        readHeader(header)
        for row in records[(headerIndex + 1)...] where !blank(row) {
            // More fields than the header is refused even when the extra ones are empty: a decimal
            // comma left unquoted ("1,") splits a number and leaves an empty field at the end, and the
            // row would otherwise be read with its numbers shifted or cut (a fresh user's `95,1,`).
            if row.fields.count > header.fields.count {
                issues.append(LoadIssue(.error, .sheet, file: file, line: row.line, column: header.fields.count + 1,
                    field: "csv",
                                        .sheet(.tooManyFields(fields: row.fields.count, header: header.fields.count))))
                continue
            }
            rows.append(row)
        }
        if rows.isEmpty && issues.allSatisfy({ $0.severity != .error }) {
            issues.append(LoadIssue(.error, .sheet, file: file, line: header.line, field: "csv",
                .sheet(.noDataRows)))
        }
    }

    /// Finds the columns and the unit in the header row.
    private mutating func readHeader(_ header: Row) {
        for (i, raw) in header.fields.enumerated() {
            let index = i + 1
            if raw.trimmingCharacters(in: SheetNumber.spaces).isEmpty { continue }
            let cell = SheetColumn.header(raw)
            guard let column = cell.column else {
                issues.append(LoadIssue(.warning, .sheet, file: file, line: header.line, column: index, field: "header",
                                        .sheet(.columnNotRead(raw, known: SheetColumn.allCases.map(\.label)))))
                continue
            }
            if let first = columns[column] {
                issues.append(LoadIssue(.error, .sheet, file: file, line: header.line, column: index,
                    field: column.rawValue,
                                        .sheet(.secondColumn(label: column.label, first: first))))
                continue
            }
            columns[column] = index
            switch column {
            case .completed:
                if let unit = cell.unit {
                    if let u = SheetColumn.AmountUnit(rawValue: unit) { self.unit = u } else {
                        issues.append(LoadIssue(.error, .sheet, file: file, line: header.line, column: index,
                            field: column.rawValue,
                                                .sheet(.amountUnit(unit))))
                    }
                } else {
                    issues.append(LoadIssue(.error, .sheet, file: file, line: header.line, column: index,
                        field: column.rawValue,
                                            .sheet(.noAmountUnit)))
                }
            case .completionRate:
                if let unit = cell.unit, unit != "%" {
                    issues.append(LoadIssue(.error, .sheet, file: file, line: header.line, column: index,
                        field: column.rawValue,
                                            .sheet(.rateUnit(unit))))
                }
            case .projectsStarted:
                if let unit = cell.unit, unit != "个" {
                    issues.append(LoadIssue(.error, .sheet, file: file, line: header.line, column: index,
                        field: column.rawValue,
                                            .sheet(.countUnit(unit))))
                }
            case .town, .period:
                if let unit = cell.unit {
                    issues.append(LoadIssue(.warning, .sheet, file: file, line: header.line, column: index,
                        field: column.rawValue,
                                            .sheet(.unitIgnored(unit, label: column.label))))
                }
            }
        }
        for column in SheetColumn.allCases where column.isRequired && columns[column] == nil {
            issues.append(LoadIssue(.error, .sheet, file: file, line: header.line, field: column.rawValue,
                                    .sheet(.missingColumn(label: column.label))))
        }
    }

    /// Line breaks inside a field (a quoted field may hold them): CR LF, LF or CR alone.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\n" { if !previousCR { count += 1 } }
            else if scalar == "\r" { count += 1 }
            previousCR = scalar == "\r"
        }
        return count
    }

    /// Malformed quoting, which CSV readers silently read some way or other: a quoted field
    /// never closed, or text between a closing quote and the next comma. Returns where.
    static func quotingProblem(_ text: String) -> (line: Int, column: Int, text: SheetProblem)? {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var line = 1, field = 1
        var openedAt = (line: 1, column: 1)
        var previousCR = false
        for scalar in text.unicodeScalars {
            let newline = scalar == "\n" || scalar == "\r"
            let countsLine = scalar == "\r" || (scalar == "\n" && !previousCR)
            previousCR = scalar == "\r"
            switch state {
            case .fieldStart, .unquoted:
                if scalar == "\"" && state == .fieldStart { state = .quoted; openedAt = (line, field) }
                else if scalar == "," { state = .fieldStart; field += 1 }
                else if newline { state = .fieldStart; field = 1 }
                else { state = .unquoted }
            case .quoted:
                if scalar == "\"" { state = .afterQuote }
            case .afterQuote:
                if scalar == "\"" { state = .quoted }
                else if scalar == "," { state = .fieldStart; field += 1 }
                else if newline { state = .fieldStart; field = 1 }
                else {
                    return (line, field, .textAfterQuote)
                }
            }
            if countsLine { line += 1 }
        }
        if state == .quoted {
            return (openedAt.line, openedAt.column, .unclosedQuote)
        }
        return nil
    }
}

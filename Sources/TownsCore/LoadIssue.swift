/// A problem found while loading `Data/`, or a monthly sheet (`towns import`): where (file,
/// line, column, field) and what.
///
/// Printed as `FILE:LINE: FIELD: PROBLEM` (`FILE:LINE:COLUMN: ...` when the column is known),
/// the form editors and `grep -n` understand.
public struct LoadIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    /// Path of the file, as given to the loader.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known: the character column of a TOML syntax error; the field
    /// number (spreadsheet column A = 1) of a problem in a monthly sheet.
    public var column: Int?
    /// The field, e.g. `town[2].type` or `figure[7].value`; nil for whole-file problems.
    public var field: String?
    public var problem: String

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, problem: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column
        self.field = field; self.problem = problem
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": "
        if severity == .warning { s += "warning: " }
        if let field { s += "\(field): " }
        return s + problem
    }
}

/// Thrown by `DatasetLoader.load` when any error was found: all of them, in file order,
/// plus the warnings. Nothing of a failed load is used.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [LoadIssue]
    public var errors: [LoadIssue] { issues.filter { $0.severity == .error } }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

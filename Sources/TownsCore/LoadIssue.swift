/// A problem found while loading `Data/`, or a monthly sheet (`towns import`): where (file,
/// line, column, field), what, and its class (`Kind`, which gives the exit status).
///
/// Printed as `FILE:LINE: FIELD: PROBLEM` (`FILE:LINE:COLUMN: ...` when the column is known),
/// the form editors and `grep -n` understand.
public struct LoadIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// The class of a problem. Each class of error has an exit status of its own, so a script
    /// (or a cron job mailing the office) can tell a syntax error from a missing file without
    /// reading the message. A failed load exits with the status of its first error
    /// (`LoadFailure.exitCode`). The table is in README.md and in `towns check --help`.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// The file is not valid TOML (with line and column). Exit 10.
        case syntax
        /// A field holds another type than it must (a string where a number belongs, a
        /// string that is not a decimal number). Exit 11.
        case wrongType
        /// A required field, table or record is missing, or a required text is blank. Exit 12.
        case missing
        /// An amount that is negative, NaN or infinite, or beyond a decimal (1e300). Exit 13.
        case badAmount
        /// A value that cannot be: a share above 100%, a month outside 1-12, a word not in
        /// the list, a whole number with decimals, fields that exclude each other, periods
        /// out of order. Exit 14.
        case impossible
        /// An id, record or figure given twice (also across files). Exit 15.
        case duplicate
        /// A reference to nothing: an unknown town, entity, source, period, type, city,
        /// problem or countermeasure. Exit 16.
        case unknownReference
        /// The bytes are not UTF-8 text (with the line). Exit 17.
        case notUTF8
        /// The file is empty (nothing but blank space). Exit 18.
        case empty
        /// The file is larger than a data file may be (refused by its size, before reading). Exit 19.
        case tooLarge
        /// The file (or the dataset folder) does not exist, or is a symbolic link to nothing. Exit 20.
        case notFound
        /// A directory (or a device, FIFO or socket) where a file should be, or a file where a
        /// folder should be. Exit 21.
        case notAFile
        /// The file cannot be read: permission denied, an I/O error. Exit 22.
        case unreadable
        /// The path is a loop of symbolic links (`a -> b -> a`). Exit 23.
        case symlinkLoop
        /// A field or table the format does not have (a misspelling?): a warning, never an
        /// error. Exit 0.
        case unknownField
        /// A problem in a monthly sheet read by `towns import` (CSV, not the dataset). Exit 1.
        case sheet

        /// The exit status of a command whose first error is of this class.
        public var exitCode: Int32 {
            switch self {
            case .unknownField: return 0
            case .sheet: return 1
            case .syntax: return 10
            case .wrongType: return 11
            case .missing: return 12
            case .badAmount: return 13
            case .impossible: return 14
            case .duplicate: return 15
            case .unknownReference: return 16
            case .notUTF8: return 17
            case .empty: return 18
            case .tooLarge: return 19
            case .notFound: return 20
            case .notAFile: return 21
            case .unreadable: return 22
            case .symlinkLoop: return 23
            }
        }

        /// What the class means, for the table of exit codes.
        public var summary: String {
            switch self {
            case .syntax: return "TOML syntax error"
            case .wrongType: return "wrong type (a string where a number belongs, ...)"
            case .missing: return "a required field, table or record is missing"
            case .badAmount: return "a negative, NaN or infinite amount, one beyond what any town's can be (above "
                + "10000 亿元, a rate above 1000%, more than 10 significant digits), or one with more than 15 digits "
                + "before or after its point (1e30, 1e-20, 1e-400)"
            // The misspelt word too (`measure = "complted"`), as the exit codes' table says: wave 35's
            // fresh user read "a value that cannot be" for a misspelt measure as the wrong class.
            case .impossible: return "a value that cannot be (a share above 100%, a month 13, a word not in the list, ...)"
            case .duplicate: return "a duplicate id, record or figure"
            case .unknownReference: return "refers to nothing (unknown town, entity, source, period, ...)"
            case .notUTF8: return "not valid UTF-8 text"
            case .empty: return "an empty file"
            case .tooLarge: return "a file too large (refused by its size, unread)"
            case .notFound: return "a file or the dataset folder not found"
            case .notAFile: return "a directory (or device, FIFO) where a file should be"
            case .unreadable: return "a file that cannot be read (permission denied)"
            case .symlinkLoop: return "a loop of symbolic links"
            case .unknownField: return "an unknown field (a warning; the load succeeds)"
            case .sheet: return "towns import: errors in the sheet"
            }
        }

        /// What the class means, in Chinese (`summary` in English).
        public var summaryZH: String {
            switch self {
            case .syntax: return "TOML 语法错误"
            case .wrongType: return "类型不对（该填数字处是字符串等）"
            case .missing: return "缺少必填的字段、表或记录"
            case .badAmount: return "金额为负、NaN 或无穷，超出任何小镇可能的数值（超过 10000 亿元、完成率超过 1000%、"
                + "有效数字超过 10 位），或小数点前后超过 15 位（1e30、1e-20、1e-400）"
            case .impossible: return "不可能的值（占比超过 100%、13 月、不在所列之中的词等）"
            case .duplicate: return "重复的编号、记录或数值"
            case .unknownReference: return "指向不存在之物（未知的小镇、运营主体、来源、期间等）"
            case .notUTF8: return "不是有效的 UTF-8 文本"
            case .empty: return "空文件"
            case .tooLarge: return "文件过大（按大小拒绝，未读取）"
            case .notFound: return "找不到文件或数据集目录"
            case .notAFile: return "应为文件处是目录（或设备、FIFO）"
            case .unreadable: return "文件无法读取（权限不足）"
            case .symlinkLoop: return "符号链接循环"
            case .unknownField: return "未知字段（警告；仍可载入）"
            case .sheet: return "towns import：表格有错误"
            }
        }

        /// The classes of dataset errors, in exit-code order (the table's rows).
        public static var datasetErrors: [Kind] {
            allCases.filter { $0.exitCode >= 10 }.sorted { $0.exitCode < $1.exitCode }
        }

        /// The table of exit codes for dataset errors, one line each (`  10  TOML syntax error`),
        /// as `towns check --help` prints it.
        public static var exitCodeTable: String {
            datasetErrors.map { "  \($0.exitCode)  \($0.summary)" }.joined(separator: "\n")
        }
    }

    public var severity: Severity
    public var kind: Kind
    /// Path of the file, as given to the loader.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known: the character column of a TOML syntax error; the field
    /// number (spreadsheet column A = 1) of a problem in a monthly sheet.
    public var column: Int?
    /// The field, e.g. `town[2].type` or `figure[7].value`; nil for whole-file problems.
    public var field: String?
    /// What is wrong, in English (`message.english` when there is a message).
    public var problem: String
    /// What is wrong as data, worded in either language (`description(chinese:)`); nil for a
    /// problem still built from a free English string.
    public var message: LoadMessage?

    public init(_ severity: Severity, _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
        field: String? = nil,
                problem: String) {
        self.severity = severity; self.kind = kind; self.file = file; self.line = line; self.column = column
        self.field = field; self.problem = problem
    }

    /// A problem given as data: `problem` holds its English words.
    public init(_ severity: Severity, _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
                field: String? = nil, _ message: LoadMessage) {
        self.init(severity, kind, file: file, line: line, column: column, field: field, problem: message.english)
        self.message = message
    }

    /// Equal when they say the same in English at the same place: `message` is how `problem` was
    /// made, not more (an issue built from the words equals one built from the data).
    public static func == (a: LoadIssue, b: LoadIssue) -> Bool {
        a.severity == b.severity && a.kind == b.kind && a.file == b.file && a.line == b.line
            && a.column == b.column && a.field == b.field && a.problem == b.problem
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity); hasher.combine(kind); hasher.combine(file); hasher.combine(line)
        hasher.combine(column); hasher.combine(field); hasher.combine(problem)
    }

    /// `FILE:LINE: FIELD: PROBLEM` in English.
    public var description: String { description(chinese: false) }

    /// `FILE:LINE: FIELD: PROBLEM` in Chinese (`chinese`: `警告：` for `warning: `, the message's
    /// Chinese words; a problem without a message keeps its English words) or English. The
    /// file, line, column and field are the same in both.
    public func description(chinese: Bool) -> String {
        place(chinese: chinese) + words(chinese: chinese)
    }

    /// `FILE:LINE: FIELD: ` and the problem in brief, the reason first (`LoadMessage.briefWords`:
    /// a TOML syntax error without `TOML syntax: Error while parsing …: `), for a line with
    /// little room (a failed live reload's status line, wave 43); nil where the problem has no
    /// briefer words than `description(chinese:)`.
    public func briefDescription(chinese: Bool) -> String? {
        message?.briefWords(chinese: chinese).map { place(chinese: chinese) + $0 }
    }

    /// `FILE:LINE:COLUMN: ` (`警告：` or `warning: ` for a warning) `FIELD: `, as known.
    private func place(chinese: Bool) -> String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": "
        if severity == .warning { s += chinese ? "警告：" : "warning: " }
        if let field { s += "\(field): " }
        return s
    }

    /// The problem alone in Chinese (`chinese`) or English (`problem`).
    public func words(chinese: Bool) -> String {
        chinese ? (message?.chinese ?? problem) : problem
    }
}

/// Thrown by `DatasetLoader.load` when any error was found: all of them, in file order,
/// plus the warnings. Nothing of a failed load is used.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [LoadIssue]
    public var errors: [LoadIssue] { issues.filter { $0.severity == .error } }
    public var description: String { issues.map(\.description).joined(separator: "\n") }

    public init(issues: [LoadIssue]) { self.issues = issues }

    /// The exit status for the command line: that of the first error's class (see
    /// `LoadIssue.Kind.exitCode`); 1 if there is, oddly, no error.
    public var exitCode: Int32 {
        errors.first?.kind.exitCode ?? 1
    }
}

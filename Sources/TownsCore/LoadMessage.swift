/// What a load problem says, as data (wave 8): the kind of message and its arguments, worded
/// when shown, in English (`english`, the words `LoadIssue.problem` always held, which tests,
/// scripts and `grep` rely on) or Chinese (`chinese`), as the session's language picks. The
/// file, line, column and field stay in the `LoadIssue` around it, in either language.
///
/// ```swift
/// let m = LoadMessage.unknownTown("jx-99")
/// m.english   // "unknown town 'jx-99' (not in towns.toml)"
/// m.chinese   // "未知的小镇「jx-99」（towns.toml 中没有）"
/// ```
///
/// Every problem the loaders and `towns import` find is a case (wave 11: the value checks are
/// `value(ValueProblem)`, a sheet's problems `sheet(SheetProblem)`); a `LoadIssue` built from a
/// free string (tests only) has no message and says its English words in both languages.
public enum LoadMessage: Hashable, Sendable, Codable {
    /// What a field must hold (`expected a string, ...`).
    public enum Expected: String, CaseIterable, Hashable, Sendable, Codable {
        case string, integer, boolean, stringArray, number
    }

    /// The TOML type a field was found to hold (`..., found an integer`).
    public enum Found: String, CaseIterable, Hashable, Sendable, Codable {
        case string, integer, number, boolean, array, table, dateTime
    }

    /// What a data file should be, in messages about reading it.
    public enum FileRole: String, CaseIterable, Hashable, Sendable, Codable {
        /// A dataset's file (`towns.toml`, `monthly/2015-09.toml`).
        case toml
        /// A monthly sheet read by `towns import`.
        case csv
    }

    /// What kind of record an id names, in a duplicate's message.
    public enum Record: String, CaseIterable, Hashable, Sendable, Codable {
        case town, period, source, entity, city, rule, problem, countermeasure, basis, passage
    }

    /// Which folder a folder problem is about.
    public enum Folder: String, CaseIterable, Hashable, Sendable, Codable {
        /// The dataset folder (`--data`).
        case dataset
        /// The dataset's `monthly/` folder.
        case monthly
    }

    // Fields of a record (RecordReader).
    /// A required field is absent.
    case missingRequired
    /// A required text is blank.
    case blankText
    /// Another type than the field holds.
    case wrongType(expected: Expected, found: Found)
    /// An array of strings holding an element of another type.
    case wrongElementType(found: Found)
    /// A text longer than `limit` UTF-8 bytes (`bytes`).
    case textTooLong(bytes: Int, limit: Int)
    /// A float that is NaN or infinite, as written.
    case notFinite(String)
    /// A float beyond what a decimal holds (1e300, 5e-324), as written.
    case beyondDecimal(String)
    /// A text that is not a decimal number.
    case notADecimal(String)
    /// A figure written in a form no report prints (wave 43): a hexadecimal, octal or binary
    /// integer (`0x10`) or digits grouped with `_` (`9_3`), valid TOML but a slip in a figure;
    /// as written.
    case notAsPrinted(String)
    /// A negative amount, as written.
    case negative(String)
    /// An amount with more digits than a figure holds before or after the point.
    case tooManyDigits(text: String, whole: Int, fraction: Int, maximumWhole: Int, maximumFraction: Int)
    /// A field the format does not have (a warning); the fields it has.
    case unknownField(known: [String])

    // The shape of a file (DatasetLoader).
    /// A file with no `[[name]]` records.
    case noRecords(String)
    /// `name` is not an array of tables.
    case expectedRecords(String)
    /// A record that is not a table.
    case expectedTable
    /// A required `[name]` table is absent.
    case missingTable(String)
    /// figures.toml with no `[[figure]]` record while towns.toml lists `towns` towns (wave 31):
    /// every figure would show as unknown. `monthly`: the towns' figures come only from monthly
    /// files (a warning); else no town has a figure at all (an error: a file cut short).
    case noFigureRecords(towns: Int, monthly: Bool)

    // Syntax and text (GuardedTOML, TOMLDocument).
    /// Not TOML: the parser's words (English, as the parser gives them; worded in either
    /// language by `TOMLSyntaxWords`), and what the text around the error says of it (a string
    /// not closed, the field a number's or a text's), when known.
    case tomlSyntax(String, context: TOMLSyntaxContext? = nil)
    /// Bytes that are not UTF-8.
    case notUTF8
    /// The file ends in the middle of a UTF-8 character: likely cut short (copied or saved only in
    /// part); wave 34's fresh user got `not valid UTF-8 text` with no hint of it.
    case notUTF8CutShort
    /// A file of 0 bytes (`zeroBytes`) or only blank space.
    case emptyFile(zeroBytes: Bool)

    // Reading a file (DataFile).
    /// The file is absent.
    case fileNotFound
    /// A folder on the file's path is a file.
    case fileNotFoundFolderIsFile
    /// A symbolic link to `target`, which does not exist.
    case linkToNothing(target: String)
    /// A loop of symbolic links; `link` is `'path' -> 'target'` when known.
    case symlinkLoop(link: String?)
    /// Permission denied on the file or a folder above it.
    case permissionDenied
    /// Another read error: the system's words (`strerror`, English).
    case cannotBeRead(reason: String)
    /// A directory where a file of `role` should be.
    case isADirectory(FileRole)
    /// A device, FIFO or socket where a file of `role` should be.
    case notARegularFile(FileRole)
    /// A file of `bytes` bytes, more than the `limit` allowed.
    case fileTooLarge(bytes: Int, limit: Int, role: FileRole)
    /// A file that grew past `limit` bytes while it was read.
    case fileGrew(limit: Int, role: FileRole)

    // A folder (DataFile.folderProblem).
    /// The folder is a symbolic link to `target`, which does not exist.
    case folderLinkToNothing(Folder, target: String)
    /// The folder is absent.
    case folderNotFound(Folder)
    /// The folder is a loop of symbolic links.
    case folderLoop(Folder)
    /// The folder cannot be read (or listed, `listing`): permission denied.
    case folderPermissionDenied(Folder, listing: Bool)
    /// The folder cannot be read (or listed, `listing`): the system's words.
    case folderUnreadable(Folder, listing: Bool, reason: String)
    /// A file where the folder should be.
    case fileNotFolder(Folder)

    // References and duplicates (the loaders).
    /// A town id not in towns.toml.
    case unknownTown(String)
    /// A source id not in sources.toml.
    case unknownSource(String)
    /// An entity id not in entities.toml.
    case unknownEntity(String)
    /// A town name given twice; `firstAt` is where first (`towns.toml:12`).
    case duplicateTownName(String, firstAt: String)
    /// A record's id (a city's name) given twice; `firstAt` is where first, when known.
    case duplicateRecord(Record, id: String, firstAt: String?)
    /// A duplicate town id (`id`, first at `firstAt`) where other files name towns towns.toml lacks
    /// (`unknown`, in `references` places): those are likely this record's old id, so they are folded
    /// into this one error, not listed as errors of their own (wave 34's fresh user got six after it).
    case duplicateTownUnknowns(id: String, firstAt: String?, unknown: [String], references: Int)

    // Live reload (DatasetWatcher).
    /// Records the data shown had, gone after `files` shrank (`towns.toml (900 -> 300 bytes)`).
    case recordsLost(records: [String], files: String)
    /// Optional data files the data shown was read with, gone at the reload (`rules.toml`): what
    /// they held (the rules, the province's figures) is no longer shown.
    case filesRemoved([String])

    // Values (the loaders' checks, wave 11) and monthly sheets (`towns import`).
    /// A value the field cannot hold (`ValueProblem`).
    case value(ValueProblem)
    /// A problem of a monthly sheet (`SheetProblem`).
    case sheet(SheetProblem)

    /// The kinds of message, one each, without their arguments: a test iterates them, and a
    /// case added to `LoadMessage` must be added here (the `kind` switch does not compile else).
    public enum Kind: String, CaseIterable, Sendable {
        case missingRequired, blankText, wrongType, wrongElementType, textTooLong, notFinite, beyondDecimal
        case notADecimal, notAsPrinted, negative, tooManyDigits, unknownField, noRecords, expectedRecords, expectedTable
        case missingTable, noFigureRecords, tomlSyntax, notUTF8, notUTF8CutShort, emptyFile, fileNotFound, fileNotFoundFolderIsFile
        case linkToNothing, symlinkLoop, permissionDenied, cannotBeRead, isADirectory, notARegularFile
        case fileTooLarge, fileGrew, folderLinkToNothing, folderNotFound, folderLoop, folderPermissionDenied
        case folderUnreadable, fileNotFolder, unknownTown, unknownSource, unknownEntity, duplicateTownName
        case recordsLost, filesRemoved, duplicateRecord, duplicateTownUnknowns, value, sheet
    }

    /// The message's kind.
    public var kind: Kind {
        switch self {
        case .missingRequired: return .missingRequired
        case .blankText: return .blankText
        case .wrongType: return .wrongType
        case .wrongElementType: return .wrongElementType
        case .textTooLong: return .textTooLong
        case .notFinite: return .notFinite
        case .beyondDecimal: return .beyondDecimal
        case .notADecimal: return .notADecimal
        case .notAsPrinted: return .notAsPrinted
        case .negative: return .negative
        case .tooManyDigits: return .tooManyDigits
        case .unknownField: return .unknownField
        case .noRecords: return .noRecords
        case .expectedRecords: return .expectedRecords
        case .expectedTable: return .expectedTable
        case .missingTable: return .missingTable
        case .noFigureRecords: return .noFigureRecords
        case .tomlSyntax: return .tomlSyntax
        case .notUTF8: return .notUTF8
        case .notUTF8CutShort: return .notUTF8CutShort
        case .emptyFile: return .emptyFile
        case .fileNotFound: return .fileNotFound
        case .fileNotFoundFolderIsFile: return .fileNotFoundFolderIsFile
        case .linkToNothing: return .linkToNothing
        case .symlinkLoop: return .symlinkLoop
        case .permissionDenied: return .permissionDenied
        case .cannotBeRead: return .cannotBeRead
        case .isADirectory: return .isADirectory
        case .notARegularFile: return .notARegularFile
        case .fileTooLarge: return .fileTooLarge
        case .fileGrew: return .fileGrew
        case .folderLinkToNothing: return .folderLinkToNothing
        case .folderNotFound: return .folderNotFound
        case .folderLoop: return .folderLoop
        case .folderPermissionDenied: return .folderPermissionDenied
        case .folderUnreadable: return .folderUnreadable
        case .fileNotFolder: return .fileNotFolder
        case .unknownTown: return .unknownTown
        case .unknownSource: return .unknownSource
        case .unknownEntity: return .unknownEntity
        case .duplicateTownName: return .duplicateTownName
        case .recordsLost: return .recordsLost
        case .filesRemoved: return .filesRemoved
        case .duplicateRecord: return .duplicateRecord
        case .duplicateTownUnknowns: return .duplicateTownUnknowns
        case .value: return .value
        case .sheet: return .sheet
        }
    }

    /// One message of each kind, with made-up arguments (for tests of the words).
    public static func sample(_ kind: Kind) -> LoadMessage {
        switch kind {
        case .missingRequired: return .missingRequired
        case .blankText: return .blankText
        case .wrongType: return .wrongType(expected: .number, found: .string)
        case .wrongElementType: return .wrongElementType(found: .table)
        case .textTooLong: return .textTooLong(bytes: 20000, limit: 16384)
        case .notFinite: return .notFinite("inf")
        case .beyondDecimal: return .beyondDecimal("1e+300")
        case .notADecimal: return .notADecimal("12,5")
        case .notAsPrinted: return .notAsPrinted("0x10")
        case .negative: return .negative("-3")
        case .tooManyDigits: return .tooManyDigits(text: "1.1234567890123456", whole: 1, fraction: 16,
                                                   maximumWhole: 15, maximumFraction: 15)
        case .unknownField: return .unknownField(known: ["id", "name_zh"])
        case .noRecords: return .noRecords("town")
        case .expectedRecords: return .expectedRecords("town")
        case .expectedTable: return .expectedTable
        case .missingTable: return .missingTable("province")
        case .noFigureRecords: return .noFigureRecords(towns: 5, monthly: false)
        case .tomlSyntax: return .tomlSyntax("expected '='")
        case .notUTF8: return .notUTF8
        case .notUTF8CutShort: return .notUTF8CutShort
        case .emptyFile: return .emptyFile(zeroBytes: true)
        case .fileNotFound: return .fileNotFound
        case .fileNotFoundFolderIsFile: return .fileNotFoundFolderIsFile
        case .linkToNothing: return .linkToNothing(target: "gone.toml")
        case .symlinkLoop: return .symlinkLoop(link: "'a' -> 'b'")
        case .permissionDenied: return .permissionDenied
        case .cannotBeRead: return .cannotBeRead(reason: "Input/output error")
        case .isADirectory: return .isADirectory(.toml)
        case .notARegularFile: return .notARegularFile(.csv)
        case .fileTooLarge: return .fileTooLarge(bytes: 300, limit: 200, role: .toml)
        case .fileGrew: return .fileGrew(limit: 200, role: .csv)
        case .folderLinkToNothing: return .folderLinkToNothing(.dataset, target: "/nowhere")
        case .folderNotFound: return .folderNotFound(.monthly)
        case .folderLoop: return .folderLoop(.dataset)
        case .folderPermissionDenied: return .folderPermissionDenied(.dataset, listing: true)
        case .folderUnreadable: return .folderUnreadable(.monthly, listing: false, reason: "Input/output error")
        case .fileNotFolder: return .fileNotFolder(.dataset)
        case .unknownTown: return .unknownTown("jx-99")
        case .unknownSource: return .unknownSource("paper")
        case .unknownEntity: return .unknownEntity("soe-9")
        case .duplicateTownName: return .duplicateTownName("Wuzhen", firstAt: "towns.toml:12")
        case .duplicateRecord: return .duplicateRecord(.period, id: "2015-09", firstAt: "dataset.toml:30")
        case .duplicateTownUnknowns:
            return .duplicateTownUnknowns(id: "haining", firstAt: "towns.toml:30", unknown: ["tongxiang"], references: 6)
        case .recordsLost: return .recordsLost(records: (1...7).map { "figure f\($0)" },
                                               files: "figures.toml (900 -> 300 bytes)")
        case .filesRemoved: return .filesRemoved(["rules.toml"])
        case .value: return .value(.sample(.notOneOf))
        case .sheet: return .sheet(.sample(.notANumber))
        }
    }

    /// The words in Chinese (`chinese`) or English.
    public func words(chinese: Bool) -> String { chinese ? self.chinese : english }
}

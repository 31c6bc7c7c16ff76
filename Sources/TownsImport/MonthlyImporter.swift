import Foundation
import TownsCore

/// `towns import`: reads a monthly sheet, checks it against the dataset, and writes
/// `DIR/monthly/YYYY-MM.toml` atomically, all under the import lock.
///
/// Steps: read the file (at most 16 MiB); decode it (`SheetText`); read the CSV
/// (`MonthlySheet`); take the lock (`ImportLock`; not for a dry run); load the dataset
/// without the month's earlier import, if any; check every row (`MonthlyImport`); build the
/// file (`MonthlyFile`); write it to a temporary file (`AtomicFile`), load the dataset with it
/// in place, and only then rename it over the month's file. Any problem: nothing is written.
public enum MonthlyImporter {
    /// What to import, and where.
    public struct Request: Sendable {
        /// The CSV file, as given (named so in messages).
        public var sheetPath: String
        /// The dataset folder (`Data/`).
        public var dataDirectory: String
        /// Check and report, write nothing (and take no lock).
        public var dryRun: Bool
        /// The time of the import: the current month (later periods are refused) and the
        /// date recorded in the source.
        public var now: Date
        /// Time zone for `now` (the office's; default the system's).
        public var timeZone: TimeZone

        public init(sheetPath: String, dataDirectory: String, dryRun: Bool = false, now: Date = Date(),
            timeZone: TimeZone = .current) {
            self.sheetPath = sheetPath; self.dataDirectory = dataDirectory; self.dryRun = dryRun
            self.now = now; self.timeZone = timeZone
        }
    }

    /// What an import did (or, for a dry run, would do).
    public struct Summary: Sendable {
        public var sheetPath: String
        public var encoding: SheetEncoding
        public var unit: SheetColumn.AmountUnit
        public var period: SheetPeriod
        /// The period was not in the dataset: the file defines it.
        public var periodIsNew: Bool
        public var entries: [MonthlyImport.Entry]
        public var file: MonthlyFile
        /// Where the file is (or would be) written.
        public var path: String
        /// An earlier import of the month was (or would be) replaced.
        public var replaced: Bool
        /// The figures of the replaced import that this sheet does not give (town id, measure:
        /// `completed`, `completion_rate`, `projects_started`), which become unknown (wave 24, F11:
        /// the import said only that it replaced the month, and open dashboards then read the file
        /// as half-written).
        public var dropped: [(town: String, measure: String)] = []
        public var dryRun: Bool
        /// Warnings about the sheet (unread columns, skipped total rows).
        public var warnings: [LoadIssue]
        /// Line of the header row, and title lines above it that were skipped.
        public var headerLine: Int
        public var skippedTitleLines: Int
        /// Inconsistencies `towns check` finds with the imported file that it did not find
        /// without it (an imported rate that contradicts earlier months' figures): the import
        /// still writes the file (the sheet is what the office reported), and says so.
        public var contradictions: [Finding] = []
        /// The dataset with the imported file, whose findings `contradictions` are (for wording them).
        public var checked: Dataset? = nil
        /// The dataset's towns the sheet has no row for, in the dataset's order: their figures of
        /// the month stay unknown (wave 34's fresh user: a town left out was passed over in silence,
        /// "not reported" and "a row forgotten" being different questions in a meeting).
        public var absent: [Town] = []
    }

    /// The inconsistencies of `after` that `before` does not have: the same place, kind, subject,
    /// flagged figures and detail (what `towns check` prints of a finding).
    static func newInconsistencies(before: Dataset, after: Dataset) -> [Finding] {
        struct Said: Hashable { var at: SourceLocation?, kind: Finding.Kind, subject: String, detail: Finding.Detail,
                                flags: [FigureKey] }
        let said = { (f: Finding) in Said(at: f.locations.first, kind: f.kind, subject: f.subject, detail: f.detail,
                                          flags: f.flaggedFigures) }
        let known = Set(Checker(dataset: before).run().filter { $0.kind == .inconsistency }.map(said))
        return Checker(dataset: after).run().filter { $0.kind == .inconsistency && !known.contains(said($0)) }
    }

    /// Largest sheet read, in bytes.
    public static let maximumBytes = 16 << 20

    /// Runs the import.
    /// - Parameter waiting: called when another import holds the lock, before waiting for it.
    /// - Throws: `ImportFailure`: `.unreadable` (the sheet cannot be read), `.sheet` (every
    ///   problem of the sheet), `.dataset` (the dataset does not load), `.cannotWrite`
    ///   (read-only or full location). In every case nothing was written.
    public static func run(_ request: Request, waiting: () -> Void = {}) throws -> Summary {
        let path = request.sheetPath
        // Read as the loader reads its files: each way the sheet cannot be read says which (a
        // symbolic link loop was "file not found", a FIFO "cannot be read (permission?)"), and
        // a file over the limit is not read.
        let data: [UInt8]
        do {
            data = try DataFile.read(path: path, displayPath: path, maximumBytes: maximumBytes, expected: .csv)
        } catch let issue as LoadIssue {
            throw ImportFailure.unreadable(issue)
        }
        let text: SheetText
        do {
            text = try SheetText(bytes: data, file: path)
        } catch let issue as LoadIssue {
            throw ImportFailure.sheet([issue])
        }
        let sheet = MonthlySheet(text: text, file: path)
        // The month the sheet reports, to leave its earlier import out of the checks.
        let target = sheet.rows.lazy.compactMap { row in
            sheet.cell(.period, in: row).flatMap { try? SheetPeriod.parse($0.text).get() }
        }.first

        // A data folder that is not there is the loader's "not found" (exit 20, as a dry run
        // says), not the lock's "cannot write" (exit 3): the lock would be the first to touch it.
        var isDirectory: ObjCBool = false
        if !request.dryRun,
           !FileManager.default.fileExists(atPath: request.dataDirectory, isDirectory: &isDirectory) || !isDirectory.boolValue
        {
            do {
                _ = try DatasetLoader.load(directory: request.dataDirectory)
            } catch let failure as LoadFailure {
                throw ImportFailure.dataset(failure, .datasetHasErrors(directory: request.dataDirectory))
            }
        }
        var lock: ImportLock?
        if !request.dryRun {
            do {
                lock = try ImportLock(directory: request.dataDirectory, waiting: waiting)
            } catch let error as AtomicFile.WriteError {
                throw ImportFailure.cannotWrite(request.dataDirectory, error.description)
            }
        }
        defer { lock?.release() }

        let directory = request.dataDirectory
        let override = target.map { DatasetLoader.MonthlyOverride(name: "\($0.id).toml", path: nil) }
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(directory: directory, monthlyOverride: override).dataset
        } catch let failure as LoadFailure {
            throw ImportFailure.dataset(failure, .datasetHasErrors(directory: directory))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = request.timeZone
        let now = calendar.dateComponents([.year, .month], from: request.now)
        let checked = MonthlyImport(sheet: sheet, dataset: dataset,
            currentMonth: SheetPeriod(year: now.year!, month: now.month!), dryRun: request.dryRun)
        if !checked.errors.isEmpty { throw ImportFailure.sheet(checked.issues) }
        guard let period = checked.period, let unit = sheet.unit, !checked.entries.isEmpty else {
            throw ImportFailure.sheet(checked.issues + [LoadIssue(.error, .sheet, file: path, line: sheet.headerLine,
                field: "csv",
                                                                  .sheet(.noTownRows))])
        }
        let sourceID = "import-\(period.id)"
        if dataset.sources[sourceID] != nil {
            throw ImportFailure.sheet(checked.issues + [LoadIssue(.error, .sheet, file: path, field: "source",
                .sheet(.sourceExists(id: sourceID, period: period.id)))])
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = request.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let file = MonthlyFile(checked: checked, sheetName: (path as NSString).lastPathComponent,
            encoding: text.encoding, unit: unit,
                               periodIsNew: dataset.period(period.id) == nil, date: formatter.string(from: request.now))
        let folder = (directory as NSString).appendingPathComponent(DatasetLoader.monthlyFolderName)
        let targetPath = (folder as NSString).appendingPathComponent(file.name)
        var summary = Summary(sheetPath: path, encoding: text.encoding, unit: unit, period: period,
                              periodIsNew: dataset.period(period.id) == nil, entries: checked.entries, file: file,
                              path: targetPath,
                              replaced: FileManager.default.fileExists(atPath: targetPath), dryRun: request.dryRun,
                              warnings: checked.issues.filter { $0.severity == .warning },
                              headerLine: sheet.headerLine ?? 1, skippedTitleLines: sheet.skippedTitleLines)
        let listed = Set(checked.entries.map(\.town.id))
        summary.absent = dataset.towns.filter { !listed.contains($0.id) }
        if summary.replaced, let earlier = GuardedTOML.figureKeys(inMonthlyFile: targetPath) {
            var given = Set<String>()
            for e in checked.entries {
                given.insert(e.town.id + "\u{0}" + Measure.completed.rawValue)
                if e.completionRate != nil { given.insert(e.town.id + "\u{0}" + Measure.completionRate.rawValue) }
                if e.projectsStarted != nil { given.insert(e.town.id + "\u{0}" + Measure.projectsStarted.rawValue) }
            }
            summary.dropped = earlier.filter { !given.contains($0.town + "\u{0}" + $0.measure) }
        }
        if request.dryRun {
            // Load the dataset with the file it would write, from a temporary copy, to say what
            // `towns check` would find (nothing is written in the data folder).
            var checkedSummary = summary
            let temporary = NSTemporaryDirectory() + "towns-import-\(getpid())-\(file.name)"
            if FileManager.default.createFile(atPath: temporary, contents: Data(file.text.utf8)) {
                defer { try? FileManager.default.removeItem(atPath: temporary) }
                if let after = try? DatasetLoader.load(directory: directory,
                                                       monthlyOverride: .init(name: file.name, path: temporary)) {
                    checkedSummary.contradictions = newInconsistencies(before: dataset, after: after.dataset)
                    checkedSummary.checked = after.dataset
                }
            }
            return checkedSummary
        }

        var createdFolder = false
        if !FileManager.default.fileExists(atPath: folder) {
            guard mkdir(folder, 0o777) == 0 else {  // less the umask, as any new folder
                throw ImportFailure.cannotWrite(directory, AtomicFile.failure(folder).description)
            }
            createdFolder = true
        }
        func undoFolder() { if createdFolder { rmdir(folder) } }
        let pending: AtomicFile
        do {
            pending = try AtomicFile(path: targetPath, bytes: Array(file.text.utf8))
        } catch let error as AtomicFile.WriteError {
            undoFolder()
            throw ImportFailure.cannotWrite(directory, error.description)
        }
        // The dataset with the new file in place must load before the file is put there.
        var written = summary
        do {
            let after = try DatasetLoader.load(directory: directory,
                                               monthlyOverride: .init(name: file.name, path: pending.temporaryPath))
            written.contradictions = newInconsistencies(before: dataset, after: after.dataset)
            written.checked = after.dataset
        } catch let failure as LoadFailure {
            pending.discard()
            undoFolder()
            throw ImportFailure.dataset(failure, .writtenFileDoesNotLoad)
        }
        do {
            try pending.commit()
        } catch let error as AtomicFile.WriteError {
            undoFolder()
            throw ImportFailure.cannotWrite(directory, error.description)
        }
        return written
    }
}

/// Why `towns import` wrote nothing.
public enum ImportFailure: Error, Sendable {
    /// The sheet cannot be read (missing, a folder, too large, no permission): the problem,
    /// worded in either language (`LoadIssue.description(chinese:)`).
    case unreadable(LoadIssue)
    /// The sheet's problems (errors and warnings), by line and column.
    case sheet([LoadIssue])
    /// The dataset does not load; the failure and what it means for the import.
    case dataset(LoadFailure, DatasetNote)

    /// What a dataset that does not load means for the import, in both languages.
    public enum DatasetNote: Equatable, Sendable {
        /// The dataset in `directory` had errors before the import.
        case datasetHasErrors(directory: String)
        /// The file the import would write does not load (a fault of the import).
        case writtenFileDoesNotLoad

        /// The English words.
        public var english: String {
            switch self {
            case let .datasetHasErrors(directory):
                return "the dataset in \(directory) has errors; fix them first (towns check --data \(directory)). "
                    + "Nothing imported."
            case .writtenFileDoesNotLoad:
                return "the file towns import would write does not load (a fault in towns import; please report it). "
                    + "Nothing imported."
            }
        }

        /// The Chinese words.
        public var chinese: String {
            switch self {
            case let .datasetHasErrors(directory):
                return "\(directory) 中的数据集有错误；请先改正（towns check --data \(directory)）。未导入任何数据。"
            case .writtenFileDoesNotLoad:
                return "towns import 将写入的文件无法载入（towns import 的缺陷，请报告）。未导入任何数据。"
            }
        }
    }
    /// The dataset folder cannot be written: the folder, and the system's reason.
    case cannotWrite(String, String)

    /// Exit status for the command line: 1 errors in the sheet, 2 the sheet cannot be read,
    /// 3 the data folder cannot be written; a dataset that does not load exits as `towns
    /// check` would (the code of its first error's class, 10-23, `LoadFailure.exitCode`).
    public var exitCode: Int32 {
        switch self {
        case .sheet: return 1
        case let .dataset(failure, _): return failure.exitCode
        case .unreadable: return 2
        case .cannotWrite: return 3
        }
    }

    /// The message, one line each: every issue, then a closing line (English).
    public var lines: [String] { lines(chinese: false) }

    /// The message in Chinese (`chinese`) or English: every issue with its file, line, column
    /// and field (`LoadIssue.description(chinese:)`, a sheet's problems included), then a closing line.
    public func lines(chinese: Bool) -> [String] {
        switch self {
        case let .unreadable(issue):
            return ["towns import\(chinese ? "：" : ": ")\(issue.description(chinese: chinese))"]
        case let .sheet(issues):
            let errors = issues.filter { $0.severity == .error }.count
            return issues.map { $0.description(chinese: chinese) }
                + [chinese ? "towns import：\(errors) 个错误；未写入任何文件" : "towns import: " + EnglishCount.of(errors, "error") + "; nothing written"]
        case let .dataset(failure, message):
            return failure.issues.map { $0.description(chinese: chinese) }
                + [chinese ? "towns import：\(message.chinese)" : "towns import: \(message.english)"]
        case let .cannotWrite(folder, reason):
            return [chinese ? "towns import：不能写入 \(folder)：\(reason)。未导入任何数据，数据未改动。"
                : "towns import: cannot write into \(folder): \(reason). Nothing imported; the data is unchanged."]
        }
    }
}

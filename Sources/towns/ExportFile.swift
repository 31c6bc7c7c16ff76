import Foundation
import TownsImport
import TownsUI

/// Writes the dashboard's current view to a file (key `e`, `:export`) through `SafeWrite`:
/// a new file, or a regular file replaced only when the request says so (`:export … --force`);
/// never a symbolic link, FIFO, device, folder, read-only file, or anything in the dataset folder.
enum ExportFile {
    /// What an export did: the file written (and how many rows), or why nothing was written.
    enum Outcome: Equatable {
        /// Nothing to export on this page.
        case nothingToExport
        /// Not in this form here (a page as CSV): the message says which forms it takes.
        case refused(String)
        /// `write` is what `SafeWrite` did at the path; `rows` the rows of the view; `meta`
        /// what it did at the CSV's `NAME.meta.txt` (nil: no such file for this form).
        case file(SafeWrite.Outcome, rows: Int, meta: SafeWrite.Outcome? = nil)

        /// Written (a new file, or one replaced as asked).
        var isWritten: Bool {
            if case let .file(outcome, _, _) = self { return outcome.isWritten } else { return false }
        }
        /// A regular file is there and the request did not ask to replace it: asking again
        /// with `force` replaces it.
        var refusedBecauseExists: Bool {
            if case .file(.exists, _, _) = self { return true } else { return false }
        }

        /// The message to show, in the interface language of `state`.
        func message(_ state: AppState) -> String {
            switch self {
            case .nothingToExport:
                return state.tr("此页不能导出", "nothing to export on this page")
            case let .refused(why):
                return why
            case let .file(.written(path, replaced), rows, meta):
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                var beside = ""
                if case .written? = meta {
                    // The path is what matters on an 80-column status line; the help and README say what is in it.
                    beside = state.tr("（另附 .meta.txt）", " (and its .meta.txt)")
                } else if let meta {
                    let m = meta.message(replaceHint: ("要覆盖请用 :export … --force", "to replace it, :export … --force"))
                    beside = state.tr("；但" + m.zh, "; but " + m.en)
                }
                let unit = state.screen.kind.isPage ? state.tr("行", "lines") : state.tr("行", "rows")
                if replaced {
                    return state.tr("已导出 \(rows) \(unit)，覆盖了 \(absolute)",
                                    "exported \(rows) \(unit), replacing \(absolute)") + beside
                }
                return state.tr("已导出 \(rows) \(unit)到 \(absolute)", "exported \(rows) \(unit) to \(absolute)") + beside
            case let .file(outcome, _, _):
                let hint = ("要覆盖请用 :export … --force", "to replace it, :export … --force")
                let m = outcome.message(replaceHint: hint)
                return state.tr("导出失败：" + m.zh, "export failed: " + m.en)
            }
        }
    }

    /// Writes `request` for the current view; returns the message to show: where it went,
    /// or why it could not be written (see `export` for the outcome itself).
    static func write(_ state: AppState, _ request: ExportRequest, glyphs: Glyphs) -> String {
        export(state, request, glyphs: glyphs).message(state)
    }

    /// Writes `request` for the current view and says what happened. The dataset's folder is
    /// never written into; an existing regular file is replaced only when `request.force`.
    static func export(_ state: AppState, _ request: ExportRequest, glyphs: Glyphs) -> Outcome {
        if let refusal = state.exportRefusal(request.format) {
            return .refused(state.tr(refusal))
        }
        guard let export = state.exportOutput(
            request.format, glyphs: glyphs, byteOrderMark: request.byteOrderMark, width: max(state.width, 120),
            notes: ReportText.notes(state))
        else { return .nothingToExport }
        let path = request.path ?? defaultPath(state, request.format)
        let outcome = SafeWrite.write(Array(export.text.utf8), to: path, replace: request.force,
                                      protecting: [state.dataset.directory])
        // A CSV is the header row and the table; its title, period, unit, filter, sort,
        // markers and sources go beside it, replaced only when the CSV was.
        var metaOutcome: SafeWrite.Outcome?
        if outcome.isWritten, let meta = export.meta {
            metaOutcome = SafeWrite.write(Array(meta.utf8), to: metaPath(path), replace: request.force,
                                          protecting: [state.dataset.directory])
        }
        return .file(outcome, rows: export.rows, meta: metaOutcome)
    }

    /// The file beside a CSV export that holds what the CSV has no room for: `NAME.meta.txt`
    /// for `NAME.csv` (or for any other name, the name with `.meta.txt` added).
    static func metaPath(_ path: String) -> String {
        (path.hasSuffix(".csv") ? String(path.dropLast(4)) : path) + ".meta.txt"
    }

    /// The operating system's reason for a failed write ("Permission denied", "No such file
    /// or directory"), rather than Foundation's error domain and code.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    /// towns-VIEW-PERIOD[-FILTER]-YYYYMMDD-HHMMSS.EXT (PERIOD: FROM-to-TO for the changes view's pair,
    /// `AppState.exportPeriodPart`; `TownFilter.fileNamePart`) in $TOWNS_EXPORT_DIR or the
    /// current directory;
    /// -2, -3, ... before the extension when a file of that name exists (two exports in one second).
    static func defaultPath(_ state: AppState, _ format: ExportRequest.Format) -> String {
        let view: String
        switch state.screen.kind {
        case .townList: view = "towns"
        case .typeList, .townsOfType: view = "types"
        case .entityList, .townsOfEntity: view = "entities"
        case .assessment, .assessmentNotes: view = "assessment"
        case .province, .city: view = "province"
        case let .townPage(id):
            let safe = id.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
            view = "town-" + String(String.UnicodeScalarView(safe))
        case .cityTotals: view = "totals"
        case .reference, .referencePage: view = "reference"
        case .changes: view = "changes"
        case .overview: view = "overview"
        case .messages: view = "messages"
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let ext = format == .text ? "txt" : format.rawValue
        let filter = state.filter.fileNamePart(state.dataset)
        let name =
            "towns-\(view)-\(state.exportPeriodPart ?? "all")\(filter.isEmpty ? "" : "-" + filter)"
            + "-\(f.string(from: Date())).\(ext)"
        let dir = ProcessInfo.processInfo.environment["TOWNS_EXPORT_DIR"] ?? FileManager.default.currentDirectoryPath
        var path = (dir as NSString).appendingPathComponent(name)
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = (dir as NSString).appendingPathComponent(String(name.dropLast(ext.count + 1)) + "-\(n).\(ext)")
            n += 1
        }
        return path
    }
}

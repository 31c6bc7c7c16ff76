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
        /// `write` is what `SafeWrite` did at the path; `rows` the rows of the view.
        case file(SafeWrite.Outcome, rows: Int)

        /// Written (a new file, or one replaced as asked).
        var isWritten: Bool { if case let .file(outcome, _) = self { return outcome.isWritten } else { return false } }
        /// A regular file is there and the request did not ask to replace it: asking again
        /// with `force` replaces it.
        var refusedBecauseExists: Bool {
            if case .file(.exists, _) = self { return true } else { return false }
        }

        /// The message to show, in the interface language of `state`.
        func message(_ state: AppState) -> String {
            switch self {
            case .nothingToExport:
                return state.tr("此页不能导出", "nothing to export on this page")
            case let .file(.written(path, replaced), rows):
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                if replaced {
                    return state.tr("已导出 \(rows) 行，覆盖了 \(absolute)",
                                    "exported \(rows) rows, replacing \(absolute)")
                }
                return state.tr("已导出 \(rows) 行到 \(absolute)", "exported \(rows) rows to \(absolute)")
            case let .file(outcome, _):
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
    static func export(_ state: AppState, _ request: ExportRequest, glyphs drawn: Glyphs) -> Outcome {
        let glyphs = drawn.forExport  // unknown never `-` (read as zero)
        guard let content = state.content(for: state.screen) else { return .nothingToExport }
        let text: String
        if request.format == .text {
            text = ReportText.table(state, glyphs: glyphs, width: max(state.width, 120))
        } else {
            text = Export.render(content, format: request.format, title: ReportText.title(state),
                                 legend: ReportText.legend(state, glyphs), byteOrderMark: request.byteOrderMark,
                                 glyphs: glyphs)
        }
        let path = request.path ?? defaultPath(state, request.format)
        let outcome = SafeWrite.write(Array(text.utf8), to: path, replace: request.force,
                                      protecting: [state.dataset.directory])
        return .file(outcome, rows: content.rows.count)
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

    /// towns-VIEW-PERIOD[-FILTER]-YYYYMMDD-HHMMSS.EXT (`TownFilter.fileNamePart`) in $TOWNS_EXPORT_DIR or the
    /// current directory;
    /// -2, -3, ... before the extension when a file of that name exists (two exports in one second).
    static func defaultPath(_ state: AppState, _ format: ExportRequest.Format) -> String {
        let view: String
        switch state.screen.kind {
        case .townList: view = "towns"
        case .typeList, .townsOfType: view = "types"
        case .entityList, .townsOfEntity: view = "entities"
        case .assessment: view = "assessment"
        case .province, .city: view = "province"
        case .townPage, .cityTotals: view = "town"
        case .reference, .referencePage: view = "reference"
        case .changes: view = "changes"
        case .overview: view = "overview"
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let ext = format == .text ? "txt" : format.rawValue
        let filter = state.filter.fileNamePart(state.dataset)
        let name =
            "towns-\(view)-\(state.period?.id ?? "all")\(filter.isEmpty ? "" : "-" + filter)"
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

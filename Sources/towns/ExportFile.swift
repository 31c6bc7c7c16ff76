import Foundation
import TownsUI

/// Writes the dashboard's current view to a file (key `e`, `:export`), atomically.
enum ExportFile {
    /// Writes `request` for the current view; returns the message to show: where it went,
    /// or why it could not be written.
    static func write(_ state: AppState, _ request: ExportRequest, glyphs: Glyphs) -> String {
        guard let content = state.content(for: state.screen) else {
            return state.tr("此页不能导出", "nothing to export on this page")
        }
        let text: String
        if request.format == .text {
            text = ReportText.table(state, glyphs: glyphs, width: max(state.width, 120))
        } else {
            text = Export.render(content, format: request.format, title: ReportText.title(state),
                                 legend: ReportText.legend(state, glyphs), byteOrderMark: request.byteOrderMark, glyphs: glyphs)
        }
        let path = request.path ?? defaultPath(state, request.format)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return state.tr("导出失败：\(path) 是文件夹；请给出文件名", "export failed: \(path) is a folder; give a file name")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            return state.tr("导出失败：\(path)：\(reason(error))", "export failed: \(path): \(reason(error))")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return state.tr("已导出 \(content.rows.count) 行到 \(absolute)", "exported \(content.rows.count) rows to \(absolute)")
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

    /// towns-VIEW-PERIOD-YYYYMMDD-HHMMSS.EXT in $TOWNS_EXPORT_DIR or the current directory;
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
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let ext = format == .text ? "txt" : format.rawValue
        let name = "towns-\(view)-\(state.period?.id ?? "all")-\(f.string(from: Date())).\(ext)"
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

import Foundation
import TownsUI

/// Writes the dashboard's current view to a file (key `e`, `:export`), atomically.
enum ExportFile {
    /// Writes `request` for the current view; returns the message to show: where it went,
    /// or why it could not be written.
    static func write(_ state: AppState, _ request: ExportRequest, glyphs: Glyphs) -> String {
        guard let content = state.content(for: state.screen, glyphs: glyphs) else {
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
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            return state.tr("导出失败：\(path)：\(error.localizedDescription)", "export failed: \(path): \(error.localizedDescription)")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return state.tr("已导出 \(content.rows.count) 行到 \(absolute)", "exported \(content.rows.count) rows to \(absolute)")
    }

    /// towns-VIEW-PERIOD-YYYYMMDD-HHMMSS.EXT in $TOWNS_EXPORT_DIR or the current directory.
    static func defaultPath(_ state: AppState, _ format: ExportRequest.Format) -> String {
        let view: String
        switch state.screen.kind {
        case .towns: view = "towns"
        case .types, .type: view = "types"
        case .entities, .entity: view = "entities"
        case .assessment: view = "assessment"
        case .province, .city: view = "province"
        case .town, .cityTotals: view = "town"
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let ext = format == .text ? "txt" : format.rawValue
        let name = "towns-\(view)-\(state.period?.id ?? "all")-\(f.string(from: Date())).\(ext)"
        let dir = ProcessInfo.processInfo.environment["TOWNS_EXPORT_DIR"] ?? FileManager.default.currentDirectoryPath
        return (dir as NSString).appendingPathComponent(name)
    }
}

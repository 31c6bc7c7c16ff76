import Foundation
import TownsCore
import TownsUI

/// Live reload for the dashboard: what a `DatasetWatcher` poll means for the state shown.
/// New data replaces the old with the view, period and selection carried over (`reloaded`)
/// and the time its files last changed in the title; data that does not load is not shown,
/// and the status line names its first error until a reload succeeds.
enum LiveReload {
    /// The state after a poll of the data in `directory` found `change`.
    static func apply(_ change: DatasetWatcher.Change, to state: AppState, directory: String) -> AppState {
        var s = state
        switch change {
        case .unchanged:
            s.reloadProblem = nil  // the files are back as they were when shown
        case .pending:
            break
        case let .reloaded(dataset, warnings, lastChange):
            s = reloaded(state, with: dataset)
            s.dataChangedAt = clock(lastChange)
            s.message = "数据已更新 data reloaded" + (warnings.isEmpty ? "" : " (\(warnings.count) warning(s): towns check)")
            // A file that shrank and lost records the data shown had: say what went missing.
            if let lost = warnings.first(where: { $0.field == DatasetWatcher.lostRecordsField }) {
                s.message = "数据已更新，但有记录消失 reloaded, records gone: "
                    + relative(lost.file, to: directory) + ": " + lost.problem
            }
        case let .failed(failure):
            let errors = failure.errors
            let first = errors.first.map { relative($0.description, to: directory) } ?? "unknown error"
            s.reloadProblem = "数据未更新 not reloaded: \(first)" + (errors.count > 1 ? " (+\(errors.count - 1) more: towns check)" : "")
            // The problem is news: no earlier message ("data reloaded") may stand over it.
            s.message = nil
        }
        return s
    }

    /// A path inside the data folder written relative to it (`monthly/2015-10.toml:12: ...`).
    static func relative(_ text: String, to directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// `14:02:11` today, else `2015-11-02 14:02` (local time); nil for no date.
    static func clock(_ date: Date?, now: Date = Date()) -> String? {
        guard let date else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = Calendar.current.isDate(date, inSameDayAs: now) ? "HH:mm:ss" : "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

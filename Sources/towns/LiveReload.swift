import Foundation
import TownsCore
import TownsUI

/// Live reload for the dashboard: what a `DatasetWatcher` poll means, as an action. New
/// data replaces the old with the session kept whole (`reloaded`) and the time its files
/// last changed in the title; data that does not load is not shown, and the status line
/// names its first error until a reload succeeds.
enum LiveReload {
    /// What a poll of the data in `directory` that found `change` means, as an action for
    /// `update`: the new facts, the first problem, or the files back as shown; nil while a
    /// change is still being written. Problems and lost records are worded in both languages (the
    /// status line words them when drawn: `L` may come after); `chinese`, the session's language
    /// when the poll ended, is no longer needed for them (kept for callers).
    /// `loadedAt`: when the data the change brings was loaded (`DatasetWatcher.loadedAt`), shown as
    /// `数据载入 14:02:11`.
    static func action(for change: DatasetWatcher.Change, directory: String, loadedAt: Date,
                       chinese: Bool = false) -> Action? {
        switch change {
        case .unchanged:
            return .dataUnchanged
        case .pending:
            return nil
        case let .reloaded(dataset, warnings, _, derived):
            // Records gone from a shrunk file, optional files removed: said instead of "data reloaded".
            let gone = warnings.filter {
                $0.field == DatasetWatcher.lostRecordsField || $0.field == DatasetWatcher.removedFilesField
            }
            // In both languages: the status line words it when drawn (`L` may come after, wave 29).
            func lost(chinese: Bool) -> String? {
                gone.isEmpty ? nil : gone.map { issue in
                    issue.field == DatasetWatcher.removedFilesField
                        ? issue.words(chinese: chinese)
                        : relative(issue.file, to: directory) + ": " + issue.words(chinese: chinese)
                }.joined(separator: chinese ? "；" : "; ")
            }
            // The child's snapshot's tables come with it: nothing derived again here (issue 17).
            let facts = Facts(dataset: dataset, derived: derived)
            return .dataReloaded(facts, changedAt: clock(loadedAt), warnings: warnings.count,
                                 lost: lost(chinese: false), lostChinese: lost(chinese: true))
        case let .failed(failure):
            let errors = failure.errors
            // Both languages: the status line words it when drawn (the language may change after).
            let english = errors.first.map { relative($0.description(chinese: false), to: directory) }
                ?? "unknown error"
            let zh = errors.first.map { relative($0.description(chinese: true), to: directory) } ?? "未知错误"
            // In brief too, the reason first, for a status line too narrow for the whole (wave 43).
            let brief = errors.first.flatMap { issue in
                issue.briefDescription(chinese: true).flatMap { zh in
                    issue.briefDescription(chinese: false).map {
                        Bilingual(relative(zh, to: directory), relative($0, to: directory))
                    }
                }
            }
            return .reloadFailed(english, more: max(0, errors.count - 1), chinese: zh, brief: brief)
        }
    }

    /// A path inside the data folder written relative to it (`monthly/2015-10.toml:12: ...`).
    static func relative(_ text: String, to directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// `14:02:11` today, else `2015-11-02 14:02` (local time); nil for no date.
    static func clock(_ date: Date?, now: Date = Date()) -> String? {
        guard let date else { return nil }
        let t = MessageLog.localTime(date), today = MessageLog.localTime(now)
        if t.tm_year == today.tm_year, t.tm_yday == today.tm_yday { return MessageLog.clock(date) }
        let two = MessageLog.twoDigits
        return "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday)) \(two(t.tm_hour)):\(two(t.tm_min))"
    }
}

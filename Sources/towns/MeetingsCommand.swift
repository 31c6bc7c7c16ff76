import ArgumentParser
import Foundation
import TownsMeeting
import TownsUI

/// `towns meetings`: the open meetings a follower can see (issue 16), from the descriptions
/// presenters keep beside their sockets (`NAME.json`, see `MeetingDescription`).
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings",
        abstract: "List open meetings: name, presenter, since when, followers. / 列出进行中的会议。",
        discussion: """
        Looks in $TOWNS_MEETINGS if set, else in every /tmp/towns-meetings-UID-GID folder this \
        user can read (a presenter's folder is readable by the meeting's group only). A meeting \
        whose presenter's process is gone is not listed. Followers: as the presenter last wrote \
        them (at most a quarter of a second old while the meeting is open). In one language: \
        --lang, else the config's `language` (--config's file where one is named, as for towns \
        present and towns follow), else zh; en under a locale that is not UTF-8 (LANG=C).
        """)

    /// `towns` itself, whose `--lang` words the list, and whose `--data`, `--ascii`, `--themes`,
    /// `--theme` this command refuses.
    @ParentCommand var root: Towns
    /// `--lang`, declared for this command's help; its value is `towns`'s (`root.display`), which
    /// parses it before or after the command's name.
    @OptionGroup var language: LanguageOption
    func validate() throws {
        try root.display.refuse(for: "meetings", except: ["--lang"])
        if root.data.data != nil {
            throw ValidationError(refusal("towns meetings 列出所有数据集的进行中会议：不用 --data",
                                          "towns meetings lists the open meetings of every dataset: it does not use --data"))
        }
    }
    @Option(name: .long, help: ArgumentHelp(
        "Look only in this folder (default: $TOWNS_MEETINGS or /tmp/towns-meetings-*).", valueName: "DIR"))
    var folder: String?
    /// `--config`, as `towns present` and `towns follow` take it (the same `ConfigOption` as
    /// `ScreenOptions`'): the file whose `language` words the list (wave 30: `towns meetings` had
    /// none, so a follower's config named with `--config` did not word it).
    @OptionGroup var configuration: ConfigOption
    /// The configuration file given with `--config`; nil: the default one.
    var config: String? { configuration.config }

    /// The list's language: the dashboard's rule (`--lang`, the config, zh; en under LANG=C).
    var chinese: Bool { root.display.wordsLanguage(config: Config(path: config).language) == .zh }

    func run() throws {
        let chinese = self.chinese
        // A named configuration with problems (missing, unreadable, a bad line): said on standard
        // error, with where they are listed; the list follows (the dashboard shows them as notices).
        if let config {
            let problems = Config(path: config).problems.count
            if problems > 0 {
                printError(chinese
                    ? "towns meetings：--config \(config)：有 \(problems) 个问题（towns config --config \(config) 列出）"
                    : "towns meetings: --config \(config): \(problems == 1 ? "1 problem" : "\(problems) problems") "
                        + "(towns config --config \(config) lists them)")
            }
        }
        let folders = folder.map { [MeetingFolder(path: $0)] } ?? MeetingFolder.followerFolders()
        let meetings = MeetingDescription.openMeetings(in: folders)
        if meetings.isEmpty {
            let looked = folders.isEmpty
                ? MeetingFolder.defaultPrefix + "*" : folders.map(\.path).joined(separator: ", ")
            printOut(chinese ? "没有进行中的会议（查看了：\(looked)）" : "no open meetings (looked in: \(looked))")
        } else {
            printOut(MeetingsCommand.table(meetings, timeZone: .current, chinese: chinese))
        }
        // Folders this user may not look in: their meetings are not listed, and why.
        for folder in folders {
            guard let group = folder.closedGroup() else { continue }
            printOut(chinese ? "会议目录 \(folder.path) 只对用户组 \(group) 开放（你不在其中），其中的会议未列出"
                     : "the meetings folder \(folder.path) is open only to group \(group) (you are not in it): "
                        + "its meetings are not listed")
        }
    }

    /// The followers of `meeting`, and of them those on other data, who browse alone
    /// (`2（1 人数据不同）`, `2 (1 on other data)`); the count alone when none is, or when the
    /// presenter's build did not say (`MeetingDescription.otherData` nil).
    static func followersCell(_ meeting: MeetingDescription, chinese: Bool) -> String {
        guard let other = meeting.otherData, other > 0 else { return String(meeting.followers) }
        return chinese ? "\(meeting.followers)（\(other) 人数据不同）" : "\(meeting.followers) (\(other) on other data)"
    }

    /// The meetings as a table with a header in Chinese (`chinese`) or English, columns aligned
    /// by display width; times in `timeZone` as `yyyy-MM-dd HH:mm`.
    static func table(_ meetings: [MeetingDescription], timeZone: TimeZone, chinese: Bool) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let header = chinese ? ["会议", "主持人", "开始", "跟随"] : ["meeting", "presenter", "since", "followers"]
        let rows = meetings.map {
            [TerminalText.sanitize($0.meeting), TerminalText.sanitize($0.presenter), formatter.string(from: $0.started),
             followersCell($0, chinese: chinese)]
        }
        let widths = (0..<header.count).map { column in
            ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

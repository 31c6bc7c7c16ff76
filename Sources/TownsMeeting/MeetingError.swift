import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a meeting could not start or be joined. Each message is bilingual and names the file.
public enum MeetingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A meeting name that is empty or blank, holds a control or formatting character, has
    /// blanks at its ends, or is too long as a file name (`MeetingFolder.validate(name:)`).
    case invalidName(String)
    /// The socket's path is longer than a Unix-domain address holds (107 bytes).
    case pathTooLong(String)
    /// The meetings folder is not a folder (or is a symbolic link).
    case notAFolder(String)
    /// The meetings folder belongs to another user (not root): that user could replace sockets.
    case folderOwnedByOther(path: String, owner: String)
    /// The meetings folder is writable by others (group or world) without the sticky bit.
    case folderWritable(path: String, mode: String)
    /// The meeting's socket path holds something other than a socket (it is left alone).
    case notASocket(String)
    /// A meeting of this name is open: its presenter answers on the socket.
    case meetingOpen(name: String, socket: String)
    /// No meeting of this name in the folder (no socket, or nothing answers on it).
    case noMeeting(name: String, folder: String)
    /// This user may not connect to meeting `name`'s socket (EACCES): only `group` may.
    case notPermitted(name: String, socket: String, group: String)
    /// Meeting `name` is in no folder this user may look in, and `folder` is closed to it: only
    /// `group` may look there (the default folders are the presenter's and its group's).
    case folderClosed(name: String, folder: String, group: String)
    /// The group is not known to the user database.
    case unknownGroup(String)
    /// The presenter is not a member of the group it asked for (`--group`).
    case notInGroup(String)
    /// A system call failed: the call and errno.
    case system(String, errno: Int32)
    /// The presenter's socket answered with someone other than the user it claims to be.
    case presenterMismatch(claimed: String, actual: String)

    /// Both languages, `中文 / English` (logs, tests); a session or command says `words(chinese:)`.
    public var description: String {
        let (zh, en) = bothWords
        return zh + " / " + en
    }

    /// The message in one language, naming the file: Chinese (`chinese`) or English, as the
    /// dashboard's language rule picks (`--lang`, the config, else zh; en under LANG=C).
    public func words(chinese: Bool) -> String { chinese ? bothWords.zh : bothWords.en }

    private var bothWords: (zh: String, en: String) {
        switch self {
        case .invalidName(let name):
            // Said why (wave 21): any other name a person types is taken (`MeetingFolder.validate`).
            let shown = String(name.unicodeScalars.map {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                    ? "?" : Character($0) })
            switch MeetingFolder.problem(name) {
            case .empty?:
                return ("会议名称无效：名称为空", "invalid meeting name: it is empty")
            case .control?:
                return ("会议名称无效：“\(shown)”含控制字符或格式字符（显示为 ?）",
                        "invalid meeting name '\(shown)': it holds a control or formatting character (shown as ?)")
            case .blankEnds?:
                return ("会议名称无效：“\(shown)”首尾不能是空白", "invalid meeting name '\(shown)': blanks at its ends")
            case .tooLong?, nil:
                return ("会议名称无效：“\(shown)”太长（作文件名最多 \(MeetingFolder.stemLimit) 字节，约 21 个汉字）",
                        "invalid meeting name '\(shown)': too long (at most \(MeetingFolder.stemLimit) bytes as a "
                            + "file name, about 21 Chinese characters)")
            }
        case .pathTooLong(let path):
            return ("会议套接字路径过长（最多 107 字节）：\(path)", "meeting socket path too long (at most 107 bytes): \(path)")
        case .notAFolder(let path):
            return ("会议目录不是目录（或是符号链接）：\(path)",
                    "meetings folder is not a folder (or is a symbolic link): \(path)")
        case .folderOwnedByOther(let path, let owner):
            return ("会议目录属于其他用户 \(owner)，拒绝使用：\(path)（可将 TOWNS_MEETINGS 设为自己的目录）",
                    "meetings folder \(path) belongs to another user (\(owner)); "
                        + "refused (set TOWNS_MEETINGS to a folder of your own)")
        case .folderWritable(let path, let mode):
            return ("会议目录他人可写且无粘滞位（\(mode)），拒绝使用：\(path)",
                    "meetings folder \(path) is writable by others "
                        + "without the sticky bit (mode \(mode)); refused (chmod +t or chmod go-w)")
        case .notASocket(let path):
            return ("会议套接字路径上不是套接字，未改动：\(path)", "not a socket, left alone: \(path)")
        case .meetingOpen(let name, let socket):
            return ("会议“\(name)”已在进行（\(socket) 有主持人应答），请换一个名称",
                    "a meeting named '\(name)' is open (its presenter answers on \(socket)); choose another name")
        case .noMeeting(let name, let folder):
            return ("没有名为“\(name)”的会议（\(folder)）", "no meeting named '\(name)' in \(folder)")
        case .notPermitted(let name, let socket, let group):
            return ("无权加入会议“\(name)”：只有用户组 \(group) 的成员可以加入（\(socket)）",
                    "not permitted to join meeting '\(name)': only members of group \(group) may (\(socket))")
        case .folderClosed(let name, let folder, let group):
            return ("无权查看会议“\(name)”：会议目录 \(folder) 只对用户组 \(group) 开放，你不在其中",
                    "not permitted to see meeting '\(name)': the meetings folder \(folder) is open only to group "
                        + "\(group), which you are not in")
        case .unknownGroup(let group):
            return ("未知的用户组：\(group)", "unknown group: \(group)")
        case .notInGroup(let group):
            return ("你不在用户组 \(group) 中，不能以它主持会议", "you are not in group \(group): cannot present to it")
        case .system(let call, let code):
            let reason = String(cString: strerror(code))
            return ("系统调用失败：\(call)：\(Self.chineseReason(code) ?? reason)", "system call failed: \(call): \(reason)")
        case .presenterMismatch(let claimed, let actual):
            return ("会议主持人自称 \(claimed)，实为 \(actual)，已断开",
                    "the presenter says it is \(claimed) but is \(actual); disconnected")
        }
    }
}

extension MeetingError {
    /// The common reasons a meeting's call fails, in Chinese (as `TownsCore`'s `SystemWords`,
    /// which this module does not import); nil: the system's English words are kept.
    static func chineseReason(_ code: Int32) -> String? {
        [EACCES: "权限不足", EPERM: "不允许此操作", ENOENT: "没有这个文件或目录", EEXIST: "文件已存在",
         ENOTDIR: "路径中有一项不是目录", EROFS: "只读文件系统", ENOSPC: "磁盘空间不足",
         ENAMETOOLONG: "文件名太长", ECONNREFUSED: "连接被拒绝", EADDRINUSE: "地址已被使用",
         EPIPE: "管道已断开", ECONNRESET: "连接被重置"][code]
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder where meetings' sockets (`NAME.sock`) and descriptions (`NAME.json`) live.
///
/// Default: `$TOWNS_MEETINGS` if set; else `/tmp/towns-meetings-UID-GID`, one folder per
/// presenter and group, created by the presenter with mode 0750 and the meeting's group: the
/// group may list and join, nobody else may write into it, so no one can replace a socket.
/// Followers look in `$TOWNS_MEETINGS`, else in every `/tmp/towns-meetings-*` they can read.
///
/// A folder is refused (``MeetingError``) if it is a symbolic link or not a folder, belongs to
/// another user than the presenter or root, or is writable by group or world without the sticky
/// bit (a shared `$TOWNS_MEETINGS` made by an administrator: `install -d -m 3770 -g towns DIR`).
public struct MeetingFolder: Sendable, Equatable {
    /// The folder's path.
    public let path: String

    /// The folder at `path`, not checked.
    public init(path: String) {
        self.path = path
    }

    /// The environment variable naming a shared folder.
    public static let environmentVariable = "TOWNS_MEETINGS"
    /// The prefix of the default folders under `/tmp`.
    public static let defaultPrefix = "/tmp/towns-meetings-"

    /// Where a presenter `uid` with group `gid` puts its meetings.
    public static func presenterFolder(
        uid: uid_t = geteuid(), gid: gid_t, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> MeetingFolder {
        if let shared = environment[environmentVariable], !shared.isEmpty { return MeetingFolder(path: shared) }
        return MeetingFolder(path: "\(defaultPrefix)\(uid)-\(gid)")
    }

    /// Where followers look: `$TOWNS_MEETINGS`, else every `/tmp/towns-meetings-UID-GID` folder
    /// that passes ``check(owner:)`` for the UID its name gives (another user's folder made to
    /// look like a presenter's is skipped).
    public static func followerFolders(environment: [String: String] = ProcessInfo.processInfo.environment,
                                       prefix defaultPrefix: String = defaultPrefix) -> [MeetingFolder] {
        if let shared = environment[environmentVariable], !shared.isEmpty { return [MeetingFolder(path: shared)] }
        let parent = (defaultPrefix as NSString).deletingLastPathComponent
        let prefix = (defaultPrefix as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return names.sorted().compactMap { name in
            let owner = name.dropFirst(prefix.count).split(separator: "-").first ?? ""
            guard name.hasPrefix(prefix), let uid = uid_t(owner) else { return nil }
            let folder = MeetingFolder(path: parent + "/" + name)
            return (try? folder.check(owner: uid)) == nil ? nil : folder
        }
    }

    /// Creates the folder if missing (mode 0750, group `gid`), then checks it.
    /// - Throws: ``MeetingError`` when it cannot be made or is refused by ``check(owner:)``.
    public func prepare(owner uid: uid_t = geteuid(), group gid: gid_t) throws {
        if mkdir(path, 0o750) == 0 {
            // A new folder of ours: the meeting's group, and the mode whatever the umask.
            guard chown(path, uid_t.max, gid) == 0 else { throw MeetingError.system("chown \(path)", errno: errno) }
            guard chmod(path, 0o750) == 0 else { throw MeetingError.system("chmod \(path)", errno: errno) }
        } else if errno != EEXIST {
            throw MeetingError.system("mkdir \(path)", errno: errno)
        }
        try check(owner: uid)
    }

    /// Refuses a folder that is a symbolic link or no folder, belongs to neither `uid` nor root,
    /// or is group- or world-writable without the sticky bit.
    public func check(owner uid: uid_t = geteuid()) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw MeetingError.system("lstat \(path)", errno: errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw MeetingError.notAFolder(path) }
        guard info.st_uid == uid || info.st_uid == 0 else {
            let owner = MeetingUsers.name(of: info.st_uid) ?? "uid \(info.st_uid)"
            throw MeetingError.folderOwnedByOther(path: path, owner: owner)
        }
        let othersWrite = info.st_mode & (S_IWGRP | S_IWOTH) != 0
        if othersWrite && info.st_mode & S_ISVTX == 0 {
            throw MeetingError.folderWritable(path: path, mode: String(info.st_mode & 0o7777, radix: 8))
        }
    }

    /// The name of the folder's group if this process may not look in the folder (no search
    /// permission: not its owner, not in its group), else nil (it may, or the folder is missing).
    public func closedGroup() -> String? {
        guard access(path, X_OK) != 0, errno == EACCES else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return "?" }
        return MeetingUsers.groupName(of: info.st_gid) ?? "gid \(info.st_gid)"
    }

    /// The socket of meeting `name`: `PATH/STEM.sock` (`fileStem`).
    public func socketPath(_ name: String) -> String { "\(path)/\(Self.fileStem(name)).sock" }
    /// The description of meeting `name`: `PATH/STEM.json` (`fileStem`).
    public func descriptionPath(_ name: String) -> String { "\(path)/\(Self.fileStem(name)).json" }

    /// The most bytes a meeting's file stem (`fileStem`) may take: the socket's path must stay
    /// within the 107 bytes a Unix socket's address holds.
    public static let stemLimit = 64

    /// Whether `scalar` stands for itself in a file stem: a letter or digit of any script
    /// (`周例会`, `weekly2`), `-`, `_`, `.`.
    static func plain(_ scalar: Unicode.Scalar) -> Bool {
        CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
    }

    /// The file name (without `.sock`/`.json`) of meeting `name`: the name itself where every
    /// character is a letter, a digit, `-`, `_` or `.` and it does not start with `.` (as
    /// before wave 21: `weekly`, `周例会`); else each other character's UTF-8 bytes as `%XX`
    /// (`周例会 第3次` → `周例会%20第3次`; `%` itself as `%25`, a leading `.` as `%2E`), so no
    /// name can reach another folder (`/`), hide its files (`.`) or put a control character
    /// in a file name. `name(fromStem:)` reverses it.
    public static func fileStem(_ name: String) -> String {
        if !name.hasPrefix("."), name.unicodeScalars.allSatisfy(plain) { return name }
        var out = ""
        for (i, scalar) in name.unicodeScalars.enumerated() {
            if plain(scalar) && !(i == 0 && scalar == ".") {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded }
            }
        }
        return out
    }

    /// The meeting's name from its file stem (`fileStem` reversed); nil where the stem is not
    /// one `fileStem` writes.
    public static func name(fromStem stem: String) -> String? {
        guard let name = stem.removingPercentEncoding, fileStem(name) == stem else { return nil }
        return name
    }

    /// Refuses a name no meeting may have (see ``MeetingError/invalidName(_:)``): empty or
    /// blank, holding a control or formatting character (an escape, a bidi override), blanks
    /// at its ends, or longer than `stemLimit` bytes as a file stem (`fileStem`: about 21
    /// Chinese characters). Any other name a person would type is taken (wave 21: `周例会
    /// 第3次`, `例会·嘉兴`), its files named by `fileStem`.
    public static func validate(name: String) throws {
        if problem(name) != nil { throw MeetingError.invalidName(name) }
    }

    /// Why `name` is refused (`validate`), nil when it is not.
    static func problem(_ name: String) -> NameProblem? {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .empty }
        if name.unicodeScalars.contains(where: {
            [.control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned]
                .contains($0.properties.generalCategory)
        }) { return .control }
        if name != name.trimmingCharacters(in: .whitespaces) { return .blankEnds }
        if fileStem(name).utf8.count > stemLimit { return .tooLong }
        return nil
    }

    /// What is wrong with a refused meeting name (`MeetingError.invalidName`'s words).
    enum NameProblem { case empty, control, blankEnds, tooLong }
}

extension String {
    /// Two hex digits: `7` → `07`.
    fileprivate var leftPadded: String { count < 2 ? "0" + self : self }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `towns meetings` lists of an open meeting: `NAME.json` beside `NAME.sock`, written by
/// the presenter (mode 0640, the meeting's group) when the meeting starts and when the number
/// of followers changes, replaced whole (write, then rename), removed when the meeting closes.
public struct MeetingDescription: Codable, Sendable, Equatable {
    /// The meeting's name.
    public var meeting: String
    /// The presenter's user name.
    public var presenter: String
    /// The presenter's process id (a description whose process is gone is stale).
    public var pid: Int32
    /// When the meeting started, to the second.
    public var started: Date
    /// Followers attached when the description was written.
    public var followers: Int
    /// Followers dropped so far (they did not read, or sent too much).
    public var dropped: Int
    /// The meeting's group name (or number).
    public var group: String
    /// Of `followers`, those whose data differs from the presenter's (each said its data's
    /// fingerprint: `MeetingHost.otherDataCount`); they browse alone. nil: a description written
    /// by a build that did not say (read as unknown, not as none).
    public var otherData: Int?

    /// A description with every field given.
    public init(meeting: String, presenter: String, pid: Int32, started: Date, followers: Int, dropped: Int,
                group: String, otherData: Int? = nil) {
        self.meeting = meeting
        self.presenter = presenter
        self.pid = pid
        self.started = started
        self.followers = followers
        self.dropped = dropped
        self.group = group
        self.otherData = otherData
    }

    /// Writes the description to `path` whole (a temporary file renamed over it), mode 0640,
    /// group `gid`.
    /// - Throws: ``MeetingError/system(_:errno:)``.
    public func write(to path: String, group gid: gid_t) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(self)
        let temporary = path + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw MeetingError.system("open \(temporary)", errno: errno) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let failed = written != data.count || fchown(fd, uid_t.max, gid) != 0 || fchmod(fd, 0o640) != 0
        let code = errno
        close(fd)
        guard !failed, rename(temporary, path) == 0 else {
            let renameCode = errno
            unlink(temporary)
            throw MeetingError.system("write \(path)", errno: failed ? code : renameCode)
        }
    }

    /// The description at `path`, or nil if it is missing or unreadable.
    public static func read(_ path: String) -> MeetingDescription? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 64 * 1024 else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(MeetingDescription.self, from: data)
    }

    /// The open meetings in `folders`: descriptions whose socket exists and whose presenter's
    /// process is alive, sorted by start then name. Stale ones (a crashed presenter) are skipped.
    public static func openMeetings(in folders: [MeetingFolder]) -> [MeetingDescription] {
        var found: [MeetingDescription] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in names where file.hasSuffix(".json") {
                guard let name = MeetingFolder.name(fromStem: String(file.dropLast(5))),
                      let d = read(folder.descriptionPath(name)), d.meeting == name,
                      FileManager.default.fileExists(atPath: folder.socketPath(name)),
                      processAlive(d.pid) else { continue }
                found.append(d)
            }
        }
        return found.sorted { ($0.started, $0.meeting) < ($1.started, $1.meeting) }
    }

    /// Whether process `pid` exists (a process of another user answers EPERM: alive).
    static func processAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}

import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The presenter's end of a meeting: a Unix-domain socket `FOLDER/NAME.sock` that sends the
/// latest payload to every follower when it joins and after each ``send(_:dataFingerprint:)``.
///
///     let host = try MeetingHost<Session>(name: "weekly", dataFingerprint: fingerprint)
///     host.send(state.session)            // after each update; returns at once
///     status = "会议 weekly：\(host.followerCount) 人跟随"
///     host.close()                        // followers get `end`; the socket is removed
///
/// - Followers never drive: what a follower sends is read and thrown away (more than
///   ``Options/followerInputLimit`` bytes and it is dropped).
/// - Each peer's credentials (`SO_PEERCRED`) are checked with ``MeetingAccess`` before anything
///   is sent; a refused peer is closed at once and counted in ``refusedCount``.
/// - ``send(_:dataFingerprint:)`` only stores the payload; the work (encoding, writing) runs on
///   the host's own queue, at most ``Options/maxUpdatesPerSecond`` times a second, sending only
///   the latest payload and only when it differs from the last one sent.
/// - Writes never block: a follower that cannot take more keeps one message in progress and the
///   latest one waiting (older ones are replaced); if it accepts no byte for
///   ``Options/stallTimeout`` seconds it is dropped and counted in ``droppedCount``.
/// - A socket file left by a crashed presenter (connecting is refused) is replaced; a live one
///   is not: ``MeetingError/meetingOpen(name:socket:)``.
public final class MeetingHost<Payload: Codable & Sendable & Equatable>: Sendable {
    /// Tuning, with the defaults the dashboard uses.
    public struct Options: Sendable {
        /// The folder; nil: ``MeetingFolder/presenterFolder(uid:gid:environment:)``.
        public var folder: MeetingFolder?
        /// The meeting's group; nil: the process's effective group.
        public var group: gid_t?
        /// At most this many `state` messages a second (30).
        public var maxUpdatesPerSecond: Double = 30
        /// A follower that accepts no byte for this long while a message waits is dropped (5 s).
        public var stallTimeout: Double = 5
        /// A follower that sends more than this many bytes (all discarded) is dropped (64 KiB).
        public var followerInputLimit = 64 * 1024
        /// At most this many followers at once; more are refused like strangers (256).
        public var maxFollowers = 256
        /// The kernel's send buffer per follower, in bytes; nil: the system's default.
        public var sendBufferBytes: Int32?
        /// The defaults.
        public init() {}
    }

    /// The meeting's name.
    public let name: String
    /// The socket's path.
    public let socketPath: String
    /// The folder holding the socket and the description.
    public let folder: MeetingFolder
    /// Who may follow.
    public let access: MeetingAccess
    /// When the meeting started, to the second.
    public let started: Date
    /// The presenter's user name (of the process's user), sent in every envelope.
    public let presenter: String
    private let core: HostCore<Payload>

    /// Starts a meeting: checks the name and the folder (creating it if it is the default one),
    /// replaces a stale socket, binds `NAME.sock` (mode 0660, the meeting's group) and writes
    /// `NAME.json` (``MeetingDescription``).
    /// - Parameters:
    ///   - dataFingerprint: the presenter's data fingerprint (see ``MeetingEnvelope/dataFingerprint``).
    /// - Throws: ``MeetingError``: an invalid name, a refused folder, a meeting of this name
    ///   open, a path too long, a failed system call.
    public init(name: String, dataFingerprint: String, options: Options = Options()) throws {
        try MeetingFolder.validate(name: name)
        let uid = geteuid()
        let gid = options.group ?? getegid()
        let folder = options.folder ?? MeetingFolder.presenterFolder(uid: uid, gid: gid)
        try folder.prepare(owner: uid, group: gid)
        self.name = name
        self.folder = folder
        self.socketPath = folder.socketPath(name)
        self.access = MeetingAccess(ownerUID: uid, groupID: gid)
        self.started = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        self.presenter = MeetingUsers.name(of: uid) ?? "uid \(uid)"
        let listener = try HostListener.bind(folder: folder, name: name, group: gid)
        let identity = HostCore<Payload>.Identity(
            meeting: name, presenter: self.presenter, started: started, folder: folder, socketPath: socketPath,
            group: gid, groupName: MeetingUsers.groupName(of: gid) ?? String(gid))
        core = HostCore(listener: listener, identity: identity, access: access, options: options,
                        fingerprint: dataFingerprint)
        core.start()
    }

    deinit {
        core.close()
    }

    /// Sends `payload` to every follower, coalesced: returns at once; the latest payload given
    /// goes out within 1 / ``Options/maxUpdatesPerSecond`` s, and not at all if equal (with the
    /// same fingerprint) to the last one sent. `dataFingerprint`: nil keeps the last one.
    public func send(_ payload: Payload, dataFingerprint: String? = nil) {
        core.submit(payload, fingerprint: dataFingerprint)
    }

    /// Followers attached now (admitted, not dropped, not gone).
    public var followerCount: Int { core.counters.followers }
    /// Of `followerCount`, those whose data differs from the presenter's: each said its data's
    /// fingerprint (`MeetingGuest.announce`) and it is not the one last sent, so it shows its own
    /// data, not the presenter's screen (wave 34's fresh user: the chip said `1 人跟随` of one).
    public var otherDataCount: Int { core.counters.otherData }
    /// Followers dropped so far: stalled (not reading) or sending too much.
    public var droppedCount: Int { core.counters.dropped }
    /// Peers refused so far by their credentials.
    public var refusedCount: Int { core.counters.refused }
    /// The sequence number of the last `state` sent (0 before the first).
    public var sequence: UInt64 { core.counters.sequence }
    /// The last error of encoding a payload (a payload that is not JSON, or a line over 1 MiB).
    public var lastError: String? { core.counters.lastError }

    /// Ends the meeting: sends `end` to every follower (as far as each can take it without
    /// waiting), closes them, removes the socket and the description. Later sends do nothing.
    /// - Parameter ending: what `end` tells the followers: the presenter quit (the default), or
    ///   its terminal was lost.
    public func close(_ ending: MeetingEnvelope<Payload>.Ending = .quit) {
        core.close(ending)
    }
}

/// The listening socket of a meeting, bound under a temporary name, given its mode and group,
/// then linked to `NAME.sock` (so the socket is never reachable with the umask's mode, and two
/// presenters racing for one name cannot both get it).
struct HostListener {
    let fd: Int32
    let device: UInt64
    let inode: UInt64

    static func bind(folder: MeetingFolder, name: String, group gid: gid_t) throws -> HostListener {
        let path = folder.socketPath(name)
        guard path.utf8.count <= UnixSocket.maxPathBytes else { throw MeetingError.pathTooLong(path) }
        try removeStale(path, name: name, folder: folder)
        let temporary = "\(folder.path)/.\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let fd = try UnixSocket.make()
        do {
            try UnixSocket.listen(fd, at: temporary)
            defer { unlink(temporary) }
            guard chown(temporary, uid_t.max, gid) == 0 else {
                throw MeetingError.system("chown \(temporary)", errno: errno)
            }
            guard chmod(temporary, 0o660) == 0 else { throw MeetingError.system("chmod \(temporary)", errno: errno) }
            if link(temporary, path) != 0 {
                guard errno == EEXIST else { throw MeetingError.system("link \(path)", errno: errno) }
                throw MeetingError.meetingOpen(name: name, socket: path)
            }
            var info = stat()
            guard lstat(path, &info) == 0 else { throw MeetingError.system("lstat \(path)", errno: errno) }
            return HostListener(fd: fd, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        } catch {
            close(fd)
            throw error
        }
    }

    /// Removes `path` if it is a socket nobody listens on (a crashed presenter's); refuses a live
    /// one, and anything that is not a socket.
    private static func removeStale(_ path: String, name: String, folder: MeetingFolder) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw MeetingError.notASocket(path) }
        switch try UnixSocket.probe(path) {
        case .live:
            throw MeetingError.meetingOpen(name: name, socket: path)
        case .stale:
            // Only the file probed: another presenter may have replaced it since (then its link
            // below fails with EEXIST and this one is told the meeting is open).
            var now = stat()
            guard lstat(path, &now) == 0, now.st_dev == info.st_dev, now.st_ino == info.st_ino else { return }
            unlink(path)
            unlink(folder.descriptionPath(name))
        case .missing:
            return
        case .failed(let code):
            throw MeetingError.system("connect \(path)", errno: code)
        }
    }

    /// Whether `path` is still this listener's socket file (not replaced since).
    func owns(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}

import CTownsSocket
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who may follow a meeting: the presenter's own user, and members of the meeting's group.
///
/// The socket file (mode 0660, the meeting's group) already keeps others out in the kernel;
/// the presenter checks again, with the peer's credentials (`SO_PEERCRED`), before it sends
/// anything, so that a folder or socket whose mode was changed, or root, does not widen the
/// meeting. A member is a user whose primary group is the group, or who is listed in it in the
/// user database (`getgrouplist`): a process cannot add a group to itself.
public struct MeetingAccess: Sendable, Equatable {
    /// The presenter's user id.
    public let ownerUID: uid_t
    /// The meeting's group id (the presenter's group, or `--group`).
    public let groupID: gid_t

    /// The rule for a presenter `ownerUID` and a group `groupID`.
    public init(ownerUID: uid_t, groupID: gid_t) {
        self.ownerUID = ownerUID
        self.groupID = groupID
    }

    /// The id of group `name` (a name or a number) for `--group`, checked: the process must be
    /// in it (or be root) to give a socket that group.
    /// - Throws: ``MeetingError/unknownGroup(_:)``, ``MeetingError/notInGroup(_:)``.
    public static func group(named name: String) throws -> gid_t {
        guard let gid = MeetingUsers.groupID(named: name) else { throw MeetingError.unknownGroup(name) }
        let count = getgroups(0, nil)
        var mine = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let got = getgroups(count, &mine)
        guard geteuid() == 0 || gid == getegid() || mine.prefix(Int(max(got, 0))).contains(gid) else {
            throw MeetingError.notInGroup(name)
        }
        return gid
    }

    /// The running process's user and effective group.
    public static var current: MeetingAccess { MeetingAccess(ownerUID: geteuid(), groupID: getegid()) }

    /// Whether a peer with these credentials may follow: the same user, a process whose group is
    /// the meeting's, or a user the user database lists as a member of it.
    public func admits(_ peer: PeerCredentials) -> Bool {
        if peer.uid == ownerUID || peer.gid == groupID { return true }
        guard let user = MeetingUsers.name(of: peer.uid), let primary = MeetingUsers.primaryGroup(of: peer.uid) else {
            return false
        }
        return MeetingUsers.groups(of: user, primary: primary).contains(groupID)
    }
}

/// The credentials of the process at the other end of a Unix-domain socket, as the kernel
/// recorded them when it connected (`SO_PEERCRED`).
public struct PeerCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The peer's process id.
    public var pid: pid_t
    /// The peer's effective user id.
    public var uid: uid_t
    /// The peer's effective group id.
    public var gid: gid_t

    /// Credentials given directly (tests).
    public init(pid: pid_t, uid: uid_t, gid: gid_t) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// The credentials of the peer of the connected Unix-domain socket `fd`.
    /// - Throws: ``MeetingError/system(_:errno:)`` if `getsockopt` fails (not a Unix socket).
    public init(socket fd: Int32) throws {
        var pid: pid_t = 0, uid: uid_t = 0, gid: gid_t = 0
        guard towns_peer_credentials(fd, &pid, &uid, &gid) == 0 else {
            throw MeetingError.system("getsockopt(SO_PEERCRED)", errno: errno)
        }
        self.init(pid: pid, uid: uid, gid: gid)
    }

    /// `pid 12, uid 1000 (lin), gid 100 (users)`.
    public var description: String {
        let user = MeetingUsers.name(of: uid).map { " (\($0))" } ?? ""
        let group = MeetingUsers.groupName(of: gid).map { " (\($0))" } ?? ""
        return "pid \(pid), uid \(uid)\(user), gid \(gid)\(group)"
    }
}

/// Look-ups in the user database (`/etc/passwd`, `/etc/group` or NSS), re-entrant.
public enum MeetingUsers {
    /// The user name of `uid`, or nil if the database has none.
    public static func name(of uid: uid_t) -> String? {
        withPasswd(uid) { String(cString: $0.pw_name) }
    }

    /// The primary group of `uid`, or nil.
    public static func primaryGroup(of uid: uid_t) -> gid_t? {
        withPasswd(uid) { $0.pw_gid }
    }

    /// The group id of a group name, or of a number given as text; nil if neither.
    public static func groupID(named name: String) -> gid_t? {
        var group = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        if getgrnam_r(name, &group, &buffer, buffer.count, &result) == 0, result != nil { return group.gr_gid }
        return gid_t(name)
    }

    /// The name of group `gid`, or nil.
    public static func groupName(of gid: gid_t) -> String? {
        var group = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getgrgid_r(gid, &group, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return String(cString: group.gr_name)
    }

    /// Every group of `user` in the database, `primary` included.
    public static func groups(of user: String, primary: gid_t) -> [gid_t] {
        var count: Int32 = 64
        for _ in 0..<4 {
            var list = [gid_t](repeating: 0, count: Int(count))
            var n = count
            if getgrouplist(user, primary, &list, &n) >= 0 { return Array(list.prefix(Int(n))) }
            count = max(n, count * 2)
        }
        return [primary]
    }

    private static func withPasswd<T>(_ uid: uid_t, _ body: (passwd) -> T) -> T? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return body(entry)
    }
}

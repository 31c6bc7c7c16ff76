import Foundation
import Glibc
@testable import TownsMeeting
import XCTest

/// Who may follow: peer credentials, the group rule, the folder's checks, and a follower
/// process running as another user.
final class AccessTests: XCTestCase {
    func testPeerCredentialsOfASocketPairAreThisProcess() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        defer { fds.forEach { close($0) } }
        let peer = try PeerCredentials(socket: fds[0])
        XCTAssertEqual(peer, PeerCredentials(pid: getpid(), uid: geteuid(), gid: getegid()))
        XCTAssertThrowsError(try PeerCredentials(socket: -1))
    }

    func testTheRuleAdmitsTheSameUserAndTheGroupOnly() throws {
        let outsiderGroup = try XCTUnwrap(groupNobodyIsNotIn())
        let rule = MeetingAccess(ownerUID: 4242, groupID: outsiderGroup)
        XCTAssertTrue(rule.admits(PeerCredentials(pid: 1, uid: 4242, gid: 65534)), "the presenter's own user")
        XCTAssertTrue(rule.admits(PeerCredentials(pid: 1, uid: 65534, gid: outsiderGroup)), "a process of the group")
        XCTAssertFalse(rule.admits(PeerCredentials(pid: 1, uid: 65534, gid: 65534)), "nobody, not in the group")
        XCTAssertNotEqual(outsiderGroup, 0)
        XCTAssertFalse(rule.admits(PeerCredentials(pid: 1, uid: 0, gid: 0)), "root is not the presenter")
        // A user listed in the group in /etc/group (not as primary group): nobody is in nogroup.
        XCTAssertTrue(MeetingAccess(ownerUID: 4242, groupID: 65534).admits(PeerCredentials(pid: 1, uid: 65534, gid: 7)))
    }

    func testFoldersOthersCouldWriteOrOwnAreRefused() throws {
        let folder = try meetingFolder()
        try folder.prepare(group: getegid())
        var info = stat()
        XCTAssertEqual(lstat(folder.path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o7777, 0o750)
        XCTAssertEqual(info.st_gid, getegid())

        XCTAssertEqual(chmod(folder.path, 0o777), 0)
        XCTAssertThrowsError(try folder.check()) {
            XCTAssertEqual($0 as? MeetingError, .folderWritable(path: folder.path, mode: "777"))
        }
        XCTAssertThrowsError(try MeetingHost<TestState>(name: "x", dataFingerprint: "f", options: hostOptions(folder)))
        XCTAssertEqual(chmod(folder.path, 0o1777), 0)
        XCTAssertNoThrow(try folder.check(), "world-writable with the sticky bit, like /tmp")
        XCTAssertEqual(chmod(folder.path, 0o750), 0)

        let link = MeetingFolder(path: folder.path + "-link")
        XCTAssertEqual(symlink(folder.path, link.path), 0)
        XCTAssertThrowsError(try link.check()) { XCTAssertEqual($0 as? MeetingError, .notAFolder(link.path)) }

        if geteuid() == 0 {
            XCTAssertEqual(chown(folder.path, 65534, 65534), 0)
            XCTAssertThrowsError(try folder.check()) {
                XCTAssertEqual($0 as? MeetingError, .folderOwnedByOther(path: folder.path, owner: "nobody"))
            }
            XCTAssertNoThrow(try folder.check(owner: 65534))
        }
    }

    /// Followers look only in default folders owned by the user their name gives (or root).
    func testFollowersSkipFoldersNotOwnedAsNamed() throws {
        let base = try meetingFolder().path
        XCTAssertEqual(mkdir(base, 0o755), 0)
        let me = geteuid()
        for name in ["towns-meetings-\(me)-1", "towns-meetings-\(me)-2", "towns-meetings-\(me)-3",
                     "towns-meetings-x-1"] {
            XCTAssertEqual(mkdir(base + "/" + name, 0o750), 0)
        }
        XCTAssertEqual(chmod(base + "/towns-meetings-\(me)-2", 0o777), 0)
        if me == 0 { XCTAssertEqual(chown(base + "/towns-meetings-\(me)-3", 65534, 65534), 0) }
        let found = MeetingFolder.followerFolders(environment: [:], prefix: base + "/towns-meetings-").map(\.path)
        XCTAssertEqual(found, [base + "/towns-meetings-\(me)-1"] + (me == 0 ? [] : [base + "/towns-meetings-\(me)-3"]))
        XCTAssertEqual(MeetingFolder.followerFolders(environment: ["TOWNS_MEETINGS": "/srv/m"]).map(\.path), ["/srv/m"])
    }

    func testGroupsByNameOrNumber() throws {
        XCTAssertEqual(try MeetingAccess.group(named: "nogroup"), 65534)
        XCTAssertEqual(try MeetingAccess.group(named: "\(getegid())"), getegid())
        XCTAssertThrowsError(try MeetingAccess.group(named: "no-such-group-here")) {
            XCTAssertEqual($0 as? MeetingError, .unknownGroup("no-such-group-here"))
        }
    }

    func testMeetingNames() {
        for good in ["weekly", "周会", "a.b-c_d", "2026-12"] {
            XCTAssertNoThrow(try MeetingFolder.validate(name: good), good)
            XCTAssertEqual(MeetingFolder.fileStem(good), good, "a plain name is its own file name, as before")
        }
        // Since wave 21 any name a person types, its file name encoded (`%XX`): never another
        // folder, a hidden file or a control character.
        for typed in ["周例会 第3次", "例会·嘉兴", "a/b", "../x", ".hidden", "50%", "月度（9月）"] {
            XCTAssertNoThrow(try MeetingFolder.validate(name: typed), typed)
            let stem = MeetingFolder.fileStem(typed)
            XCTAssertFalse(stem.contains("/") || stem.hasPrefix(".") || stem.contains(" "), stem)
            XCTAssertEqual(MeetingFolder.name(fromStem: stem), typed, "decodes back")
        }
        XCTAssertEqual(MeetingFolder.fileStem("周例会 第3次"), "周例会%20第3次")
        XCTAssertEqual(MeetingFolder.fileStem("../x"), "%2E.%2Fx")
        XCTAssertNil(MeetingFolder.name(fromStem: "a%20b%"), "not a stem fileStem writes")
        XCTAssertNil(MeetingFolder.name(fromStem: "a b"), "a blank is always encoded")
        for bad in ["", "   ", " lead", "trail ", "x\u{1b}[31m", "a\tb", "rtl\u{202E}x", String(repeating: "长", count: 30)] {
            XCTAssertThrowsError(try MeetingFolder.validate(name: bad), bad)
        }
        // The error says why, in both languages.
        XCTAssertTrue(MeetingError.invalidName("").words(chinese: true).contains("名称为空"))
        XCTAssertTrue(MeetingError.invalidName(String(repeating: "长", count: 30)).words(chinese: false).contains("too long"))
        XCTAssertTrue(MeetingError.invalidName("a\u{1b}b").words(chinese: true).contains("“a?b”含控制字符"))
    }

    /// A follower process running as `nobody` with the meeting's group only as a supplementary
    /// group: the kernel lets it connect (socket mode 0660), the presenter's SO_PEERCRED check
    /// refuses it and sends nothing. The same process with the group as its own gets the hello,
    /// and without the group it cannot even connect.
    func testAFollowerOfAnotherUserOutsideTheGroupIsRefused() throws {
        try XCTSkipUnless(geteuid() == 0, "needs root, to run a follower as nobody")
        let python = "/usr/bin/python3", setpriv = "/usr/bin/setpriv"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: python)
                          && FileManager.default.isExecutableFile(atPath: setpriv), "needs \(python) and \(setpriv)")
        let group = try XCTUnwrap(groupNobodyIsNotIn())
        let folder = try meetingFolder()
        let options = hostOptions(folder, group: group)
        let host = try MeetingHost<TestState>(name: "closed", dataFingerprint: "fp", options: options)
        defer { host.close() }
        host.send(TestState(view: "secret", index: 1))
        XCTAssertTrue(eventually { host.sequence == 1 })

        let refused = try follower(python, setpriv, gid: 65534, groups: [group], socket: host.socketPath)
        XCTAssertEqual(refused, "connected 0", "closed before anything was sent")
        XCTAssertTrue(eventually { host.refusedCount == 1 })
        XCTAssertEqual(host.followerCount, 0)

        let member = try follower(python, setpriv, gid: group, groups: [group], socket: host.socketPath)
        XCTAssertTrue(member.hasPrefix("connected "), member)
        XCTAssertTrue(member.contains(#""kind":"hello""#) && member.contains("secret"), member)
        XCTAssertEqual(host.refusedCount, 1)

        let outsider = try follower(python, setpriv, gid: 65534, groups: [65534], socket: host.socketPath)
        XCTAssertEqual(outsider, "error \(EACCES)", "the socket and folder modes keep others out")
    }

    /// Runs a Python follower as uid nobody with group `gid` and supplementary `groups`; what it
    /// printed: `connected N FIRST-LINE` or `error ERRNO`.
    private func follower(_ python: String, _ setpriv: String, gid: gid_t, groups: [gid_t],
                          socket: String) throws -> String {
        let script = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX)
        try:
            s.connect(sys.argv[1])
        except OSError as e:
            print("error", e.errno); sys.exit(0)
        s.settimeout(5)
        data = b""
        try:
            while b"\\n" not in data:
                d = s.recv(65536)
                if not d: break
                data += d
        except socket.timeout:
            pass
        print(("connected %d " % len(data) + data.split(b"\\n")[0][:300].decode("utf-8", "replace")).strip())
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        let groupList = groups.map(String.init).joined(separator: ",")
        process.arguments = ["--reuid=65534", "--regid=\(gid)", "--groups=\(groupList)", python, "-c", script, socket]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A group of the user database that nobody is not a member of (users, staff, adm...).
    private func groupNobodyIsNotIn() -> gid_t? {
        let nobodys = MeetingUsers.groups(of: "nobody", primary: 65534)
        return ["users", "staff", "adm", "daemon", "sys"].compactMap { MeetingUsers.groupID(named: $0) }
            .first { !nobodys.contains($0) }
    }
}

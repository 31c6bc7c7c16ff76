import Foundation
import Glibc
@testable import TownsMeeting
import XCTest

/// One presenter and followers in this process, over real Unix-domain sockets.
final class HostGuestTests: XCTestCase {
    /// A presenter that sends the next state only once the last one went out (as a person's keys
    /// do, at most ~30 a second): every follower gets every state, in order.
    func testFollowersGetEveryStateSentSlowerThanTheRateInOrder() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "slow", dataFingerprint: "fp1", options: hostOptions(folder))
        defer { host.close() }
        let recorders = (0..<3).map { _ in Recorder() }
        let guests = try recorders.map { try join("slow", folder, $0) }
        XCTAssertTrue(eventually { host.followerCount == 3 })
        XCTAssertTrue(eventually { recorders.allSatisfy { $0.received.count == 1 } }, "a hello each")
        for i in 1...10 {
            host.send(TestState(view: "towns", index: i))
            XCTAssertTrue(eventually { host.sequence == UInt64(i) })  // sent before the next: nothing to coalesce
        }
        host.send(TestState(view: "towns", index: 10))  // the same again: not sent
        XCTAssertTrue(eventually { recorders.allSatisfy { $0.received.count == 11 } },
                      "\(recorders.map { $0.received.count })")
        usleep(100_000)
        for r in recorders {
            let messages = r.received
            XCTAssertEqual(messages.count, 11)
            XCTAssertEqual(messages.first?.kind, .hello)
            XCTAssertNil(messages.first?.payload)
            XCTAssertEqual(messages.dropFirst().map { $0.payload?.index }, Array(1...10))
            XCTAssertEqual(messages.dropFirst().map(\.sequence), Array(1...10))
            XCTAssertEqual(Set(messages.map(\.dataFingerprint)), ["fp1"])
            XCTAssertEqual(Set(messages.map(\.meeting)), ["slow"])
        }
        XCTAssertEqual(guests.map(\.status), Array(repeating: .following, count: 3))
        XCTAssertEqual(guests[0].takeLatest()?.payload?.index, 10)
        XCTAssertNil(guests[0].takeLatest(), "taken once")
    }

    func testABurstIsCoalescedToTheLatestAtAboutThirtyASecond() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "burst", dataFingerprint: "fp", options: hostOptions(folder))
        defer { host.close() }
        let recorders = (0..<4).map { _ in Recorder() }
        let guests = try recorders.map { try join("burst", folder, $0) }
        XCTAssertTrue(eventually { host.followerCount == 4 })
        let start = Date()
        for i in 1...2000 {
            host.send(TestState(view: "burst", index: i))
            if i % 100 == 0 { usleep(10_000) }
        }
        let seconds = Date().timeIntervalSince(start)
        XCTAssertTrue(eventually { recorders.allSatisfy { $0.received.last?.payload?.index == 2000 } })
        for r in recorders {
            let states = r.received.filter { $0.kind == .state }
            XCTAssertLessThanOrEqual(states.count, Int(seconds * 30) + 3, "coalesced: \(states.count) in \(seconds) s")
            let indexes = states.compactMap { $0.payload?.index }
            XCTAssertEqual(indexes, indexes.sorted(), "in order")
        }
        XCTAssertEqual(guests.count, 4)
    }

    func testAFollowerJoiningLaterGetsTheLatestInItsHello() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "late", dataFingerprint: "fp", options: hostOptions(folder))
        defer { host.close() }
        host.send(TestState(view: "types", index: 4))
        XCTAssertTrue(eventually { host.sequence == 1 })
        let guest = try join("late", folder)
        XCTAssertTrue(eventually { guest.latest != nil })
        XCTAssertEqual(guest.latest?.kind, .hello)
        XCTAssertEqual(guest.latest?.payload, TestState(view: "types", index: 4))
        XCTAssertEqual(guest.latest?.sequence, 1)
        XCTAssertEqual(guest.latest?.presenter, MeetingUsers.name(of: geteuid()))
    }

    /// A follower that never reads is dropped and counted; the others get every later state;
    /// the presenter's send never waits for it.
    func testAFollowerThatNeverReadsIsDroppedAndStallsNobody() throws {
        let folder = try meetingFolder()
        var options = hostOptions(folder)
        options.stallTimeout = 1  // a follower that reads is never stalled this long, even on a loaded machine
        options.sendBufferBytes = 4096
        let host = try MeetingHost<TestState>(name: "stall", dataFingerprint: "fp", options: options)
        defer { host.close() }
        let sleeper = try UnixSocket.make()
        defer { close(sleeper) }
        XCTAssertEqual(try UnixSocket.connect(sleeper, to: host.socketPath), 0)
        let recorders = (0..<2).map { _ in Recorder() }
        let guests = try recorders.map { try join("stall", folder, $0) }
        XCTAssertTrue(eventually { host.followerCount == 3 })
        let filler = String(repeating: "海宁", count: 10_000)  // ~60 KB a message
        var slowest = 0.0
        for i in 1...40 {
            let t = Date()
            host.send(TestState(view: "v", index: i, filler: filler))
            slowest = max(slowest, Date().timeIntervalSince(t))
            usleep(40_000)
        }
        XCTAssertLessThan(slowest, 1, "send returned each time (a blocking send would wait forever on the sleeper)")
        XCTAssertTrue(eventually { host.droppedCount == 1 }, "dropped \(host.droppedCount)")
        XCTAssertEqual(host.followerCount, 2)
        XCTAssertTrue(eventually { recorders.allSatisfy { $0.received.last?.payload?.index == 40 } },
                      "\(recorders.map { $0.received.last?.payload?.index ?? -1 })")
        XCTAssertEqual(guests.map(\.status), [.following, .following])
    }

    /// What a follower sends is thrown away; too much of it and the follower is dropped.
    func testFollowersNeverDrive() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "drive", dataFingerprint: "fp", options: hostOptions(folder))
        defer { host.close() }
        host.send(TestState(view: "towns", index: 1))
        XCTAssertTrue(eventually { host.sequence == 1 })
        let talker = try UnixSocket.make()
        defer { close(talker) }
        XCTAssertEqual(try UnixSocket.connect(talker, to: host.socketPath), 0)
        let witness = try join("drive", folder)
        XCTAssertTrue(eventually { host.followerCount == 2 })
        let line = try MeetingCodec.encode(MeetingEnvelope(kind: .state, sequence: 99, meeting: "drive", presenter: "x",
                                                           started: Date(), dataFingerprint: "fp",
                                                           payload: TestState(view: "evil", index: 666)))
        var sent = 0
        let deadline = Date().addingTimeInterval(5)
        while sent < 200 * 1024 && Date() < deadline {  // the socket is non-blocking: wait while it is full
            let n = line.withUnsafeBytes { Glibc.send(talker, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 { sent += n } else if errno == EAGAIN { usleep(1000) } else { break }  // EPIPE: dropped
        }
        XCTAssertGreaterThan(sent, 64 * 1024)
        XCTAssertTrue(eventually { host.droppedCount == 1 }, "a follower sending more than 64 KiB is dropped")
        XCTAssertEqual(host.sequence, 1, "nothing it sent changed the presenter")
        XCTAssertEqual(witness.latest?.payload, TestState(view: "towns", index: 1))
        XCTAssertEqual(host.followerCount, 1)
    }

    /// Past `maxFollowers`, a peer is closed before anything is sent, as a stranger is.
    func testFollowersAreBounded() throws {
        let folder = try meetingFolder()
        var options = hostOptions(folder)
        options.maxFollowers = 2
        let host = try MeetingHost<TestState>(name: "full", dataFingerprint: "fp", options: options)
        defer { host.close() }
        let guests = try (0..<2).map { _ in try join("full", folder) }
        XCTAssertTrue(eventually { host.followerCount == 2 })
        let third = try join("full", folder)
        XCTAssertTrue(eventually { third.status == .ended(.refused) }, "\(third.status)")
        XCTAssertEqual(host.refusedCount, 1)
        XCTAssertNil(third.latest)
        XCTAssertTrue(eventually { guests.allSatisfy { $0.status == .following && $0.latest?.kind == .hello } },
                      "the first two still follow, each with the hello")
    }

    func testAStaleSocketIsReplaced() throws {
        let folder = try meetingFolder()
        try folder.prepare(group: getegid())
        // A crashed presenter's socket: bound, then closed without removing the file.
        let dead = try UnixSocket.make()
        try UnixSocket.listen(dead, at: folder.socketPath("stale"))
        close(dead)
        XCTAssertEqual(try UnixSocket.probe(folder.socketPath("stale")), .stale)
        let host = try MeetingHost<TestState>(name: "stale", dataFingerprint: "fp", options: hostOptions(folder))
        defer { host.close() }
        let guest = try join("stale", folder)
        XCTAssertTrue(eventually { guest.latest?.kind == .hello })
        XCTAssertEqual(try UnixSocket.probe(folder.socketPath("stale")), .live)
    }

    func testASecondPresenterWithTheSameNameIsTold() throws {
        let folder = try meetingFolder()
        let first = try MeetingHost<TestState>(name: "same", dataFingerprint: "fp", options: hostOptions(folder))
        defer { first.close() }
        let guest = try join("same", folder)
        let options = hostOptions(folder)
        XCTAssertThrowsError(try MeetingHost<TestState>(name: "same", dataFingerprint: "fp", options: options)) {
            XCTAssertEqual($0 as? MeetingError, .meetingOpen(name: "same", socket: folder.socketPath("same")))
            XCTAssertTrue("\($0)".contains("is open"), "\($0)")
        }
        first.send(TestState(view: "still", index: 1))
        XCTAssertTrue(eventually { guest.latest?.payload?.view == "still" }, "the first meeting goes on")
    }

    /// Presenters racing for one name (over a stale socket): exactly one gets it (the socket is
    /// linked into place, which fails if the name is taken), the others are told. (The narrower
    /// window, one presenter removing a stale file another has just replaced, is not reached here.)
    func testPresentersRacingForOneNameGetItOnce() throws {
        let folder = try meetingFolder()
        try folder.prepare(group: getegid())
        let dead = try UnixSocket.make()
        try UnixSocket.listen(dead, at: folder.socketPath("race"))
        close(dead)
        let lock = NSLock()
        var hosts: [MeetingHost<TestState>] = []
        var errors: [MeetingError] = []
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                let host = try MeetingHost<TestState>(name: "race", dataFingerprint: "fp", options: hostOptions(folder))
                lock.withLock { hosts.append(host) }
            } catch {
                lock.withLock { errors.append(error as! MeetingError) }
            }
        }
        defer { hosts.forEach { $0.close() } }
        XCTAssertEqual(hosts.count, 1, "\(errors)")
        XCTAssertEqual(errors, Array(repeating: .meetingOpen(name: "race", socket: folder.socketPath("race")), count: 7))
        let guest = try join("race", folder)
        hosts.first?.send(TestState(view: "winner", index: 1))
        XCTAssertTrue(eventually { guest.latest?.payload?.view == "winner" }, "the socket in place is the winner's")
    }

    func testClosingTellsFollowersAndRemovesTheFiles() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "bye", dataFingerprint: "fp", options: hostOptions(folder))
        let recorders = (0..<2).map { _ in Recorder() }
        let guests = try recorders.map { try join("bye", folder, $0) }
        XCTAssertTrue(eventually { host.followerCount == 2 })
        XCTAssertTrue(eventually { MeetingDescription.read(folder.descriptionPath("bye"))?.followers == 2 })
        let listed = MeetingDescription.openMeetings(in: [folder])
        XCTAssertEqual(listed.map(\.meeting), ["bye"])
        XCTAssertEqual(listed.first?.presenter, MeetingUsers.name(of: geteuid()))
        host.close()
        XCTAssertTrue(eventually { guests.allSatisfy { $0.status == .ended(.closed) } }, "\(guests.map(\.status))")
        XCTAssertEqual(recorders.map(\.ended), [[.closed], [.closed]])
        XCTAssertFalse(FileManager.default.fileExists(atPath: host.socketPath))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.descriptionPath("bye")))
        XCTAssertEqual(MeetingDescription.openMeetings(in: [folder]), [])
        host.send(TestState(view: "after", index: 1))  // nothing, no crash
    }

    /// A presenter that dies without `end` (here a bare socket that sends a hello and hangs up):
    /// the follower says the meeting ended, the presenter is gone.
    func testAPresenterCrashEndsTheMeetingForFollowers() throws {
        let (guest, fd) = try fakePresenter("crash", saying: MeetingUsers.name(of: geteuid())!)
        XCTAssertTrue(eventually { guest.latest != nil })
        close(fd)
        XCTAssertTrue(eventually { guest.status == .ended(.lost) }, "\(guest.status)")
        XCTAssertTrue(MeetingGuest<TestState>.EndReason.lost.description.contains("meeting ended"))
    }

    /// A presenter claiming another user's name is left.
    func testAPresenterClaimingAnotherNameIsLeft() throws {
        let (guest, fd) = try fakePresenter("fake", saying: "somebody-else")
        defer { close(fd) }
        XCTAssertTrue(eventually { guest.status != .following })
        guard case .ended(.unreadable(_, let why)) = guest.status else { return XCTFail("\(guest.status)") }
        XCTAssertTrue(why.contains("somebody-else"), why)
        XCTAssertNil(guest.latest)
    }

    /// A follower of a bare listening socket (no MeetingHost) that has sent it a hello naming
    /// `presenter`; the follower and the presenter's end of the connection.
    private func fakePresenter(_ name: String, saying presenter: String) throws -> (MeetingGuest<TestState>, Int32) {
        let folder = try meetingFolder()
        try folder.prepare(group: getegid())
        let listener = try UnixSocket.make()
        defer { close(listener) }
        try UnixSocket.listen(listener, at: folder.socketPath(name))
        let guest = try join(name, folder)
        var fd: Int32 = -1
        XCTAssertTrue(eventually { fd = accept(listener, nil, nil); return fd >= 0 })
        let hello = try messageLine(.hello, meeting: name, presenter: presenter, payload: TestState(view: "v", index: 1))
        XCTAssertEqual(hello.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }, hello.count)
        return (guest, fd)
    }
}

import Foundation
import Glibc
@testable import TownsMeeting
import TownsTestSupport
import XCTest

/// The repository root, found from this file's path.
let repositoryRoot = packageRoot()

/// A stand-in for the dashboard's session: a few fields and some bulk.
struct TestState: Codable, Sendable, Equatable {
    var view: String
    var index: Int
    var filler: String = ""
}

extension XCTestCase {
    /// A meetings folder (not made yet) in a fresh temporary folder that others may traverse (so
    /// a test process of another user can reach the socket), removed after the test.
    func meetingFolder() throws -> MeetingFolder {
        let parent = "/tmp/towns-meeting-test-\(UUID().uuidString.prefix(8))"
        guard mkdir(parent, 0o755) == 0, chmod(parent, 0o755) == 0 else {
            throw MeetingError.system("mkdir", errno: errno)
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: parent) }
        return MeetingFolder(path: parent + "/m")
    }
}

/// Options for a test host in `folder`.
func hostOptions(_ folder: MeetingFolder, group: gid_t? = nil) -> MeetingHost<TestState>.Options {
    var options = MeetingHost<TestState>.Options()
    options.folder = folder
    options.group = group
    return options
}

/// A follower of meeting `name` in `folder`, its events going to `recorder` if given.
func join(_ name: String, _ folder: MeetingFolder, _ recorder: Recorder? = nil) throws -> MeetingGuest<TestState> {
    try MeetingGuest<TestState>(name: name, folders: [folder], onEvent: recorder?.handler)
}

/// One encoded message of meeting `meeting`, as a presenter would send it.
func messageLine(_ kind: MeetingEnvelope<TestState>.Kind, meeting: String, presenter: String,
                 payload: TestState?) throws -> Data {
    try MeetingCodec.encode(MeetingEnvelope(kind: kind, sequence: 0, meeting: meeting, presenter: presenter,
                                            started: Date(), dataFingerprint: "fp", payload: payload))
}

/// Waits (polling, up to `timeout` seconds) until `condition` holds; false if it never did.
func eventually(_ timeout: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(5000)
    }
    return condition()
}

/// Collects a guest's events, in order, thread-safely.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [MeetingEnvelope<TestState>] = []
    private var endings: [MeetingGuest<TestState>.EndReason] = []

    var handler: @Sendable (MeetingGuest<TestState>.Event) -> Void {
        { [self] event in
            lock.withLock {
                switch event {
                case .message(let m): messages.append(m)
                case .ended(let r): endings.append(r)
                }
            }
        }
    }

    var received: [MeetingEnvelope<TestState>] { lock.withLock { messages } }
    var ended: [MeetingGuest<TestState>.EndReason] { lock.withLock { endings } }
}

import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A follower's end of a meeting: connects to the presenter's socket and reads its messages on
/// a queue of its own, so the caller never waits.
///
///     let guest = try MeetingGuest<Session>(name: "weekly")
///     // in the dashboard's loop, between keys (never blocks):
///     if let update = guest.takeLatest() { session = update.payload ?? session }
///     if case .ended(let why) = guest.status { flash(why.description) }   // "meeting ended"
///
/// Or pass `onEvent` to be called (on the guest's queue) for each message and for the end.
/// The presenter is checked: the user its socket's peer credentials name must be the
/// `presenter` of its messages (``MeetingError/presenterMismatch(claimed:actual:)``).
public final class MeetingGuest<Payload: Codable & Sendable & Equatable>: @unchecked Sendable {
    /// How a meeting ended for this follower.
    public enum EndReason: Equatable, Sendable, CustomStringConvertible {
        /// The presenter closed the meeting (`end`).
        case closed
        /// The presenter's terminal went away (its `end` says so): the presenter did not quit, its
        /// SSH connection or terminal window is gone; it may come back and present again.
        case presenterLost
        /// The connection ended without `end` after `hello`: the presenter crashed or was killed,
        /// or dropped this follower (it did not read for 5 s: suspended, or its terminal hung).
        case lost
        /// The connection ended before any message: the presenter refused this user (not in the
        /// meeting's group) or stopped at once.
        case refused
        /// The presenter sent what this follower cannot read (another protocol version, a line
        /// too long, not a message), or is not who it says.
        case failed(String)
        /// As `failed`, in both languages: what the presenter sent cannot be read
        /// (`MeetingWireError`), or it is not who it says (`MeetingError.presenterMismatch`).
        case unreadable(zh: String, en: String)
        /// ``MeetingGuest/leave()`` was called.
        case left

        /// Both languages, `中文 / English` (logs, tests); the status line says `words(chinese:)`.
        public var description: String {
            let (zh, en) = bothWords
            return zh + " / " + en
        }

        /// The reason in one language, for the status line of a Chinese (`chinese`) or English session.
        public func words(chinese: Bool) -> String { chinese ? bothWords.zh : bothWords.en }

        /// Shorter forms of `words(chinese:)`, longest first, for a status line too narrow for them:
        /// the cause in fewer words, so the way back after it (`:follow NAME`) stays on the line
        /// (wave 43's fresh user at 80 columns: `会议已结束（连接中断：主持人已退出，…（全文见 :messages）`,
        /// the way back cut). Empty: none (the words are short already).
        public func shorterWords(chinese: Bool) -> [String] {
            switch self {
            case .lost:
                return chinese ? ["会议已结束（连接中断）", "会议连接中断"]
                               : ["meeting ended (connection lost)", "meeting connection lost"]
            case .presenterLost:
                return chinese ? ["主持人的终端已关闭"] : ["presenter's terminal closed"]
            default:
                return []
            }
        }

        private var bothWords: (zh: String, en: String) {
            switch self {
            case .closed: return ("会议已结束", "meeting ended")
            case .presenterLost:
                // What happened, plainly (wave 30's fresh user: `主持人的终端已断开（未退出）` read
                // as if the presenter were still running); the way back follows (`MeetingLink.wayBack`).
                return ("会议已结束：主持人的终端已关闭", "meeting ended: presenter's terminal closed")
            case .lost:
                return ("会议已结束（连接中断：主持人已退出，或因本端长时间未读取而断开）",
                        "meeting ended (connection lost: the presenter quit, or dropped this follower for not reading)")
            case .refused: return ("主持人拒绝了连接（不在会议的用户组？）", "the presenter refused this user (not in its group?)")
            case .failed(let why): return ("会议已断开：\(why)", "left the meeting: \(why)")
            case .unreadable(let zh, let en): return ("会议已断开：\(zh)", "left the meeting: \(en)")
            case .left: return ("已离开会议", "left the meeting")
            }
        }
    }

    /// Following, or ended and why.
    public enum Status: Equatable, Sendable {
        /// Connected; messages are read as they come.
        case following
        /// Disconnected, and why; nothing more will come.
        case ended(EndReason)
    }

    /// What `onEvent` receives, on the guest's own queue, in order (keep it short: the next
    /// message waits for it).
    public enum Event: Sendable {
        /// A `hello` or `state` message (an `end` message gives `.ended(.closed)`).
        case message(MeetingEnvelope<Payload>)
        /// The meeting ended for this follower; the last event.
        case ended(EndReason)
    }

    /// The presenter's socket.
    public let socketPath: String
    /// The presenter's process credentials, as the kernel gives them.
    public let presenterCredentials: PeerCredentials

    private let fd: Int32
    private let queue = DispatchQueue(label: "towns.meeting.guest")
    private let source: DispatchSourceRead
    private let onEvent: (@Sendable (Event) -> Void)?
    // Behind `lock`.
    private let lock = NSLock()
    private var latestEnvelope: MeetingEnvelope<Payload>?
    private var latestTaken = true
    private var currentStatus = Status.following
    private var messages = 0
    // On `queue` only.
    private var decoder: MeetingDecoder<Payload>

    /// Joins meeting `name` in the first of `folders` holding its socket.
    /// - Throws: ``MeetingError/folderClosed(name:folder:group:)`` when none does but one of
    ///   `folders` is closed to this user, ``MeetingError/noMeeting(name:folder:)`` when none does, or as
    ///   ``init(socketPath:onEvent:)``.
    public convenience init(name: String, folders: [MeetingFolder] = MeetingFolder.followerFolders(),
                            onEvent: (@Sendable (Event) -> Void)? = nil) throws {
        try MeetingFolder.validate(name: name)
        guard let folder = folders.first(where: { FileManager.default.fileExists(atPath: $0.socketPath(name)) }) else {
            // Not seen: perhaps in a folder this user may not look in (not in its group).
            if let (closed, group) = folders.lazy.compactMap({ f in f.closedGroup().map { (f, $0) } }).first {
                throw MeetingError.folderClosed(name: name, folder: closed.path, group: group)
            }
            // No meetings folder at all (nobody has presented here): the folders looked for, not "".
            throw MeetingError.noMeeting(
                name: name,
                folder: folders.isEmpty ? MeetingFolder.defaultPrefix + "*" : folders.map(\.path).joined(separator: ", "))
        }
        try self.init(socketPath: folder.socketPath(name), onEvent: onEvent)
    }

    /// Connects to the socket at `socketPath` and starts reading. Connecting is immediate, unless
    /// the presenter's backlog is full: then it retries for up to 2 s.
    /// - Throws: ``MeetingError/noMeeting(name:folder:)`` if nothing listens there (a stale socket
    ///   or none), ``MeetingError/notPermitted(name:socket:group:)`` if this user may not
    ///   connect (not in the meeting's group), ``MeetingError/system(_:errno:)`` otherwise.
    public init(socketPath: String, onEvent: (@Sendable (Event) -> Void)? = nil) throws {
        self.socketPath = socketPath
        self.onEvent = onEvent
        decoder = MeetingDecoder()
        let fd = try UnixSocket.make()
        do {
            switch try UnixSocket.connect(fd, to: socketPath) {
            case 0: break
            case ECONNREFUSED, ENOENT:
                let url = URL(fileURLWithPath: socketPath)
                throw MeetingError.noMeeting(name: url.deletingPathExtension().lastPathComponent,
                                             folder: url.deletingLastPathComponent().path)
            case EACCES:
                let url = URL(fileURLWithPath: socketPath)
                var info = stat()
                let group = lstat(socketPath, &info) == 0
                    ? MeetingUsers.groupName(of: info.st_gid) ?? "gid \(info.st_gid)" : "?"
                throw MeetingError.notPermitted(name: url.deletingPathExtension().lastPathComponent,
                                                socket: socketPath, group: group)
            case let code: throw MeetingError.system("connect \(socketPath)", errno: code)
            }
            presenterCredentials = try PeerCredentials(socket: fd)
        } catch {
            close(fd)
            throw error
        }
        self.fd = fd
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.readAvailable() }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    deinit {
        source.cancel()
    }

    /// Following, or ended and why.
    public var status: Status { lock.withLock { currentStatus } }

    /// The last message received (`hello` or `state`), whether taken or not.
    public var latest: MeetingEnvelope<Payload>? { lock.withLock { latestEnvelope } }

    /// Messages received so far.
    public var messageCount: Int { lock.withLock { messages } }

    /// The last message if it has not been taken yet, else nil: a poll for the dashboard's loop.
    public func takeLatest() -> MeetingEnvelope<Payload>? {
        lock.withLock {
            guard !latestTaken else { return nil }
            latestTaken = true
            return latestEnvelope
        }
    }

    /// Tells the presenter this follower's data fingerprint (one line, `data FINGERPRINT`), so
    /// that it counts the followers whose data differs from its own (`MeetingHost.otherDataCount`).
    /// Sent again whenever the follower's data changes (a reload). Not blocking: a line the socket
    /// cannot take now is not sent (the presenter then counts it as before). Safe from any thread.
    public func announce(dataFingerprint: String) {
        guard status == .following else { return }
        let line = Array(("data " + dataFingerprint.prefix(200) + "\n").utf8)
        _ = line.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
    }

    /// Leaves the meeting (hangs up); the status becomes `.ended(.left)`. Safe from any thread,
    /// `onEvent` included (which then gets `.ended(.left)` on the caller's thread).
    public func leave() {
        end(.left)
    }

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while status == .following {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n > 0 {
                for result in decoder.feed(buffer.prefix(n)) {
                    switch result {
                    case .success(let envelope): receive(envelope)
                    case .failure(let error):
                        end(.unreadable(zh: error.words(chinese: true), en: error.words(chinese: false)))
                    }
                    if status != .following { return }
                }
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else {
                end(messageCount == 0 ? .refused : .lost)
            }
        }
    }

    private func receive(_ envelope: MeetingEnvelope<Payload>) {
        if messageCount == 0, let actual = MeetingUsers.name(of: presenterCredentials.uid),
           actual != envelope.presenter {
            let mismatch = MeetingError.presenterMismatch(claimed: envelope.presenter, actual: actual)
            end(.unreadable(zh: mismatch.words(chinese: true), en: mismatch.words(chinese: false)))
            return
        }
        if envelope.kind == .end {
            lock.withLock { messages += 1 }
            end(envelope.ending == .terminalLost ? .presenterLost : .closed)
            return
        }
        lock.withLock {
            messages += 1
            latestEnvelope = envelope
            latestTaken = false
        }
        onEvent?(.message(envelope))
    }

    private func end(_ reason: EndReason) {
        let first: Bool = lock.withLock {
            guard currentStatus == .following else { return false }
            currentStatus = .ended(reason)
            return true
        }
        guard first else { return }
        source.cancel()
        onEvent?(.ended(reason))
    }
}

import CTownsSocket
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The working part of ``MeetingHost``. Followers, the listener and the encoder are touched only
/// on `queue` (serial); what callers read or hand in (`pending`, `counters`) is behind `lock`.
/// Hence `@unchecked Sendable`: the queue and the lock are the synchronisation.
final class HostCore<Payload: Codable & Sendable & Equatable>: @unchecked Sendable {
    struct Identity {
        let meeting: String
        let presenter: String
        let started: Date
        let folder: MeetingFolder
        let socketPath: String
        let group: gid_t
        let groupName: String
    }

    struct Counters {
        var followers = 0
        /// Followers that said their data's fingerprint (`MeetingGuest.announce`) and whose
        /// fingerprint is not the one last sent: attached, but showing their own data, not the
        /// presenter's screen.
        var otherData = 0
        var dropped = 0
        var refused = 0
        var sequence: UInt64 = 0
        var lastError: String?
    }

    /// One follower: its socket, what waits to be written, and since when nothing could be.
    final class Follower {
        let fd: Int32
        let source: DispatchSourceRead
        /// The message being written (bytes from `offset` still to go).
        var current: [UInt8] = []
        var offset = 0
        /// The newest message not yet started (replaces an older one: each is the whole state).
        var next: [UInt8]?
        var blockedSince: DispatchTime?
        var received = 0
        /// What it sent since its last line feed (at most `lineLimit` bytes are kept).
        var line: [UInt8] = []
        /// Its data's fingerprint as it last said it (`data FINGERPRINT`); nil: not said.
        var dataFingerprint: String?

        init(fd: Int32, source: DispatchSourceRead) {
            self.fd = fd
            self.source = source
        }

        var waiting: Bool { offset < current.count || next != nil }
    }

    private let queue = DispatchQueue(label: "towns.meeting.host")
    private let lock = NSLock()
    private let listener: HostListener
    private let identity: Identity
    private let access: MeetingAccess
    private let options: HostOptions

    // Behind `lock`.
    private var pendingPayload: Payload?
    private var pendingFingerprint: String
    private var flushScheduled = false
    private var lastFlush = DispatchTime(uptimeNanoseconds: 0)
    private var closed = false
    private var counts = Counters()

    // On `queue` only.
    private var listenSource: DispatchSourceRead?
    private var followers: [Int32: Follower] = [:]
    private var sentPayload: Payload?
    private var sentFingerprint: String
    private var retryScheduled = false
    private var describedCount = (followers: -1, otherData: -1)
    private var describeScheduled = false

    typealias HostOptions = MeetingHost<Payload>.Options

    init(listener: HostListener, identity: Identity, access: MeetingAccess, options: HostOptions, fingerprint: String) {
        self.listener = listener
        self.identity = identity
        self.access = access
        self.options = options
        self.pendingFingerprint = fingerprint
        self.sentFingerprint = fingerprint
    }

    var counters: Counters { lock.withLock { counts } }

    func start() {
        queue.sync {
            let source = DispatchSource.makeReadSource(fileDescriptor: listener.fd, queue: queue)
            source.setEventHandler { [unowned self] in acceptAll() }
            let fd = listener.fd
            source.setCancelHandler { Glibc.close(fd) }
            listenSource = source
            source.resume()
            describe()
        }
    }

    // MARK: - Sending

    func submit(_ payload: Payload, fingerprint: String?) {
        let delay: Double? = lock.withLock {
            guard !closed else { return nil }
            pendingPayload = payload
            if let fingerprint { pendingFingerprint = fingerprint }
            guard !flushScheduled else { return nil }
            flushScheduled = true
            let interval = 1 / max(options.maxUpdatesPerSecond, 0.001)
            let since = Double(DispatchTime.now().uptimeNanoseconds &- lastFlush.uptimeNanoseconds) / 1e9
            return max(0, interval - since)
        }
        guard let delay else { return }
        if delay == 0 {
            queue.async { [self] in flush() }
        } else {
            queue.asyncAfter(deadline: .now() + delay) { [self] in flush() }
        }
    }

    /// Encodes the latest payload (if it changed) and hands it to every follower.
    private func flush() {
        let taken: (Payload, String)? = lock.withLock {
            flushScheduled = false
            lastFlush = .now()
            guard !closed, let payload = pendingPayload else { return nil }
            pendingPayload = nil
            return (payload, pendingFingerprint)
        }
        guard let (payload, fingerprint) = taken,
              payload != sentPayload || fingerprint != sentFingerprint else { return }
        let sequence = lock.withLock { counts.sequence } + 1
        guard let line = encode(.state, sequence: sequence, fingerprint: fingerprint, payload: payload) else { return }
        sentPayload = payload
        sentFingerprint = fingerprint
        lock.withLock { counts.sequence = sequence }
        recountOtherData()
        for follower in followers.values { enqueue(line, to: follower) }
    }

    private func encode(_ kind: MeetingEnvelope<Payload>.Kind, sequence: UInt64, fingerprint: String,
                        payload: Payload?, ending: MeetingEnvelope<Payload>.Ending? = nil) -> [UInt8]? {
        var envelope = MeetingEnvelope(kind: kind, sequence: sequence, meeting: identity.meeting,
                                       presenter: identity.presenter, started: identity.started,
                                       dataFingerprint: fingerprint, payload: payload)
        envelope.ending = ending
        do {
            let data = try MeetingCodec.encode(envelope)
            guard data.count <= MeetingLineSplitter.defaultLimit else {
                throw MeetingWireError.lineTooLong(limit: MeetingLineSplitter.defaultLimit)
            }
            return [UInt8](data)
        } catch {
            lock.withLock { counts.lastError = "\(error)" }
            return nil
        }
    }

    private func enqueue(_ line: [UInt8], to follower: Follower) {
        if follower.offset < follower.current.count {
            follower.next = line
        } else {
            follower.current = line
            follower.offset = 0
        }
        write(follower)
    }

    /// Writes what the follower can take now; schedules a retry if it could not take it all.
    private func write(_ follower: Follower) {
        while true {
            if follower.offset >= follower.current.count {
                guard let next = follower.next else { break }
                follower.current = next
                follower.offset = 0
                follower.next = nil
            }
            let left = follower.current.count - follower.offset
            let n = follower.current.withUnsafeBytes {
                Glibc.send(follower.fd, $0.baseAddress! + follower.offset, left, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if n > 0 {
                follower.offset += n
                follower.blockedSince = nil
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if follower.blockedSince == nil { follower.blockedSince = .now() }
                scheduleRetry()
                return
            } else {
                remove(follower, dropped: false)
                return
            }
        }
        follower.current = []
        follower.offset = 0
    }

    private func scheduleRetry() {
        guard !retryScheduled else { return }
        retryScheduled = true
        queue.asyncAfter(deadline: .now() + .milliseconds(10)) { [self] in
            retryScheduled = false
            let now = DispatchTime.now().uptimeNanoseconds
            for follower in followers.values where follower.waiting {
                if let since = follower.blockedSince,
                   Double(now &- since.uptimeNanoseconds) / 1e9 > options.stallTimeout {
                    remove(follower, dropped: true)
                } else {
                    write(follower)
                }
            }
        }
    }

    // MARK: - Followers

    private func acceptAll() {
        while true {
            let fd = towns_accept(listener.fd)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { pauseAccepting() }  // EMFILE...: not a busy loop
                return
            }
            guard followers.count < options.maxFollowers, let peer = try? PeerCredentials(socket: fd),
                  access.admits(peer) else {
                Glibc.close(fd)
                lock.withLock { counts.refused += 1 }
                continue
            }
            if let bytes = options.sendBufferBytes { UnixSocket.setSendBuffer(fd, bytes: bytes) }
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            let follower = Follower(fd: fd, source: source)
            source.setEventHandler { [unowned self, weak follower] in
                if let follower { discardInput(follower) }
            }
            source.setCancelHandler { Glibc.close(fd) }
            followers[fd] = follower
            lock.withLock { counts.followers = followers.count }
            source.resume()
            let fingerprint = sentFingerprint
            if let hello = encode(.hello, sequence: lock.withLock { counts.sequence }, fingerprint: fingerprint,
                                  payload: sentPayload) {
                enqueue(hello, to: follower)
            }
            scheduleDescription()
        }
    }

    /// Stops accepting for a tenth of a second (the listener stays readable while accept fails,
    /// out of descriptors say, and would call back at once, forever).
    private func pauseAccepting() {
        guard let source = listenSource else { return }
        source.suspend()
        // Always resumed (once), cancelled or not: libdispatch traps on freeing a suspended source.
        // A dispatch source may be resumed from any thread (libdispatch synchronises it itself).
        nonisolated(unsafe) let suspended = source
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { suspended.resume() }
    }

    /// The longest line a follower may send (`data FINGERPRINT`); longer ones are cut and not read.
    static var lineLimit: Int { 256 }

    /// Reads what a follower sends: `data FINGERPRINT` lines (its data, `MeetingGuest.announce`),
    /// counted in `Counters.otherData`; anything else is thrown away. Its hang-up removes it.
    private func discardInput(_ follower: Follower) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while followers[follower.fd] === follower {
            let n = buffer.withUnsafeMutableBytes { recv(follower.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n > 0 {
                follower.received += n
                if follower.received > options.followerInputLimit { remove(follower, dropped: true); return }
                for byte in buffer.prefix(n) {
                    if byte == UInt8(ascii: "\n") {
                        let text = String(decoding: follower.line, as: UTF8.self)
                        follower.line.removeAll(keepingCapacity: true)
                        if text.hasPrefix("data "), text.count > 5 {
                            follower.dataFingerprint = String(text.dropFirst(5))
                            recountOtherData()
                        }
                    } else if follower.line.count < Self.lineLimit {
                        follower.line.append(byte)
                    }
                }
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else {
                remove(follower, dropped: false)
            }
        }
    }

    private func remove(_ follower: Follower, dropped: Bool) {
        guard followers.removeValue(forKey: follower.fd) != nil else { return }
        follower.source.cancel()
        lock.withLock {
            counts.followers = followers.count
            if dropped { counts.dropped += 1 }
        }
        recountOtherData()
        scheduleDescription()
    }

    /// `Counters.otherData` anew: the followers whose said fingerprint is not the one last sent.
    private func recountOtherData() {
        let n = followers.values.filter { $0.dataFingerprint.map { $0 != sentFingerprint } ?? false }.count
        let changed = lock.withLock {
            defer { counts.otherData = n }
            return counts.otherData != n
        }
        // `towns meetings` says how many follow on other data (wave 41's fresh user: it counted them
        // as following while the presenter's chip said `1 人数据不同`).
        if changed { scheduleDescription() }
    }

    // MARK: - Description and close

    private func scheduleDescription() {
        guard !describeScheduled else { return }
        describeScheduled = true
        queue.asyncAfter(deadline: .now() + .milliseconds(250)) { [self] in
            describeScheduled = false
            describe()
        }
    }

    private func describe() {
        let c = counters
        guard !lock.withLock({ closed }), c.followers != describedCount.followers || c.otherData != describedCount.otherData
        else { return }
        describedCount = (c.followers, c.otherData)
        let d = MeetingDescription(meeting: identity.meeting, presenter: identity.presenter, pid: getpid(),
                                   started: identity.started, followers: c.followers, dropped: c.dropped,
                                   group: identity.groupName, otherData: c.otherData)
        do {
            try d.write(to: identity.folder.descriptionPath(identity.meeting), group: identity.group)
        } catch {
            lock.withLock { counts.lastError = "\(error)" }
        }
    }

    func close(_ ending: MeetingEnvelope<Payload>.Ending = .quit) {
        let first = lock.withLock {
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        queue.sync {
            listenSource?.cancel()
            listenSource = nil
            if listener.owns(identity.socketPath) {
                unlink(identity.socketPath)
                unlink(identity.folder.descriptionPath(identity.meeting))
            }
            let sequence = lock.withLock { counts.sequence } + 1
            let end = encode(.end, sequence: sequence, fingerprint: sentFingerprint, payload: nil, ending: ending)
            for follower in Array(followers.values) {
                if let end { enqueue(end, to: follower) }  // as far as it goes without waiting
                shutdown(follower.fd, Int32(SHUT_RDWR))
                remove(follower, dropped: false)
            }
        }
    }
}

import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A figure for `towns bench --meeting` (issue 16, point 6): one presenter and N followers in
/// this process, over real sockets; for each state, the time from the presenter's `send` to
/// each follower's receipt (decoded, in its callback). Not a test: it prints, it asserts nothing.
public enum MeetingBench {
    /// The payload: a sequence number and filler of a session's size.
    struct Payload: Codable, Sendable, Equatable {
        var index: Int
        var filler: String
    }

    /// What one run measured.
    public struct Result: Sendable {
        /// Every send-to-receipt time, in milliseconds, sorted.
        public var latenciesMS: [Double]
        /// Followers × updates: the receipts expected.
        public var expected: Int
        /// Followers the presenter dropped (none expected).
        public var dropped: Int
        /// Bytes of one `state` line.
        public var lineBytes: Int
        /// How long each of the presenter's `send` calls took, in milliseconds, sorted (what a
        /// presenter's key pays for the meeting).
        public var sendMS: [Double]

        /// The value at fraction `p` (0...1) of the sorted receipt times (nearest rank), nil if none.
        public func percentile(_ p: Double) -> Double? { Self.percentile(p, of: latenciesMS) }

        /// The value at fraction `p` (0...1) of `sorted` (nearest rank), nil if empty.
        public static func percentile(_ p: Double, of sorted: [Double]) -> Double? {
            guard !sorted.isEmpty else { return nil }
            let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(max(rank, 0), sorted.count - 1)]
        }
    }

    /// Starts a meeting in a temporary folder, attaches `followers`, sends `updates` states of
    /// about `payloadBytes` bytes, `interval` seconds apart (slower than the 30-a-second
    /// coalescing, so each is sent as it comes), and waits up to 5 s for the last receipts.
    /// - Throws: ``MeetingError`` if the meeting or a follower cannot start.
    public static func run(followers: Int = 50, updates: Int = 100, interval: Double = 0.04,
                           payloadBytes: Int = 4096) throws -> Result {
        let filler = String(repeating: "x", count: payloadBytes)
        return try run(payloads: (0..<updates).map { Payload(index: $0, filler: filler) }, followers: followers,
                       interval: interval)
    }

    /// As ``run(followers:updates:interval:payloadBytes:)``, sending `payloads` in order (each
    /// different from the one before, or the host would not send it); a receipt is matched to
    /// its send by the first payload equal to it. `towns bench --meeting` sends real sessions.
    /// The meeting's folder is made in `folder` (the caller's to remove: `towns bench` removes
    /// its own on Ctrl-C too), else in a temporary folder removed when this returns or throws.
    /// - Throws: ``MeetingError`` if the meeting or a follower cannot start.
    public static func run<P: Codable & Sendable & Equatable>(payloads: [P], followers: Int = 50,
                                                              interval: Double = 0.04,
                                                              in folder: String? = nil) throws -> Result {
        let updates = payloads.count
        let parent = folder ?? NSTemporaryDirectory() + "towns-meeting-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: parent) } }
        var options = MeetingHost<P>.Options()
        options.folder = MeetingFolder(path: parent + "/m")
        let host = try MeetingHost<P>(name: "bench", dataFingerprint: "bench", options: options)
        defer { host.close() }

        let clock = Clock(updates: updates)
        let guests = try (0..<followers).map { _ in
            try MeetingGuest<P>(socketPath: host.socketPath) { event in
                if case .message(let m) = event, m.kind == .state, let p = m.payload,
                   let i = payloads.firstIndex(of: p) { clock.received(i) }
            }
        }
        let deadline = Date().addingTimeInterval(10)
        while host.followerCount < followers && Date() < deadline { usleep(1000) }
        var sendMS: [Double] = []
        for (i, payload) in payloads.enumerated() {
            clock.sent(i)
            let t0 = DispatchTime.now().uptimeNanoseconds
            host.send(payload)
            sendMS.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            usleep(UInt32(interval * 1e6))
        }
        let end = Date().addingTimeInterval(5)
        while clock.count < followers * updates && Date() < end { usleep(1000) }
        let line = try MeetingCodec.encode(MeetingEnvelope(
            kind: .state, sequence: 1, meeting: "bench", presenter: host.presenter, started: host.started,
            dataFingerprint: "bench", payload: payloads.first))
        withExtendedLifetime(guests) {}
        return Result(latenciesMS: clock.latencies.sorted(), expected: followers * updates, dropped: host.droppedCount,
                      lineBytes: line.count, sendMS: sendMS.sorted())
    }

    /// Send times by index and receipt latencies, behind a lock (followers call in on their queues).
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var sendTimes: [UInt64]
        private var times: [Double] = []

        init(updates: Int) { sendTimes = Array(repeating: 0, count: updates) }

        func sent(_ i: Int) { lock.withLock { sendTimes[i] = DispatchTime.now().uptimeNanoseconds } }

        func received(_ i: Int) {
            let now = DispatchTime.now().uptimeNanoseconds
            lock.withLock {
                guard sendTimes.indices.contains(i), sendTimes[i] > 0 else { return }
                times.append(Double(now &- sendTimes[i]) / 1e6)
            }
        }

        var count: Int { lock.withLock { times.count } }
        var latencies: [Double] { lock.withLock { times } }
    }
}

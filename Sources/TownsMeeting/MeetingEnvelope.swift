import Foundation

/// One message of a meeting, as one line of JSON on the presenter's socket.
///
/// The presenter sends `hello` to each follower when it joins (with the latest payload, if there
/// is one), `state` after each change (coalesced), and `end` when the meeting closes. Followers
/// send nothing that is read. A line looks like (keys sorted, one line, here wrapped):
///
///     {"dataFingerprint":"9f2c…","kind":"state","meeting":"weekly","payload":{…},
///      "presenter":"lin","sequence":7,"started":"2026-12-01T20:40:00Z","version":1}
///
/// `Payload` is the caller's value (the dashboard's `Session`); the meeting layer never looks
/// inside it. Decoding refuses another `version` with ``MeetingWireError/unsupportedVersion(found:supported:)``
/// before it reads any other field.
public struct MeetingEnvelope<Payload: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// What a message says.
    public enum Kind: String, Codable, Sendable, Equatable {
        /// The first message to a follower that joined: the meeting's fields and the latest payload.
        case hello
        /// The presenter's payload changed.
        case state
        /// The presenter closed the meeting; nothing follows.
        case end
    }

    /// The protocol version this build speaks and accepts (one number: no negotiation).
    public static var currentVersion: Int { 1 }

    /// The protocol version of the message (``currentVersion`` when sent by this build).
    public var version: Int
    /// What the message says.
    public var kind: Kind
    /// Counts the presenter's messages to all followers, from 1; a follower that sees a gap
    /// knows that states were coalesced (not lost: each message carries the whole payload).
    public var sequence: UInt64
    /// The meeting's name (the socket's file name without `.sock`).
    public var meeting: String
    /// The presenter's user name, as the presenter's process reports it (the follower checks the
    /// socket's peer credentials against it: ``MeetingGuest``).
    public var presenter: String
    /// When the meeting started, to the second.
    public var started: Date
    /// The presenter's data fingerprint, a string the caller gives (`DatasetFingerprint`): a
    /// follower whose own differs shows its own data and says so.
    public var dataFingerprint: String
    /// The presenter's value; `nil` in `end`, and in `hello` before the first `send`.
    public var payload: Payload?
    /// In `end`: how the meeting ended; nil in the other kinds, and from a build that did not say
    /// (read as ``Ending/quit``). An optional field, so version 1 readers without it still read the line.
    public var ending: Ending?

    /// How a meeting ended, as its `end` says.
    public enum Ending: String, Codable, Sendable, Equatable {
        /// The presenter quit (`q`, `:present off`, Ctrl-C, SIGTERM).
        case quit
        /// The presenter's terminal went away (SIGHUP, or reading it gave end of file or EIO: an
        /// SSH connection dropped, a terminal window or tmux server killed).
        case terminalLost
    }

    /// A message of the ``currentVersion``.
    public init(kind: Kind, sequence: UInt64, meeting: String, presenter: String, started: Date,
                dataFingerprint: String, payload: Payload?) {
        self.version = Self.currentVersion
        self.kind = kind
        self.sequence = sequence
        self.meeting = meeting
        self.presenter = presenter
        self.started = started
        self.dataFingerprint = dataFingerprint
        self.payload = payload
        self.ending = nil
    }

    private enum CodingKeys: String, CodingKey {
        case version, kind, sequence, meeting, presenter, started, dataFingerprint, payload, ending
    }

    /// Reads `version` first and throws ``MeetingWireError/unsupportedVersion(found:supported:)``
    /// for any other than ``currentVersion``, then the other fields (`DecodingError` when one is
    /// missing or of the wrong type). `started` is kept to the second (a fraction is dropped).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .version)
        guard version == Self.currentVersion else {
            throw MeetingWireError.unsupportedVersion(found: version, supported: Self.currentVersion)
        }
        self.version = version
        kind = try c.decode(Kind.self, forKey: .kind)
        sequence = try c.decode(UInt64.self, forKey: .sequence)
        meeting = try c.decode(String.self, forKey: .meeting)
        presenter = try c.decode(String.self, forKey: .presenter)
        // To the second, as every presenter writes it: a fraction (`20:40:0.8Z`, which the
        // ISO 8601 reader accepts) is dropped, or the envelope would not survive being encoded
        // (to the second) and decoded again (the meeting fuzzer's crash-523f2d5d).
        started = Date(timeIntervalSince1970: try c.decode(Date.self, forKey: .started).timeIntervalSince1970.rounded(.down))
        dataFingerprint = try c.decode(String.self, forKey: .dataFingerprint)
        payload = try c.decodeIfPresent(Payload.self, forKey: .payload)
        // An ending this build does not know is read as none (the end still ends the meeting).
        ending = (try? c.decodeIfPresent(Ending.self, forKey: .ending)) ?? nil
    }
}

/// Why a line from a meeting socket was not a message. Every case is a value, never a crash.
public enum MeetingWireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line longer than the limit (bytes) without a newline; the rest of it is skipped.
    case lineTooLong(limit: Int)
    /// The line is not JSON, or not an envelope (a field missing or of the wrong type).
    case malformed(reason: String)
    /// An envelope of another protocol version.
    case unsupportedVersion(found: Int, supported: Int)

    /// Both languages, `中文 / English` (logs, tests); the status line says `words(chinese:)`.
    public var description: String {
        let (zh, en) = bothWords
        return zh + " / " + en
    }

    /// The message in one language: Chinese (`chinese`) or English, as the session's language.
    public func words(chinese: Bool) -> String { chinese ? bothWords.zh : bothWords.en }

    private var bothWords: (zh: String, en: String) {
        switch self {
        case .lineTooLong(let limit):
            return ("会议消息过长（超过 \(limit) 字节），已丢弃", "meeting message longer than \(limit) bytes, dropped")
        case .malformed(let reason):
            return ("会议消息无法读取：\(reason)", "unreadable meeting message: \(reason)")
        case .unsupportedVersion(let found, let supported):
            return ("会议协议版本 \(found)，本程序只支持 \(supported)，请使用同一版本的 towns",
                    "meeting protocol version \(found), this towns speaks \(supported): use the same towns version")
        }
    }
}

/// Encodes and decodes envelopes as JSON lines: sorted keys, ISO 8601 dates, one `\n` at the end.
public enum MeetingCodec {
    /// One line: the envelope's JSON and `\n` (JSON escapes every newline inside strings).
    /// - Throws: `EncodingError` if the payload cannot be encoded (a non-finite Double, say).
    public static func encode<P>(_ envelope: MeetingEnvelope<P>) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(envelope)
        data.append(0x0A)
        return data
    }

    /// One line's bytes (without its newline) as an envelope.
    /// - Throws: ``MeetingWireError/unsupportedVersion(found:supported:)`` or
    ///   ``MeetingWireError/malformed(reason:)``; nothing else.
    public static func decode<P>(_ line: some Collection<UInt8>, as: P.Type = P.self) throws -> MeetingEnvelope<P> {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(MeetingEnvelope<P>.self, from: Data(line))
        } catch let error as MeetingWireError {
            throw error
        } catch let DecodingError.keyNotFound(key, _) {
            throw MeetingWireError.malformed(reason: "no field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw MeetingWireError.malformed(reason: "field '\(path(context))': \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.isEmpty ? "" : "field '\(path(context))': "
            throw MeetingWireError.malformed(reason: field + "not JSON or a bad value")
        } catch {
            throw MeetingWireError.malformed(reason: "\(error)")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

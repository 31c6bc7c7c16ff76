import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Splits a byte stream into lines of at most `limit` bytes, holding at most `limit` bytes
/// whatever arrives: a longer line is reported once as too long and skipped to its newline.
///
///     var lines = MeetingLineSplitter(limit: 1 << 20)
///     lines.feed(chunk) { line in … }   // .line(bytes) or .tooLong
public struct MeetingLineSplitter: Sendable {
    /// What the splitter found.
    public enum Piece: Equatable, Sendable {
        /// A whole line's bytes, without its `\n` (a `\r` before it is kept).
        case line([UInt8])
        /// A line passed `limit` bytes; its bytes up to the next newline are dropped.
        case tooLong
    }

    /// The longest line kept, in bytes (without the newline).
    public let limit: Int
    private var buffer: [UInt8] = []
    private var skipping = false

    /// A splitter keeping lines of up to `limit` bytes (1 MiB by default).
    public init(limit: Int = MeetingLineSplitter.defaultLimit) {
        precondition(limit > 0, "a line limit must be positive")
        self.limit = limit
    }

    /// 1 MiB: a session is a few KiB; a line longer than this is not one of ours.
    public static let defaultLimit = 1 << 20

    /// Bytes held, waiting for their newline (never more than `limit`).
    public var pendingBytes: Int { buffer.count }

    /// Consumes `bytes`, calling `emit` for each whole line or overlong line in order.
    public mutating func feed(_ bytes: some Collection<UInt8>, _ emit: (Piece) throws -> Void) rethrows {
        if let done = try bytes.withContiguousStorageIfAvailable({ try feed(buffer: $0, emit) }) { return done }
        let copy = [UInt8](bytes)
        try copy.withUnsafeBufferPointer { try feed(buffer: $0, emit) }
    }

    /// ``feed(_:_:)`` on contiguous bytes: `memchr` finds the newlines.
    private mutating func feed(buffer bytes: UnsafeBufferPointer<UInt8>, _ emit: (Piece) throws -> Void) rethrows {
        var rest = bytes[...]
        while !rest.isEmpty {
            let base = bytes.baseAddress! + rest.startIndex
            let found = memchr(base, 0x0A, rest.count)
            let newline = found.map { rest.startIndex + (UnsafeRawPointer($0) - UnsafeRawPointer(base)) }
            guard let newline else {
                take(rest)
                if !skipping && buffer.count > limit {
                    buffer = []
                    skipping = true
                    try emit(.tooLong)
                }
                return
            }
            take(rest[rest.startIndex..<newline])
            rest = rest[rest.index(after: newline)...]
            if skipping {
                skipping = false
            } else if buffer.count > limit {
                buffer = []
                try emit(.tooLong)
            } else {
                let line = buffer
                buffer = []
                try emit(.line(line))
            }
        }
    }

    /// Appends to the pending line unless skipping, never holding more than `limit + 1` bytes.
    private mutating func take(_ part: some Collection<UInt8>) {
        guard !skipping else { return }
        let room = limit + 1 - buffer.count
        if part.count <= room {
            buffer.append(contentsOf: part)
        } else {
            buffer.append(contentsOf: part.prefix(room))
        }
    }
}

/// Turns the bytes a follower reads into envelopes: lines bounded by ``MeetingLineSplitter``,
/// each decoded by ``MeetingCodec``. Blank lines are skipped; every other line gives one result.
///
///     var decoder = MeetingDecoder<Session>()
///     for result in decoder.feed(bytes) {
///         switch result {
///         case .success(let envelope): …
///         case .failure(let error): …   // MeetingWireError
///         }
///     }
public struct MeetingDecoder<Payload: Codable & Sendable & Equatable>: Sendable {
    private var splitter: MeetingLineSplitter
    /// Lines read so far (blank ones included), for messages that name a line.
    public private(set) var lineNumber = 0

    /// A decoder refusing lines over `limit` bytes.
    public init(limit: Int = MeetingLineSplitter.defaultLimit) {
        splitter = MeetingLineSplitter(limit: limit)
    }

    /// Bytes held, waiting for their newline (at most the limit).
    public var pendingBytes: Int { splitter.pendingBytes }

    /// The envelopes and errors of the lines `bytes` complete, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Result<MeetingEnvelope<Payload>, MeetingWireError>] {
        var out: [Result<MeetingEnvelope<Payload>, MeetingWireError>] = []
        var number = lineNumber
        let limit = splitter.limit
        splitter.feed(bytes) { piece in
            number += 1
            switch piece {
            case .tooLong:
                out.append(.failure(.lineTooLong(limit: limit)))
            case .line(let line):
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return }
                do {
                    out.append(.success(try MeetingCodec.decode(line, as: Payload.self)))
                } catch let error as MeetingWireError {
                    out.append(.failure(error))
                } catch {
                    out.append(.failure(.malformed(reason: "\(error)")))
                }
            }
        }
        lineNumber = number
        return out
    }
}

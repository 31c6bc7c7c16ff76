import Foundation
import TownsMeeting

// libFuzzer target: bytes a follower reads from a presenter's socket -> MeetingDecoder (the
// bounded line splitter and the JSON envelope decoder). Errors are fine; a crash is a bug, and
// so is any of: more than the limit held, results that depend on how the bytes were split into
// reads, an envelope that does not survive being encoded and decoded again.

/// A payload with the shapes a session has: strings, numbers, optionals, lists, maps, nesting.
struct FuzzPayload: Codable, Sendable, Equatable {
    var view: String
    var index: Int
    var tags: [String]?
    var flags: [String: Bool]?
    var children: [FuzzPayload]?
}

private let limit = 512

private func describe(_ results: [Result<MeetingEnvelope<FuzzPayload>, MeetingWireError>]) -> [String] {
    results.map {
        switch $0 {
        case .success(let envelope): return "ok \(envelope.sequence) \(envelope.kind)"
        // The kind only: which bad field a malformed line names first may differ between two
        // decodings (a dictionary's keys come in the order of its hash table).
        case .failure(.malformed): return "malformed"
        case .failure(let error): return "\(error)"
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var whole = MeetingDecoder<FuzzPayload>(limit: limit)
    let results = whole.feed(bytes)
    precondition(whole.pendingBytes <= limit + 1, "held \(whole.pendingBytes) bytes over the limit \(limit)")

    // The same bytes in reads of sizes taken from the input itself.
    var parts = MeetingDecoder<FuzzPayload>(limit: limit)
    var pieces: [Result<MeetingEnvelope<FuzzPayload>, MeetingWireError>] = []
    var at = 0, step = 0
    while at < bytes.count {
        let n = min(bytes.count - at, Int(bytes[step % bytes.count] % 37) + 1)
        pieces += parts.feed(bytes[at..<(at + n)])
        precondition(parts.pendingBytes <= limit + 1, "held \(parts.pendingBytes) bytes over the limit \(limit)")
        at += n
        step += 1
    }
    precondition(describe(pieces) == describe(results), "results depend on how the bytes arrive")

    for case .success(let envelope) in results {
        guard let line = try? MeetingCodec.encode(envelope) else { continue }  // e.g. a payload JSON cannot hold
        let again = try? MeetingCodec.decode(line.dropLast(), as: FuzzPayload.self)
        precondition(again == envelope, "an envelope changed when encoded and decoded again")
    }
    return 0
}

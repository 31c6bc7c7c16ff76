import Foundation
@testable import TownsMeeting
import XCTest

final class EnvelopeTests: XCTestCase {
    let started = Date(timeIntervalSince1970: 1_764_621_600)  // 2025-12-01 20:40:00 UTC, whole seconds

    func envelope(_ kind: MeetingEnvelope<TestState>.Kind = .state, payload: TestState?) -> MeetingEnvelope<TestState> {
        MeetingEnvelope(kind: kind, sequence: 7, meeting: "周会-weekly", presenter: "lin", started: started,
                        dataFingerprint: "9f2c01", payload: payload)
    }

    func text(_ envelope: MeetingEnvelope<TestState>) throws -> String {
        String(decoding: try MeetingCodec.encode(envelope), as: UTF8.self)
    }

    func testRoundTripIsOneLineAndEqual() throws {
        for original in [envelope(payload: TestState(view: "towns\n海宁\"x\"", index: 3, filler: "\u{1b}[31m")),
                         envelope(.hello, payload: nil), envelope(.end, payload: nil)] {
            let line = try MeetingCodec.encode(original)
            XCTAssertEqual(line.last, 0x0A)
            XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1, "one newline, at the end")
            var decoder = MeetingDecoder<TestState>()
            let results = decoder.feed(line)
            XCTAssertEqual(results.count, 1)
            XCTAssertEqual(try results.first?.get(), original)
        }
    }

    func testGarbageIsRefusedWithAnErrorNeverAnEnvelope() throws {
        let valid = try text(envelope(payload: TestState(view: "v", index: 1)))
        let garbage: [[UInt8]] = [
            Array("not json".utf8), Array("{}".utf8), Array("[1,2,3]".utf8), Array("null".utf8),
            Array(#"{"version":1}"#.utf8), Array(#"{"version":"1"}"#.utf8),
            Array(valid.replacingOccurrences(of: #""kind":"state""#, with: #""kind":"drive""#).dropLast().utf8),
            Array(valid.replacingOccurrences(of: #""sequence":7"#, with: #""sequence":-7"#).dropLast().utf8),
            Array(valid.dropLast(5).utf8),  // cut short
            [0xFF, 0xFE, 0x7B, 0x00, 0x80], Array(String(repeating: "[", count: 100_000).utf8),
        ]
        for line in garbage {
            var decoder = MeetingDecoder<TestState>()
            let results = decoder.feed(line + [0x0A])
            XCTAssertEqual(results.count, 1, "\(String(decoding: line.prefix(40), as: UTF8.self))")
            guard case .failure(.malformed) = results.first else {
                let shown = String(decoding: line.prefix(60), as: UTF8.self)
                return XCTFail("not refused as malformed: \(shown) -> \(results)")
            }
        }
    }

    /// A start time with a fraction of a second (`20:40:0.8Z`, `00.999999Z`) is read to the
    /// second, as presenters write it, so the envelope encodes and decodes to itself (the meeting
    /// fuzzer's crash-523f2d5d: 0.8 s kept on reading, dropped on writing).
    func testAStartWithAFractionIsReadToTheSecond() throws {
        let line = try text(envelope(payload: TestState(view: "v", index: 1)))
        XCTAssertTrue(line.contains(#""started":"2025-12-01T20:40:00Z""#), line)
        for fraction in ["2025-12-01T20:40:0.8Z", "2025-12-01T20:40:00.999999Z", "2025-12-01T20:40:00.5Z"] {
            let odd = line.replacingOccurrences(of: "2025-12-01T20:40:00Z", with: fraction)
            XCTAssertNotEqual(odd, line)
            let read: MeetingEnvelope<TestState>
            do { read = try MeetingCodec.decode(Array(odd.utf8).dropLast()) } catch {
                continue  // refusing it is as good: only a fraction kept is wrong
            }
            XCTAssertEqual(read.started, started, fraction)
            let again = try MeetingCodec.decode(try MeetingCodec.encode(read).dropLast(), as: TestState.self)
            XCTAssertEqual(again, read, fraction)
        }
    }

    func testAnotherVersionIsAClearError() throws {
        let line = try text(envelope(payload: TestState(view: "v", index: 1)))
        let v2 = line.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)
        XCTAssertNotEqual(line, v2)
        var decoder = MeetingDecoder<TestState>()
        let results = decoder.feed(Array(v2.utf8))
        XCTAssertEqual(results.count, 1)
        guard case .failure(let error) = results[0] else { return XCTFail("version 2 accepted") }
        XCTAssertEqual(error, .unsupportedVersion(found: 2, supported: 1))
        XCTAssertTrue(error.description.contains("version 2"), error.description)
        XCTAssertTrue(error.description.contains("协议版本 2"), error.description)
    }

    /// A 100 MB line, fed in 1 MiB chunks, never makes the decoder hold more than its limit; it
    /// is reported once, and the line after it is read.
    func testAHundredMegabyteLineIsDroppedInBoundedMemory() throws {
        var decoder = MeetingDecoder<TestState>()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        var results: [Result<MeetingEnvelope<TestState>, MeetingWireError>] = []
        var most = 0
        for _ in 0..<100 {
            results += decoder.feed(chunk)
            most = max(most, decoder.pendingBytes)
        }
        XCTAssertLessThanOrEqual(most, MeetingLineSplitter.defaultLimit + 1)
        let next = envelope(payload: TestState(view: "after", index: 2))
        results += decoder.feed([0x0A] + [UInt8](try MeetingCodec.encode(next)))
        XCTAssertEqual(results.count, 2)
        XCTAssertEqual(results.first.flatMap { if case .failure(let e) = $0 { return e } else { return nil } },
                       .lineTooLong(limit: MeetingLineSplitter.defaultLimit))
        XCTAssertEqual(try results.last?.get(), next)
        XCTAssertEqual(decoder.pendingBytes, 0)
    }

    /// The same stream gives the same results whether it arrives at once or a byte at a time.
    func testSplittingDoesNotDependOnHowBytesArrive() throws {
        var stream: [UInt8] = []
        for i in 0..<5 { stream += try MeetingCodec.encode(envelope(payload: TestState(view: "v\(i)", index: i))) }
        stream += Array("garbage\n\n{\"version\":3}\n".utf8) + [UInt8](repeating: 0x41, count: 300) + [0x0A]
        stream += try MeetingCodec.encode(envelope(.end, payload: nil))
        func describe(_ r: [Result<MeetingEnvelope<TestState>, MeetingWireError>]) -> [String] {
            r.map {
                switch $0 {
                case .success(let e): return "ok \(e.kind) \(e.payload?.index ?? -1)"
                case .failure(let e): return "\(e)"
                }
            }
        }
        var whole = MeetingDecoder<TestState>(limit: 256)
        let all = describe(whole.feed(stream))
        var bytewise = MeetingDecoder<TestState>(limit: 256)
        var pieces: [Result<MeetingEnvelope<TestState>, MeetingWireError>] = []
        for b in stream { pieces += bytewise.feed([b]) }
        XCTAssertEqual(describe(pieces), all)
        XCTAssertEqual(all.count, 5 + 3 + 1, "\(all)")  // the blank line is skipped
        XCTAssertEqual(all[6], MeetingWireError.unsupportedVersion(found: 3, supported: 1).description)
        XCTAssertEqual(all[7], MeetingWireError.lineTooLong(limit: 256).description)
    }

    /// Every input kept in Fuzz/regressions/meeting/ goes through the decoder as the fuzz target
    /// checks it: no more than the limit held, the same results in reads of any size, every
    /// envelope unchanged when encoded and decoded again.
    func testFuzzRegressionInputs() throws {
        let folder = repositoryRoot + "/Fuzz/regressions/meeting"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
            var whole = MeetingDecoder<FuzzShape>(limit: 512)
            let results = whole.feed(bytes)
            XCTAssertLessThanOrEqual(whole.pendingBytes, 513, file)
            for size in [1, 2, 7, 37, 512, 513] {
                var parts = MeetingDecoder<FuzzShape>(limit: 512)
                var pieces: [Result<MeetingEnvelope<FuzzShape>, MeetingWireError>] = []
                for start in stride(from: 0, to: bytes.count, by: size) {
                    pieces += parts.feed(bytes[start..<min(start + size, bytes.count)])
                    XCTAssertLessThanOrEqual(parts.pendingBytes, 513, file)
                }
                XCTAssertEqual(Self.describe(pieces), Self.describe(results), "\(file) in reads of \(size)")
            }
            for case .success(let envelope) in results {
                guard let line = try? MeetingCodec.encode(envelope) else { continue }
                XCTAssertEqual(try MeetingCodec.decode(line.dropLast(), as: FuzzShape.self), envelope, file)
            }
        }
    }

    /// The fuzz target's payload (Fuzz/Sources/FuzzMeeting).
    struct FuzzShape: Codable, Sendable, Equatable {
        var view: String
        var index: Int
        var tags: [String]?
        var flags: [String: Bool]?
        var children: [FuzzShape]?
    }

    static func describe<P>(_ results: [Result<MeetingEnvelope<P>, MeetingWireError>]) -> [String] {
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
}

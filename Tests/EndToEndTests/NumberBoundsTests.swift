import Foundation
import XCTest

/// Every number a user types on the command line has a bound checked before any work: a value
/// outside it is a usage error (exit 2) naming the option, never a trap, an abort or a long run
/// (issue 13, point 3). The values are the edges of each range, the edges of 64-bit integers,
/// and numbers drawn from a fixed seed (a small fuzz of the command line's numbers).
final class NumberBoundsTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// Out-of-range and malformed values for an option whose range is `range`.
    private func badValues(_ range: ClosedRange<Int>, seed: UInt64) -> [String] {
        var values = ["\(range.lowerBound - 1)", "\(range.upperBound + 1)", "-1", "0", "99999999999",
                      "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                      "99999999999999999999999999999999999999999", "1e3", "0x10", "", " 5", "5 ", "１２", "NaN"]
        var state = seed
        for _ in 0..<12 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let magnitude = Int(truncatingIfNeeded: state >> 1) % 19
            var n = 1
            for _ in 0..<magnitude { n = n.multipliedReportingOverflow(by: 10).partialValue }
            let value = state & 1 == 0 ? range.upperBound &+ 1 &+ abs(n % Int.max) : -abs(n)
            values.append(String(value))
        }
        return values.filter { Int($0).map { !range.contains($0) } ?? true }
    }

    private func assertRefused(_ arguments: [String], option: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try runProcess(binary, arguments, timeout: 20)
        XCTAssertFalse(r.timedOut, "\(arguments): \(r.summary)", file: file, line: line)
        XCTAssertNil(r.signal, "\(arguments) crashed: \(r.summary)", file: file, line: line)
        XCTAssertEqual(r.status, 2, "\(arguments): \(r.summary)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(option), "the message names \(option): \(r.summary)", file: file, line: line)
    }

    func testReportWidth() throws {
        for value in badValues(1...1000, seed: 1) {
            try assertRefused(["report", "--data", Paths.data, "--width", value], option: "--width")
        }
        // The values, one by one: abort (134), overflow trap (132), 34 s and 3.1 GB.
        for value in ["99999999999", "9223372036854775807", "10000000"] {
            try assertRefused(["report", "--data", Paths.data, "--width", value], option: "--width")
        }
        for value in ["1", "1000"] {
            let r = try runProcess(binary, ["report", "--data", Paths.data, "--width", value])
            XCTAssertEqual(r.status, 0, r.summary)
        }
    }

    func testBenchAndGenerateCounts() throws {
        for (option, range) in [("--towns", 1...100_000), ("--months", 1...1200), ("--iterations", 1...100_000)] {
            for value in badValues(range, seed: UInt64(range.upperBound)) {
                try assertRefused(["bench", "--no-terminal", option, value], option: option)
                if option != "--iterations" {
                    let folder = NSTemporaryDirectory() + "towns-never-\(UUID().uuidString)"
                    try assertRefused(["generate", option, value, folder], option: option)
                }
            }
        }
    }
}

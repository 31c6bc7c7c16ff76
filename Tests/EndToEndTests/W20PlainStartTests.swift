import Foundation
import XCTest

/// Wave 20 (issue 17, the first screen): `towns` with `--data DIR` alone (or no arguments) opens
/// the dashboard without ArgumentParser (`DashboardStart.plain`, ~2 ms of the first screen's main
/// thread); every other command line is parsed. Both must open the same dashboard.
final class W20PlainStartTests: XCTestCase {
    /// `towns --data DIR` (the plain start) and `towns dashboard --data DIR` (parsed) draw the same
    /// first screen (the load clock's time aside), and both quit with status 0 on `q`.
    func testThePlainStartDrawsWhatTheParsedStartDraws() throws {
        func firstScreen(_ arguments: [String], label: String) throws -> [String] {
            let session = try DashboardSession(label: label)
            defer { session.kill() }
            try session.tmux.typeLine(([session.binary] + arguments).map(Paths.shellQuote).joined(separator: " "))
            let screen = try session.tmux.waitUntil("the dashboard's first frame") { s in
                (s.first?.contains("towns ·") ?? false) && (s.last?.contains("↑↓") ?? false)
            }
            try session.tmux.send("q")
            XCTAssertEqual(try session.assertTerminalRestored("q after \(arguments)"), 0)
            return screen.map {
                $0.replacingOccurrences(of: #"\d\d:\d\d:\d\d"#, with: "hh:mm:ss", options: .regularExpression)
            }
        }
        let plain = try firstScreen(["--data", Paths.data], label: "w20plain")
        let parsed = try firstScreen(["dashboard", "--data", Paths.data], label: "w20parsed")
        XCTAssertTrue(plain.contains { $0.contains("全市 嘉兴市") }, "the overview:\n\(TmuxSession.show(plain))")
        XCTAssertEqual(plain, parsed, "plain:\n\(TmuxSession.show(plain))\nparsed:\n\(TmuxSession.show(parsed))")
    }
}

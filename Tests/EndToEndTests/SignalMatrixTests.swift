import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Every signal that ends the process restores the terminal first (issue 13, point 4), and a
/// crash ends at once with the report on standard error, never at the crash reporter's prompt.
final class SignalMatrixTests: XCTestCase {
    var session: DashboardSession!

    override func setUpWithError() throws {
        session = try DashboardSession(label: String(name.filter { $0.isLetter || $0.isNumber }.suffix(24)))
    }

    override func tearDown() {
        session?.kill()
        session = nil
    }

    /// The signals the dashboard did not catch before: after each the alternate screen, the
    /// hidden cursor and keypad mode stayed on.
    func testEveryTerminatingSignalRestoresTheTerminal() throws {
        for (signal, name) in [(SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"), (SIGVTALRM, "SIGVTALRM"),
                               (SIGPROF, "SIGPROF"), (SIGXCPU, "SIGXCPU"), (SIGXFSZ, "SIGXFSZ"), (SIGPIPE, "SIGPIPE")] {
            try session.start()
            let pid = try session.townsPID()
            XCTAssertEqual(kill(pid, signal), 0, "kill(\(pid), \(name))")
            let status = try session.assertTerminalRestored(name, frameMayRemain: false)
            XCTAssertEqual(status, 128 + signal, "towns should die of \(name)")
            XCTAssertFalse(ProcessTable.isAlive(pid), "towns still running after \(name)")
            try session.tmux.typeLine("clear")
        }
    }

    /// A crash prints the backtrace and ends within seconds, with no prompt, even when started
    /// with SWIFT_BACKTRACE asking for the interactive mode.
    func testACrashEndsAtOnceWithTheReportOnStandardError() throws {
        for (signal, name, environment) in [(SIGSEGV, "SIGSEGV", ""), (SIGABRT, "SIGABRT", "SWIFT_BACKTRACE=interactive=yes ")] {
            let log = session.scratch.appendingPathComponent("\(name).err").path
            let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes].map(Paths.shellQuote).joined(separator: " ")
            try session.tmux.typeLine("\(environment)\(words) 2>\(Paths.shellQuote(log))")
            try session.tmux.waitUntil("the dashboard's first frame") { ($0.first?.contains("towns ·") ?? false) }
            let pid = try session.townsPID()
            let sent = Date()
            XCTAssertEqual(kill(pid, signal), 0)
            let status = try session.assertTerminalRestored(name, frameMayRemain: true)
            XCTAssertLessThan(Date().timeIntervalSince(sent), 20, "\(name): the process waited instead of ending")
            XCTAssertEqual(status, 128 + signal, name)
            let report = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            XCTAssertTrue(report.contains("crashed") && report.contains("Thread 0"), "\(name): the backtrace on stderr:\n\(report)")
            XCTAssertFalse(report.contains("Press space to interact"), "\(name): the reporter's prompt:\n\(report)")
            let screen = try session.tmux.capture()
            XCTAssertFalse(screen.contains { $0.contains("Press space to interact") }, TmuxSession.show(screen))
            try session.tmux.typeLine("clear")
        }
    }
}

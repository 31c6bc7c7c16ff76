import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Every signal that ends the process restores the terminal first (issue 13, point 4), and a
/// crash ends at once with the report on standard error, never at the crash reporter's prompt.
/// Before, after SIGUSR1, SIGALRM, SIGXCPU (what `ulimit -t` sends) or SIGPIPE the alternate
/// screen, the hidden cursor and keypad mode stayed on.
extension TerminalRestoreTests {
    func testSIGUSR1RestoresTheTerminal() throws {
        try signalRestores(SIGUSR1, "SIGUSR1")
    }

    func testSIGUSR2RestoresTheTerminal() throws {
        try signalRestores(SIGUSR2, "SIGUSR2")
    }

    func testSIGALRMRestoresTheTerminal() throws {
        try signalRestores(SIGALRM, "SIGALRM")
    }

    func testSIGVTALRMRestoresTheTerminal() throws {
        try signalRestores(SIGVTALRM, "SIGVTALRM")
    }

    func testSIGPROFRestoresTheTerminal() throws {
        try signalRestores(SIGPROF, "SIGPROF")
    }

    func testSIGXCPURestoresTheTerminal() throws {
        try signalRestores(SIGXCPU, "SIGXCPU")
    }

    func testSIGXFSZRestoresTheTerminal() throws {
        try signalRestores(SIGXFSZ, "SIGXFSZ")
    }

    func testSIGPIPERestoresTheTerminal() throws {
        try signalRestores(SIGPIPE, "SIGPIPE")
    }

    /// A crash prints the backtrace and ends within seconds, with no prompt.
    func testACrashEndsAtOnceWithTheReportOnStandardError() throws {
        try crashEndsAtOnce(SIGSEGV, "SIGSEGV", environment: "")
    }

    /// The same when started with SWIFT_BACKTRACE asking for the interactive mode.
    func testACrashNeverWaitsEvenWhenAskedToInteract() throws {
        try crashEndsAtOnce(SIGABRT, "SIGABRT", environment: "SWIFT_BACKTRACE=interactive=yes ")
    }

    /// Started with the runtime's reporter already non-interactive on standard error, its own
    /// report is kept (symbolicated, naming the platform), not towns' handler's.
    func testTheRuntimesReportIsKeptWhenItNeverWaits() throws {
        let report = try crashEndsAtOnce(SIGSEGV, "SIGSEGV-runtime",
                                         environment: "SWIFT_BACKTRACE=interactive=no,output-to=stderr ")
        XCTAssertTrue(report.contains("Platform:"), "the runtime's report:\n\(report)")
        XCTAssertFalse(report.contains("addr2line"), "towns' own report instead of the runtime's:\n\(report)")
    }

    /// The dashboard starts once: the process the shell started keeps the environment it was
    /// given (it used to execute itself again with SWIFT_BACKTRACE added, 12-140 ms).
    func testTheDashboardStartsOnceWithTheEnvironmentGiven() throws {
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes]
            .map(Paths.shellQuote).joined(separator: " ")
        try session.tmux.typeLine(words)
        try session.tmux.waitUntil("the dashboard's first frame") { ($0.first?.contains("towns ·") ?? false) }
        let pid = try session.townsPID()
        let environment = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))) ?? Data()
        XCTAssertFalse(environment.isEmpty, "/proc/\(pid)/environ unread")
        XCTAssertNil(environment.range(of: Data("SWIFT_BACKTRACE=".utf8)),
                     "towns set SWIFT_BACKTRACE and started itself again")
        try session.tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q"), 0)
    }

    @discardableResult
    private func crashEndsAtOnce(_ signal: Int32, _ name: String, environment: String) throws -> String {
        let log = session.scratch.appendingPathComponent("\(name).err").path
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes]
            .map(Paths.shellQuote).joined(separator: " ")
        try session.tmux.typeLine("\(environment)\(words) 2>\(Paths.shellQuote(log))")
        try session.tmux.waitUntil("the dashboard's first frame") { ($0.first?.contains("towns ·") ?? false) }
        let pid = try session.townsPID()
        let sent = Date()
        XCTAssertEqual(kill(pid, signal), 0)
        let status = try session.assertTerminalRestored(name, frameMayRemain: true)
        XCTAssertLessThan(Date().timeIntervalSince(sent), 20, "\(name): the process waited instead of ending")
        XCTAssertEqual(status, 128 + signal, name)
        let report = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        XCTAssertTrue(report.contains("crashed") && report.contains("Thread 0"),
                      "\(name): the backtrace on stderr:\n\(report)")
        XCTAssertFalse(report.contains("Press space to interact"), "\(name): the reporter's prompt:\n\(report)")
        let screen = try session.tmux.capture()
        XCTAssertFalse(screen.contains { $0.contains("Press space to interact") }, TmuxSession.show(screen))
        return report
    }
}

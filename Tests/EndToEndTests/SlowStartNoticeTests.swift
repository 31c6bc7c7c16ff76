import Foundation
import XCTest

/// A slow first read of the data says so on standard error before the dashboard opens (a fresh
/// user saw an empty terminal for seconds at 2,000 towns); a quick one says nothing.
final class SlowStartNoticeTests: XCTestCase {
    func testASlowReadSaysWhatItIsDoingAndAQuickOneIsSilent() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("towns-slow-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: try Paths.townsBinary())
        generate.arguments = ["generate", "--towns", "600", "--months", "12", "--seed", "3", folder,
                              "--data", Paths.data]
        generate.standardOutput = FileHandle.nullDevice
        generate.standardError = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        XCTAssertEqual(generate.terminationStatus, 0, "towns generate")

        let session = try DashboardSession(label: "slow")
        defer { session.kill() }
        let tmux = session.tmux
        let binary = Paths.shellQuote(session.binary)
        // No snapshot (the text is read in process) and a short delay: the notice comes first.
        try tmux.typeLine("clear; env TOWNS_SNAPSHOT=0 TOWNS_SLOW_START_SECONDS=0.05 \(binary) --data "
                          + Paths.shellQuote(folder) + " --themes " + Paths.shellQuote(Paths.themes))
        _ = try tmux.waitFor("towns ·", timeout: 120)
        try tmux.send("q")
        var screen = try session.waitForPrompt()
        XCTAssertTrue(screen.contains { $0.contains("towns: 正在读取") }, TmuxSession.show(screen))
        XCTAssertTrue(screen.contains { $0.contains("towns: reading the data in") }, TmuxSession.show(screen))
        // The bundled data reads in well under the default 0.5 s: nothing is written.
        try tmux.typeLine("clear; \(binary) --data " + Paths.shellQuote(Paths.data) + " --themes "
                          + Paths.shellQuote(Paths.themes))
        _ = try tmux.waitFor("towns ·")
        try tmux.send("q")
        screen = try session.waitForPrompt()
        XCTAssertFalse(screen.contains { $0.contains("reading the data in") }, TmuxSession.show(screen))
    }
}

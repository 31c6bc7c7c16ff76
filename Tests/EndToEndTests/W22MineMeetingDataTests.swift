import Foundation
import XCTest

/// Wave 21's fresh user: a follower whose data folder is a byte-identical copy of the
/// presenter's, made at another time, was told its data differs (the meeting's data
/// fingerprint hashed the files' times). It is now their contents: an identical copy agrees,
/// a copy that differs in one figure is still told so.
final class W22MineMeetingDataTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w22-meetdata-\(getpid())-"
            + UUID().uuidString.prefix(6)).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A copy of the bundled data in the test's folder, its files' times set `age` seconds back.
    func copy(_ name: String, age: Int, edit: ((String) -> String)? = nil) throws -> String {
        let dir = folder + "/" + name
        try FileManager.default.copyItem(atPath: Paths.data, toPath: dir)
        if let edit {
            let path = dir + "/figures.toml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertNotEqual(edit(text), text)
            try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let when = Date().addingTimeInterval(-Double(age))
        for file in FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? [] {
            try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: dir + "/" + file)
        }
        return dir
    }

    func start(_ session: DashboardSession, _ args: [String], data: String) throws {
        let words = [session.binary] + args + ["--data", data, "--themes", Paths.themes, "--config", "/dev/null"]
        try session.tmux.typeLine("TOWNS_MEETINGS=\(Paths.shellQuote(folder)) "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
    }

    func testAByteIdenticalCopyAgreesAndAnEditedOneIsToldItDiffers() throws {
        let presenterData = try copy("presenter", age: 7_200)
        let same = try copy("same", age: 60)
        let edited = try copy("edited", age: 7_200) {
            $0.replacingOccurrences(of: "value = 13.56\n", with: "value = 14.88\n")
        }
        let presenter = try DashboardSession(label: "w22present", width: 100, height: 30)
        defer { presenter.kill() }
        try start(presenter, ["present", "copies", "--lang", "en"], data: presenterData)
        try presenter.tmux.waitFor("meeting copies")

        let follower = try DashboardSession(label: "w22same", width: 100, height: 30)
        defer { follower.kill() }
        try start(follower, ["follow", "copies", "--lang", "en"], data: same)
        let following = try follower.tmux.waitFor("following ")
        usleep(1_000_000)
        let settled = try follower.tmux.capture()
        XCTAssertFalse(settled.contains { $0.contains("data differs") },
                       "a byte-identical copy with other times: " + TmuxSession.show(settled) + TmuxSession.show(following))

        let other = try DashboardSession(label: "w22edited", width: 100, height: 30)
        defer { other.kill() }
        try start(other, ["follow", "copies", "--lang", "en"], data: edited)
        try other.tmux.waitFor("data differs", timeout: 10)
        // The presenter is told (wave 34's fresh user: its chip said `1 人跟随` of a follower alone):
        // the follower on the same data follows, the other is on other data, not following.
        let told = try presenter.tmux.waitFor("1 follower on other data: not seeing your screen", timeout: 10)
        XCTAssertFalse(told.contains { $0.contains("2 following") }, TmuxSession.show(told))
        XCTAssertTrue(told.last?.contains("1 following") ?? false, TmuxSession.show(told))
    }
}

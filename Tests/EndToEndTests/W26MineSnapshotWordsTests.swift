import Foundation
import XCTest

/// Wave 26's fresh user, F10: `towns snapshot` with a cache path it cannot use answered in
/// Foundation's English under a Chinese interface. It names the folder, says a file is there,
/// names `TOWNS_CACHE`, in the interface's language, and exits 3 (README's exit codes).
final class W26MineSnapshotWordsTests: XCTestCase {
    func testACacheThatIsAFileIsSaidInTheInterfacesLanguage() throws {
        let binary = try Paths.townsBinary()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w26-snapwords-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/cachefile"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        for (locale, words) in [("C.UTF-8", "缓存文件夹 \(file) 是文件，不是文件夹"),
                                ("C", "the cache folder \(file) is a file, not a folder")] {
            var env = ProcessInfo.processInfo.environment
            env["LANG"] = locale
            env["LC_ALL"] = locale
            env["XDG_CONFIG_HOME"] = dir + "/noconfig"
            env["TOWNS_CACHE"] = file
            let r = try runProcess(binary, ["snapshot", "--data", Paths.data], environment: env)
            XCTAssertEqual(r.status, 3, r.summary)
            XCTAssertTrue(r.stderr.contains(words) && r.stderr.contains("TOWNS_CACHE"), "\(locale): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("The operation could not be completed"), r.stderr)
        }
    }
}

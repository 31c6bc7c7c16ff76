import Foundation
import XCTest

/// Wave 11 (w11-fixb): commands a fresh user and helpers ran, run as they ran them.
final class W11FixbEndToEndTests: XCTestCase {
    func temporaryCopy(_ name: String) throws -> String {
        let root = NSTemporaryDirectory() + "w11-fixb-\(name)-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Paths.data, toPath: root)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        return root
    }

    /// A sheet imported again (GB18030 here, as the finding) said "(new period)" and then "it
    /// replaces the earlier import": the period is the earlier import's, and says so.
    func testAReimportDoesNotCallItsPeriodNew() throws {
        let data = try temporaryCopy("reimport")
        let sheet = Paths.repositoryRoot.appendingPathComponent("Examples/monthly-2015-10-gb18030-wan.csv").path
        let first = try runProcess(try Paths.townsBinary(), ["import", "--lang", "en", "--data", data, sheet],
                                   timeout: 60)
        XCTAssertEqual(first.status, 0, first.summary)
        XCTAssertTrue(first.stdout.contains("(new period)"), first.summary)
        XCTAssertFalse(first.stdout.contains("replaces"), first.summary)
        let again = try runProcess(try Paths.townsBinary(), ["import", "--lang", "en", "--data", data, sheet],
                                   timeout: 60)
        XCTAssertEqual(again.status, 0, again.summary)
        XCTAssertFalse(again.stdout.contains("(new period)"), again.summary)
        XCTAssertTrue(again.stdout.contains("added by the earlier import of 2015-10"), again.summary)
        XCTAssertTrue(again.stdout.contains("it replaces the earlier import of 2015-10"), again.summary)
    }

    /// `towns report --filter`, with the dashboard's syntax: only the towns it keeps; one that
    /// does not apply is refused, named, exit 2.
    func testReportFilter() throws {
        let towns = try Paths.townsBinary()
        let all = try runProcess(towns, ["report", "--lang", "en", "--format", "csv", "--data", Paths.data])
        XCTAssertEqual(all.status, 0, all.summary)
        let filtered = try runProcess(towns, ["report", "--lang", "en", "--format", "csv", "--data", Paths.data,
                                              "--filter", "county 海宁"])
        XCTAssertEqual(filtered.status, 0, filtered.summary)
        let rows = { (r: ProcessResult) in r.stdout.unicodeScalars.filter { $0 == "\n" }.count }  // CRLF
        XCTAssertLessThan(rows(filtered), rows(all), filtered.stdout)
        XCTAssertTrue(filtered.stdout.contains("Haining"), filtered.stdout)
        XCTAssertFalse(filtered.stdout.contains("Nanhu"), filtered.stdout)
        let wrong = try runProcess(towns, ["report", "--lang", "en", "--data", Paths.data, "--filter", "colour red"])
        XCTAssertEqual(wrong.status, 2, wrong.summary)
        XCTAssertTrue(wrong.stderr.contains("--filter colour red"), wrong.summary)
        let zh = try runProcess(towns, ["report", "--lang", "zh", "--data", Paths.data, "--filter", "colour red"])
        XCTAssertEqual(zh.status, 2, zh.summary)
        XCTAssertTrue(zh.stderr.unicodeScalars.contains { $0.value >= 0x4E00 }, "worded in Chinese: \(zh.stderr)")
        let help = try runProcess(towns, ["report", "--help"])
        XCTAssertTrue(help.stdout.contains("--filter"), help.stdout)
    }

    /// `generate --force` left the `.import.lock` it created behind; one that was there stays.
    func testGenerateForceRemovesTheLockItCreated() throws {
        let towns = try Paths.townsBinary()
        let folder = NSTemporaryDirectory() + "w11-fixb-generate-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let args = ["generate", "--towns", "5", "--months", "2", "--seed", "1", folder]
        XCTAssertEqual(try runProcess(towns, args, timeout: 60).status, 0)
        let replaced = try runProcess(towns, ["generate", "--force"] + args.dropFirst(), timeout: 60)
        XCTAssertEqual(replaced.status, 0, replaced.summary)
        let lock = folder + "/.import.lock"
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock), "the lock it took is gone")
        FileManager.default.createFile(atPath: lock, contents: nil)
        let again = try runProcess(towns, ["generate", "--force"] + args.dropFirst(), timeout: 60)
        XCTAssertEqual(again.status, 0, again.summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock), "a lock file that was there stays")
    }
}

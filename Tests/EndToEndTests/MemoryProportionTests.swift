import Foundation
import XCTest

/// Memory in proportion (issue 13, point 5): inputs at the size limits, each refused or read
/// with a peak resident size of at most `multiple` x the file's size plus the process's own
/// (`base`). Before: a 10 MB town name took 341 MB, a 16 MiB inline array 682 MB, a CSV of
/// 16 MiB of blank lines 1.37 GB. Peak memory through /usr/bin/time, as BadDataTests does.
final class MemoryProportionTests: XCTestCase {
    static let multiple = 5
    static let base = 64 << 20

    var binary: String!
    var folder: String!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { throw XCTSkip("no /usr/bin/time") }
        binary = try Paths.townsBinary()
        folder = NSTemporaryDirectory() + "towns-memory-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.data, toPath: folder + "/Data")
        try? FileManager.default.removeItem(atPath: folder + "/Data/monthly")
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Runs `arguments`; asserts the peak is in proportion to `size` bytes; returns the result.
    private func measured(_ arguments: [String], size: Int, _ label: String) throws -> ProcessResult {
        let r = try runProcess("/usr/bin/time", ["-f", "maxrss=%M", binary] + arguments, timeout: 300)
        let line = r.stderr.components(separatedBy: "\n").last { $0.hasPrefix("maxrss=") } ?? ""
        let kilobytes = Int(line.dropFirst("maxrss=".count)) ?? .max
        let limit = (Self.multiple * size + Self.base) / 1024
        let multiple = String(format: "%.1f", Double(kilobytes * 1024) / Double(size))
        print("\(label): \(size) bytes, peak \(kilobytes) kB (\(multiple)x)")
        XCTAssertLessThan(kilobytes, limit, "\(label): peak \(kilobytes) kB for a file of \(size) bytes\n\(r.summary)")
        return r
    }

    private func insert(_ text: String, afterFirst marker: String, in file: String) throws -> Int {
        let path = folder + "/Data/" + file
        var content = try String(contentsOfFile: path, encoding: .utf8)
        let range = try XCTUnwrap(content.range(of: marker))
        content.insert(contentsOf: text, at: range.upperBound)
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        return content.utf8.count
    }

    func testATenMegabyteTownName() throws {
        let path = folder + "/Data/towns.toml"
        var content = try String(contentsOfFile: path, encoding: .utf8)
        content = content.replacingOccurrences(of: "name_zh = \"海宁皮革时尚小镇\"",
                                               with: "name_zh = \"\(String(repeating: "镇", count: 10_000_000 / 3))\"")
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try measured(["check", "--data", folder + "/Data", "--lang", "en"], size: content.utf8.count, "10 MB name")
        let index = content.components(separatedBy: "\n").firstIndex { $0.hasPrefix("name_zh = \"镇镇") }
        let line = try XCTUnwrap(index) + 1
        XCTAssertTrue(r.stderr.contains("towns.toml:\(line): town[1].name_zh: is 9999999 bytes long"), r.summary)
    }

    func testASixteenMebibyteInlineArray() throws {
        let count = (16 << 20) / 6 - 20_000
        let size = try insert("extra = [" + Array(repeating: "1234", count: count).joined(separator: ", ") + "]\n",
                              afterFirst: "[[town]]\n", in: "towns.toml")
        let r = try measured(["check", "--lang", "en", "--data", folder + "/Data"], size: size, "16 MiB inline array")
        XCTAssertTrue(r.stderr.contains("more than 100000 values in one array"), r.summary)
    }

    func testACSVOfBlankLines() throws {
        let sheet = folder + "/blank.csv"
        let size = 16 << 20
        try Data(repeating: 0x0A, count: size).write(to: URL(fileURLWithPath: sheet))
        let r = try measured(["import", sheet, "--dry-run", "--lang", "en", "--data", folder + "/Data"], size: size,
                             "16 MiB of blank lines")
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertTrue(r.stderr.contains("more than a spreadsheet"), r.summary)
    }
}

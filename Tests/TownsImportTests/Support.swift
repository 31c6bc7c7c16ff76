import Foundation
import Glibc
import TownsCore
import TownsImport
import TownsTestSupport
import XCTest

/// The repository root, found from this file's path.
let repositoryRoot = packageRoot()

let bundledData = repositoryRoot + "/Data"

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder() throws -> String {
    try TemporaryFiles.folder("import")
}

/// A copy of the bundled dataset (Data/) in a temporary folder.
func dataCopy() throws -> String {
    let dir = try temporaryFolder() + "/Data"
    try FileManager.default.copyItem(atPath: bundledData, toPath: dir)
    return dir
}

/// Mid-January 2016: every 2015 month is in the past, 2016-02 in the future.
let january2016 = Date(timeIntervalSince1970: 1_452_816_000)  // 2016-01-15 00:00 UTC
let utc = TimeZone(identifier: "UTC")!

/// The bytes of `text` in GB18030, made with the C library's iconv.
func gb18030(_ text: String) -> [UInt8] {
    let cd = iconv_open("GB18030", "UTF-8")!
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = outBuffer.count
            precondition(iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1, "iconv to GB18030 failed")
            return outBuffer.count - outLeft
        }
    }
    return Array(output.prefix(produced))
}

/// Writes a sheet and returns its path; `name` is the file name.
func writeSheet(_ text: String, name: String = "sheet.csv", bytes: [UInt8]? = nil) throws -> String {
    let path = try temporaryFolder() + "/" + name
    try Data(bytes ?? Array(text.utf8)).write(to: URL(fileURLWithPath: path))
    return path
}

/// Runs an import at `january2016` (UTC).
func runImport(_ sheet: String, data: String, dryRun: Bool = false) throws -> MonthlyImporter.Summary {
    try MonthlyImporter.run(.init(sheetPath: sheet, dataDirectory: data, dryRun: dryRun, now: january2016, timeZone: utc))
}

/// The issues of a failed import (errors and warnings), or [] when it succeeded.
func importIssues(_ sheet: String, data: String) -> [LoadIssue] {
    do {
        _ = try runImport(sheet, data: data)
        return []
    } catch let ImportFailure.sheet(issues) {
        return issues
    } catch {
        return [LoadIssue(.error, .sheet, file: "?", problem: "unexpected: \(error)")]
    }
}

/// Every file under `dir` (relative paths, sorted), with its bytes.
func snapshot(_ dir: String) -> [String: Data] { filesAndBytes(under: dir) }

/// The example sheet's rows: the same figures in every encoding and unit.
let headerYi = "小镇,期间,累计完成投资（亿元）,完成率（%）,已开工项目（个）"
let rowsYi = """
海宁皮革时尚小镇,2015-10,15.21,81.8%,
桐乡毛衫时尚小镇,2015-10,12.40,95.1%,
嘉善巧克力甜蜜小镇,2015-10,6.85,,
南湖基金小镇,2015-10,4.10,27.4%,12
海盐核电小镇,2015-10,11.30,23.9%,14
"""

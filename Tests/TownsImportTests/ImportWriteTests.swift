import Foundation
import Glibc
import TownsCore
@testable import TownsImport
import XCTest

/// What an import writes: the same figures from any encoding and unit, atomically, under a
/// lock, nothing on error, and loads that never see half a file.
final class ImportWriteTests: XCTestCase {
    /// The 2015-10 figures of every town after importing `bytes` into a fresh copy of Data/.
    func importedFigures(_ bytes: [UInt8], name: String = "monthly-2015-10.csv") throws -> [String: [FigureKey: Quantity]] {
        let dir = try dataCopy()
        let summary = try runImport(try writeSheet("", name: name, bytes: bytes), data: dir)
        XCTAssertEqual(summary.path, dir + "/monthly/2015-10.toml")
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var out: [String: [FigureKey: Quantity]] = [:]
        for town in dataset.towns {
            out[town.id] = town.figures.filter { $0.key.period == "2015-10" }.mapValues(\.quantity)
        }
        return out
    }

    func testEveryEncodingAndUnitGivesTheSameFigures() throws {
        let utf8 = try importedFigures(Array((headerYi + "\n" + rowsYi).utf8))
        XCTAssertEqual(utf8["haining"]?[FigureKey(.completed, "2015-10")], .exact(Decimal(string: "15.21")!, decimals: 2))
        XCTAssertEqual(utf8["tongxiang"]?[FigureKey(.completed, "2015-10")], .exact(Decimal(string: "12.40")!, decimals: 2), "trailing zero kept")
        XCTAssertEqual(utf8["nanhu"]?[FigureKey(.projectsStarted, "2015-10")], .exact(12, decimals: 0))
        XCTAssertEqual(utf8["haiyan"]?[FigureKey(.completionRate, "2015-10")], .exact(Decimal(string: "23.9")!, decimals: 1))
        XCTAssertNil(utf8["jiashan"]?[FigureKey(.completionRate, "2015-10")], "a blank cell is unknown")
        XCTAssertEqual(utf8.values.map(\.count).reduce(0, +), 11)

        let wan = """
        小镇,期间,累计完成投资（万元）,完成率（%）,已开工项目（个）
        海宁皮革时尚小镇,2015-10,"152,100",81.8%,
        桐乡毛衫时尚小镇,2015-10,124000,95.1%,
        嘉善巧克力甜蜜小镇,2015-10,６８５００,,
        南湖基金小镇,2015-10, 41000 ,27.4％,１２
        海盐核电小镇,2015-10,"113,000.0",23.9%,14
        """
        XCTAssertEqual(try importedFigures(gb18030(wan)), utf8, "GB18030, 万元, thousands separators, full-width digits")
        XCTAssertEqual(try importedFigures(Array(wan.utf8)), utf8, "UTF-8, 万元")
        XCTAssertEqual(try importedFigures([0xEF, 0xBB, 0xBF] + Array((headerYi + "\r\n" + rowsYi.replacingOccurrences(of: "\n", with: "\r\n")).utf8)), utf8,
                       "UTF-8 with BOM and CRLF line ends, as Excel saves it")
        XCTAssertEqual(try importedFigures(gb18030("嘉兴市特色小镇投资月报\n" + headerYi + "\n" + rowsYi)), utf8, "GB18030 with a title line")
        let english = "town,period,completed (亿元),completion_rate,projects_started\n"
            + "haining,2015年10月,15.21,81.8,\nTongxiang Sweater Fashion Town,２０１５－１０,12.40,95.1,\njiashan,2015-10,6.85,—,-\n"
            + "nanhu,2015-10,4.10,27.4,12\nhaiyan,2015年1-10月,11.30,23.9,14\n"
        XCTAssertEqual(try importedFigures(Array(english.utf8)), utf8, "English names, ids, and the other month forms")
    }

    func testTheExampleSheetImports() throws {
        let dir = try dataCopy()
        let summary = try runImport(repositoryRoot + "/Examples/monthly-2015-10.csv", data: dir)
        XCTAssertEqual(summary.entries.count, 5)
        XCTAssertEqual(summary.skippedTitleLines, 1)
        XCTAssertEqual(summary.encoding, .utf8)
        XCTAssertTrue(summary.periodIsNew)
        let wan = try runImport(repositoryRoot + "/Examples/monthly-2015-10-gb18030-wan.csv", data: try dataCopy())
        XCTAssertEqual(wan.encoding, .gb18030)
        XCTAssertEqual(wan.unit, .wan)
        XCTAssertEqual(wan.entries.map(\.completed), summary.entries.map(\.completed))
    }

    func testWrittenFileIsReadableTOMLInTheRecordFormat() throws {
        let dir = try dataCopy()
        let summary = try runImport(try writeSheet(headerYi + "\n" + rowsYi, name: "嘉兴 \"10月\".csv"), data: dir)
        let text = try String(contentsOfFile: summary.path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# Monthly figures for 2015年1-10月 (2015-10), written by `towns import` on 2016-01-15 00:00\n"), text)
        XCTAssertTrue(text.contains("\n[[period]]\nid = \"2015-10\"\nlabel_zh = \"2015年1-10月\"\nlabel_en = \"2015 Jan-Oct\"\nyear = 2015\nthrough = 10\n"), text)
        XCTAssertTrue(text.contains("\n[[source]]\nid = \"import-2015-10\"\ntitle = \"月报 monthly sheet 2015-10: 嘉兴 \\\"10月\\\".csv, imported 2016-01-15 00:00\"\n"), text)
        XCTAssertTrue(text.contains("note = \"Imported by towns import from 嘉兴 \\\"10月\\\".csv: UTF-8, amounts in 亿元; 5 towns (haining, tongxiang, jiashan, nanhu, haiyan).\""), text)
        XCTAssertTrue(text.contains("\n[[figure]]\ntown = \"tongxiang\"\nmeasure = \"completed\"\nperiod = \"2015-10\"\nvalue = \"12.40\"\nsource = \"import-2015-10\"\nat = \"line 3\"\n"), text)
        XCTAssertTrue(text.contains("\n[[figure]]\ntown = \"haining\"\nmeasure = \"completed\"\nperiod = \"2015-10\"\nvalue = 15.21\n"), text)
        let loaded = try DatasetLoader.load(directory: dir)
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(loaded.dataset.periods.map(\.id), ["2015-08", "2015-09", "2015-10", "2015-12"])
        XCTAssertEqual(loaded.dataset.sources["import-2015-10"]?.title, "月报 monthly sheet 2015-10: 嘉兴 \"10月\".csv, imported 2016-01-15 00:00")
        // 万元: the note says what the sheet had.
        let wanDir = try dataCopy()
        let wan = try runImport(try writeSheet("town,period,completed (万元)\nhaining,2015-10,\"152,100\"\n"), data: wanDir)
        let wanText = try String(contentsOfFile: wan.path, encoding: .utf8)
        XCTAssertTrue(wanText.contains("value = 15.21\nsource = \"import-2015-10\"\nat = \"line 2\"\nnote = \"152,100 万元 in the sheet\"\n"), wanText)
        XCTAssertTrue(wanText.contains("amounts in 万元, divided by 10000 into 亿元"), wanText)
    }

    func testAPeriodDatasetTomlHasGetsNoPeriodRecord() throws {
        let dir = try dataCopy()
        // Jiashan has no 2015-12 figure; dataset.toml defines 2015-12.
        let summary = try runImport(try writeSheet("town,period,completed (亿元)\njiashan,2015-12,9.5\n"), data: dir)
        XCTAssertFalse(summary.periodIsNew)
        XCTAssertFalse(try String(contentsOfFile: summary.path, encoding: .utf8).contains("\n[[period]]\n"))
        XCTAssertEqual(try DatasetLoader.load(directory: dir).dataset.periods.count, 3)
    }

    func testAtomicWriteLeavesNoTemporaryFileAndReimportReplaces() throws {
        let dir = try dataCopy()
        let first = try runImport(try writeSheet(headerYi + "\n" + rowsYi), data: dir)
        XCTAssertFalse(first.replaced)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/monthly"), ["2015-10.toml"], "no temporary file left")
        let second = try runImport(try writeSheet("town,period,completed (亿元)\nhaining,2015-10,15.30\n"), data: dir)
        XCTAssertTrue(second.replaced)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/monthly"), ["2015-10.toml"])
        let dataset = try DatasetLoader.load(directory: dir).dataset
        XCTAssertEqual(dataset.town("haining")?.figures[FigureKey(.completed, "2015-10")]?.quantity, .exact(Decimal(string: "15.30")!, decimals: 2))
        XCTAssertNil(dataset.town("nanhu")?.figures[FigureKey(.completed, "2015-10")], "the month's earlier figures are gone with its file")
        // A re-import is checked without the month's earlier file: lower than before is fine.
        _ = try runImport(try writeSheet("town,period,completed (亿元)\nhaining,2015-10,14.00\n"), data: dir)
    }

    func testAtomicFileCommitAndDiscard() throws {
        let dir = try temporaryFolder()
        let path = dir + "/x.toml"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let pending = try AtomicFile(path: path, bytes: Array("new\n".utf8))
        let temporary = try XCTUnwrap(pending.temporaryPath)
        XCTAssertTrue((temporary as NSString).lastPathComponent.hasPrefix(".x.toml."))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n", "unchanged until commit")
        try pending.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporary))
        let discarded = try AtomicFile(path: path, bytes: Array("newer\n".utf8))
        discarded.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["x.toml"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
    }

    /// A month whose rate contradicts the earlier months (Haining 15.21 at 20% implies a plan of
    /// about 76 against ≈18.6 from Jan-Aug and Jan-Sep) is imported with the new inconsistency
    /// named; the example sheet, which agrees with them, has none (a fresh user's finding).
    func testAContradictingMonthIsImportedWithItsInconsistencyNamed() throws {
        let agreeing = try runImport(repositoryRoot + "/Examples/monthly-2015-10.csv", data: try dataCopy())
        XCTAssertEqual(agreeing.contradictions, [], "\(agreeing.contradictions)")
        let sheet = try writeSheet(headerYi + "\n海宁皮革时尚小镇,2015-10,15.21,20%,\n")
        let dry = try runImport(sheet, data: try dataCopy(), dryRun: true)
        // The plan derived from Jan-Oct disagrees, and (since wave 25) the rate 20% falls below
        // Jan-Sep's 72.9%: `towns check` finds both.
        XCTAssertEqual(dry.contradictions.count, 2, "\(dry.contradictions)")
        XCTAssertTrue(dry.contradictions.contains { if case .rateFalls = $0.detail { true } else { false } },
                      "\(dry.contradictions)")
        let dir = try dataCopy()
        let wrote = try runImport(sheet, data: dir)
        let finding = try XCTUnwrap(wrote.contradictions.first { if case .planAgreement = $0.detail { true } else { false } })
        XCTAssertEqual(finding.kind, .inconsistency)
        XCTAssertEqual(finding.townID, "haining")
        XCTAssertTrue(finding.flaggedKeys.contains(FigureKey(.completionRate, "2015-10")), "\(finding)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/monthly/2015-10.toml"), "imported all the same")
    }

    func testDryRunWritesNothing() throws {
        let dir = try dataCopy()
        let before = snapshot(dir)
        let summary = try runImport(try writeSheet(headerYi + "\n" + rowsYi), data: dir, dryRun: true)
        XCTAssertTrue(summary.dryRun)
        XCTAssertEqual(summary.file.figureCount, 11)
        XCTAssertEqual(snapshot(dir), before, "not even the lock file")
    }

    /// A read-only dataset folder: a read-only bind mount (root, where mounting is allowed)
    /// or a folder without write permission (other users).
    func testReadOnlyLocationFailsClearlyAndChangesNothing() throws {
        let dir = try dataCopy()
        let mounted = try temporaryFolder() + "/ro"
        try FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
        var target = dir
        if geteuid() == 0 {
            guard shell("mount --bind '\(dir)' '\(mounted)' && mount -o remount,bind,ro '\(mounted)'") == 0 else {
                _ = shell("umount '\(mounted)' 2>/dev/null")
                throw XCTSkip("running as root where bind mounts are not allowed: no read-only folder to test with")
            }
            target = mounted
        } else {
            chmod(dir, 0o555)
        }
        defer { if target == mounted { _ = shell("umount '\(mounted)'") } else { chmod(dir, 0o755) } }
        let before = snapshot(dir)
        XCTAssertThrowsError(try runImport(try writeSheet(headerYi + "\n" + rowsYi), data: target)) { error in
            guard case let ImportFailure.cannotWrite(folder, reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(folder, target)
            XCTAssertTrue(reason.contains("Read-only file system") || reason.contains("Permission denied"), reason)
            XCTAssertEqual((error as? ImportFailure)?.exitCode, 3)
            XCTAssertTrue((error as? ImportFailure)?.lines.first?.contains("Nothing imported; the data is unchanged.") == true)
        }
        XCTAssertEqual(snapshot(dir), before)
        // A dry run still works there.
        XCTAssertNoThrow(try runImport(try writeSheet(headerYi + "\n" + rowsYi), data: target, dryRun: true))
    }

    func testConcurrentImportsAreSerialisedByTheLock() throws {
        let dir = try dataCopy()
        let lock = try ImportLock(directory: dir)
        let sheet = try writeSheet(headerYi + "\n" + rowsYi)
        let waited = expectation(description: "the import waits for the lock")
        let done = expectation(description: "the import finishes after the lock is released")
        let finished = Finished()
        Thread.detachNewThread {
            do {
                _ = try MonthlyImporter.run(.init(sheetPath: sheet, dataDirectory: dir, now: january2016, timeZone: utc)) { waited.fulfill() }
                finished.set()
            } catch { XCTFail("\(error)") }
            done.fulfill()
        }
        wait(for: [waited], timeout: 10)
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertFalse(finished.get(), "still waiting while the lock is held")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/monthly/2015-10.toml"))
        lock.release()
        wait(for: [done], timeout: 10)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/monthly/2015-10.toml"))
    }

    /// A writer thread imports two versions of a month over and over while this thread loads
    /// the dataset: every load succeeds with one version complete, or fails cleanly.
    func testLoadsDuringRepeatedImportsSeeWholeFiles() throws {
        let dir = try dataCopy()
        let a = try writeSheet(headerYi + "\n" + rowsYi)
        let b = try writeSheet("town,period,completed (亿元)\nhaining,2015-10,15.50\nnanhu,2015-10,4.20\n")
        let versionA: Set<String> = ["haining", "tongxiang", "jiashan", "nanhu", "haiyan"]
        let versionB: Set<String> = ["haining", "nanhu"]
        let stop = Finished()
        let writerDone = expectation(description: "writer")
        let imports = Counter()
        Thread.detachNewThread {
            var i = 0
            while !stop.get() && i < 400 {
                do { _ = try runImport(i % 2 == 0 ? a : b, data: dir) } catch { XCTFail("import: \(error)") }
                i += 1
                imports.add()
            }
            writerDone.fulfill()
        }
        var loads = 0, complete = 0, changed = 0
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && (complete < 20 || imports.get() < 10) {
            loads += 1
            do {
                let dataset = try DatasetLoader.loadUnchanged(directory: dir).dataset
                let towns = Set(dataset.towns.filter { $0.figures[FigureKey(.completed, "2015-10")] != nil }.map(\.id))
                if towns.isEmpty { continue }  // before the first import
                XCTAssertTrue(towns == versionA || towns == versionB, "a half dataset: \(towns)")
                XCTAssertNotNil(dataset.period("2015-10"))
                XCTAssertNotNil(dataset.sources["import-2015-10"])
                complete += 1
            } catch is DatasetLoader.ChangedDuringLoad {
                changed += 1
            } catch {
                XCTFail("a load failed other than cleanly: \(error)")
            }
        }
        stop.set()
        wait(for: [writerDone], timeout: 30)
        print("loads during imports: \(loads) loads, \(complete) complete, \(changed) refused as changed while read; \(imports.get()) imports")
        XCTAssertGreaterThanOrEqual(complete, 3, "loads: \(loads), changed during load: \(changed), imports: \(imports.get())")
        XCTAssertGreaterThanOrEqual(imports.get(), 3)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/monthly"), ["2015-10.toml"], "no temporary files left")
    }

    /// A file caught half-written by a writer that does not rename: the load fails with the
    /// file and line, and nothing of it is used.
    func testHalfWrittenMonthlyFileFailsToLoad() throws {
        let dir = try dataCopy()
        let summary = try runImport(try writeSheet(headerYi + "\n" + rowsYi), data: dir)
        let text = try String(contentsOfFile: summary.path, encoding: .utf8)
        let cut = text.index(text.startIndex, offsetBy: text.count * 2 / 3)
        let half = String(text[..<cut]).components(separatedBy: "\n").dropLast().joined(separator: "\n") + "\nvalue = "
        try half.write(toFile: summary.path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try DatasetLoader.loadUnchanged(directory: dir)) { error in
            let failure = error as? LoadFailure
            XCTAssertEqual(failure?.errors.first?.file, summary.path, "\(error)")
            XCTAssertNotNil(failure?.errors.first?.line)
        }
    }
}

/// A flag shared between threads.
final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    func get() -> Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// A count shared between threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    func get() -> Int { lock.lock(); defer { lock.unlock() }; return value }
}

/// Runs `command` with /bin/sh; its exit status.
func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}

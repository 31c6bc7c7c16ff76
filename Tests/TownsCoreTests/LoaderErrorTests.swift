import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TownsCore
import XCTest

/// Bad input: every error names the file, the line and the field; nothing is half-loaded.
final class LoaderErrorTests: XCTestCase {
    /// Asserts that loading `dir` fails with an error in `file` whose problem contains `text`,
    /// at `line` with `field` (when given), of class `kind`; and that this error is the first,
    /// so the load's exit status is the class's.
    func assertError(_ dir: String, file: String, line: Int?, field: String?, kind: LoadIssue.Kind, contains text: String,
                     _ location: StaticString = #filePath, _ l: UInt = #line) {
        let errors = loadErrors(dir)
        let match = errors.first { $0.file.hasSuffix("/" + file) && $0.problem.contains(text) }
        XCTAssertNotNil(match, "expected '\(text)' in \(file); got:\n\(errors.map(\.description).joined(separator: "\n"))", file: location, line: l)
        if let match {
            if let line { XCTAssertEqual(match.line, line, match.description, file: location, line: l) }
            if let field { XCTAssertEqual(match.field, field, match.description, file: location, line: l) }
            XCTAssertEqual(match.kind, kind, match.description, file: location, line: l)
            XCTAssertEqual(errors.first, match, "the first error should be this one; got:\n\(errors.map(\.description).joined(separator: "\n"))",
                           file: location, line: l)
            XCTAssertEqual(LoadFailure(issues: errors).exitCode, kind.exitCode, file: location, line: l)
        }
    }

    /// A file's header table missing (`Loader.headerTable`): named with its file, for
    /// dataset.toml's `[dataset]` and province.toml's `[list]` alike.
    func testMissingHeaderTable() throws {
        let dataset = try brokenCopy("dataset.toml") { $0.replacingOccurrences(of: "[dataset]\n", with: "[datasets]\n") }
        assertError(dataset, file: "dataset.toml", line: nil, field: "dataset", kind: .missing,
                    contains: "missing [dataset] table")
        let province = try brokenCopy("province.toml") { $0.replacingOccurrences(of: "[list]\n", with: "[lists]\n") }
        assertError(province, file: "province.toml", line: nil, field: "list", kind: .missing,
                    contains: "missing [list] table")
    }

    func testBundledDataLoadsWithoutWarnings() throws {
        let loaded = try DatasetLoader.load(directory: bundledData)
        XCTAssertEqual(loaded.warnings, [])
    }

    func testUnknownDevelopmentType() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "type = 3\n", with: "type = 9\n") }
        let line = try lineNumber(in: dir + "/towns.toml", of: "type = 9")
        assertError(dir, file: "towns.toml", line: line, field: "town[4].type", kind: .unknownReference, contains: "9 is not a development type")
    }

    func testSyntaxErrorHasLineAndColumn() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 13.56", with: "value = 13.56.1") }
        let line = try lineNumber(in: dir + "/figures.toml", of: "13.56.1")
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.first?.line, line, errors.map(\.description).joined(separator: "\n"))
        XCTAssertNotNil(errors.first?.column)
        XCTAssertTrue(errors.first?.problem.hasPrefix("TOML syntax") == true)
    }

    func testUnknownTownInFigure() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "town = \"nanhu\"\nmeasure = \"completed\"", with: "town = \"nanhoo\"\nmeasure = \"completed\"") }
        let line = try lineNumber(in: dir + "/figures.toml", of: "nanhoo")
        assertError(dir, file: "figures.toml", line: line, field: nil, kind: .unknownReference, contains: "unknown town 'nanhoo'")
    }

    func testNegativeAmount() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 45.06", with: "value = -45.06") }
        let line = try lineNumber(in: dir + "/totals.toml", of: "-45.06")
        assertError(dir, file: "totals.toml", line: line, field: nil, kind: .badAmount, contains: "negative")
    }

    func testNaNAmount() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = nan") }
        assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "= nan"), field: nil, kind: .badAmount, contains: "not a finite number")
    }

    func testImpossiblePercentage() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 43.8", with: "value = 143.8") }
        assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "143.8"), field: nil, kind: .impossible, contains: "at most 100%")
    }

    func testMissingProvenance() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 89\nsource = \"paper\"", with: "value = 89") }
        assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "[[total]]", after: "measure = \"revenue\"") , field: nil, kind: .missing, contains: "no provenance")
    }

    func testUnknownSourceAndPeriod() throws {
        var dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 3.52\nsource = \"paper\"", with: "value = 3.52\nsource = \"papr\"") }
        assertError(dir, file: "figures.toml", line: try lineNumber(in: dir + "/figures.toml", of: "\"papr\""), field: nil, kind: .unknownReference, contains: "unknown source 'papr'")
        dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "period = \"2015-09\"\nvalue = 3.52", with: "period = \"2015-10\"\nvalue = 3.52") }
        assertError(dir, file: "figures.toml", line: try lineNumber(in: dir + "/figures.toml", of: "2015-10"), field: nil, kind: .unknownReference, contains: "not a period in dataset.toml")
    }

    func testDuplicateTownAndDuplicateFigure() throws {
        var dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "id = \"haiyan\"", with: "id = \"nanhu\"") }
        assertError(dir, file: "towns.toml", line: nil, field: "town[5].id", kind: .duplicate, contains: "duplicate town 'nanhu'")
        dir = try brokenCopy("figures.toml") { $0 + "\n[[figure]]\ntown = \"haiyan\"\nmeasure = \"plan_total\"\nvalue = 141\nsource = \"paper\"\n" }
        assertError(dir, file: "figures.toml", line: try lineNumber(in: dir + "/figures.toml", of: "value = 141") - 1, field: nil, kind: .duplicate, contains: "duplicate figure plan_total")
    }

    /// A town entered twice under another id (haining's block copied as "haining2") is refused as
    /// a duplicate id is: exit 15, naming the field, its line and the first one's line.
    func testDuplicateTownName() throws {
        let original = try String(contentsOfFile: bundledData + "/towns.toml", encoding: .utf8)
        let start = try XCTUnwrap(original.range(of: "[[town]]\nid = \"haining\""))
        let end = try XCTUnwrap(original.range(of: "\n[[town]]", range: start.upperBound..<original.endIndex))
        let block = String(original[start.lowerBound..<end.lowerBound])
        let copy = block.replacingOccurrences(of: "id = \"haining\"", with: "id = \"haining2\"")
        let dir = try brokenCopy("towns.toml") { $0 + "\n" + copy }
        let firstLine = try lineNumber(in: dir + "/towns.toml", of: "name_zh = \"海宁皮革时尚小镇\"")
        assertError(dir, file: "towns.toml", line: nil, field: "town[6].name_zh", kind: .duplicate,
                    contains: "duplicate town name '海宁皮革时尚小镇' (first at \(dir)/towns.toml:\(firstLine))")
        let enOnly = try brokenCopy("towns.toml") {
            $0 + "\n" + copy.replacingOccurrences(of: "name_zh = \"海宁皮革时尚小镇\"", with: "name_zh = \"海宁二\"")
                .replacingOccurrences(of: "reading = \"hai ning pi ge shi shang xiao zhen\"\n", with: "")
        }
        assertError(enOnly, file: "towns.toml", line: nil, field: "town[6].name_en", kind: .duplicate,
                    contains: "duplicate town name 'Haining Leather Fashion Town' (first at")
    }

    func testUnknownEntity() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "\"cnec\", ", with: "\"cnecc\", ") }
        assertError(dir, file: "towns.toml", line: try lineNumber(in: dir + "/towns.toml", of: "cnecc"), field: "town[5].entities", kind: .unknownReference, contains: "unknown entity 'cnecc'")
    }

    func testWrongType() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "type = 2\n", with: "type = \"two\"\n") }
        assertError(dir, file: "towns.toml", line: try lineNumber(in: dir + "/towns.toml", of: "\"two\""), field: "town[3].type", kind: .wrongType, contains: "expected an integer, found a string")
    }

    func testUnknownFieldIsAWarning() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "county_en = \"Jiashan\"", with: "county_en = \"Jiashan\"\ncountee = \"x\"") }
        let loaded = try DatasetLoader.load(directory: dir)
        let w = try XCTUnwrap(loaded.warnings.first)
        XCTAssertEqual(w.field, "town[3].countee")
        XCTAssertEqual(w.line, try lineNumber(in: dir + "/towns.toml", of: "countee"))
    }

    func testNotUTF8() throws {
        let dir = try brokenCopy("towns.toml") { $0 }
        var data = try Data(contentsOf: URL(fileURLWithPath: dir + "/towns.toml"))
        data.append(contentsOf: [0x0a, 0x23, 0xff, 0xfe, 0x0a])
        try data.write(to: URL(fileURLWithPath: dir + "/towns.toml"))
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n").count
        assertError(dir, file: "towns.toml", line: lines - 1, field: nil, kind: .notUTF8, contains: "not valid UTF-8")
    }

    func testMissingFileAndDirectoryInPlace() throws {
        var dir = try brokenCopy("towns.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/totals.toml")
        assertError(dir, file: "totals.toml", line: nil, field: nil, kind: .notFound, contains: "file not found")
        dir = try brokenCopy("towns.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/types.toml")
        try FileManager.default.createDirectory(atPath: dir + "/types.toml", withIntermediateDirectories: false)
        assertError(dir, file: "types.toml", line: nil, field: nil, kind: .notAFile, contains: "is a directory")
    }

    // MARK: - Classes of bad data and their exit codes

    func testEveryClassOfErrorHasADistinctExitCode() {
        let codes = LoadIssue.Kind.datasetErrors.map(\.exitCode)
        XCTAssertEqual(Set(codes).count, codes.count, "exit codes shared by two classes: \(codes)")
        for kind in LoadIssue.Kind.datasetErrors {
            // Not 0 (success), 1 (sheet errors), 2 (usage), 3 (terminal / cannot write), nor the
            // shell's 126-255 (cannot execute, signals).
            XCTAssertTrue((10...125).contains(kind.exitCode), "\(kind): \(kind.exitCode)")
        }
        XCTAssertEqual(LoadIssue.Kind.unknownField.exitCode, 0, "an unknown field is a warning")
        XCTAssertEqual(Set(LoadIssue.Kind.allCases).subtracting(LoadIssue.Kind.datasetErrors), [.unknownField, .sheet])
        // The table `towns check --help` and README print has a row per class.
        for kind in LoadIssue.Kind.datasetErrors {
            XCTAssertTrue(LoadIssue.Kind.exitCodeTable.contains("  \(kind.exitCode)  \(kind.summary)"), "\(kind)")
        }
    }

    func testMissingRequiredField() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "name_zh = \"桐乡毛衫时尚小镇\"\n", with: "") }
        // A missing field has no line of its own: the error names the record's header line.
        let line = try lineNumber(in: dir + "/towns.toml", of: "[[town]]", after: "id = \"haining\"")
        XCTAssertEqual(line, try lineNumber(in: dir + "/towns.toml", of: "id = \"tongxiang\"") - 1)
        assertError(dir, file: "towns.toml", line: line, field: "town[2].name_zh", kind: .missing, contains: "missing (required)")
    }

    func testInfiniteAmounts() throws {
        for written in ["inf", "+inf", "-inf"] {
            let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = \(written)") }
            assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "= \(written)"), field: nil,
                        kind: .badAmount, contains: "not a finite number")
        }
    }

    /// A float beyond what a decimal holds is an amount out of range, not "'NaN' is not a
    /// decimal number" (a tester's 1e300).
    func testAmountsBeyondADecimal() throws {
        for written in ["1e300", "-1e300", "5e-324"] {
            let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = \(written)") }
            assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "= \(written)"), field: nil,
                        kind: .badAmount, contains: "too large or too small for an amount")
        }
    }

    /// A float too small for a Double (`1e-400`) reads as 0 in the parser: it is an amount out
    /// of range, never loaded as a zero the file did not hold (wave 39). Zero written as zero
    /// (`0.0`, `0e-400`) still loads.
    func testAmountsTooSmallForAFloatAreNotLoadedAsZero() throws {
        for written in ["1e-400", "-1e-400", "2.5E-999", "0.000_1e-400"] {
            let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = \(written)") }
            assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "= \(written)"), field: nil,
                        kind: .badAmount, contains: "\(written) is too large or too small for an amount")
        }
        for written in ["0.0", "0e-400", "-0.0", "0.0e5"] {
            let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = \(written)") }
            let errors = loadErrors(dir).filter { $0.kind == .badAmount }
            XCTAssertTrue(errors.isEmpty, "\(written): \(errors.map(\.description))")
        }
    }

    /// The digits' error quoted the float, not the number written (`1e30` as
    /// `1000000000000000409600000000000 has 31 digits`, `1e-20` with 39 after): it quotes and
    /// counts the number as the file writes it (wave 39's fresh user).
    func testTheDigitsErrorQuotesTheNumberAsWritten() throws {
        for (written, whole, fraction) in [("1e30", 31, 0), ("1e-20", 0, 20), ("0.1234567890123456789", 0, 19),
                                           ("+1000e20", 24, 0)] {  // `_` is refused as such (W43WrittenFigureTests)
            let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = \(written)") }
            assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "= \(written)"), field: nil,
                        kind: .badAmount,
                        contains: "\(written) has \(whole) digits before the point and \(fraction) after")
        }
    }

    func testAmountWrittenAsTextThatIsNotANumber() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = \"32,5\"") }
        assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "\"32,5\""), field: nil,
                    kind: .wrongType, contains: "'32,5' is not a decimal number")
    }

    func testEmptyFile() throws {
        for content in ["", "\n  \n\t\n"] {
            let dir = try brokenCopy("figures.toml") { _ in content }
            assertError(dir, file: "figures.toml", line: nil, field: nil, kind: .empty, contains: "is empty")
        }
    }

    /// A 200 MB figures.toml (sparse: cheap to make) is refused by its size, before it is read:
    /// the load takes well under a second and does not grow the process by 200 MB.
    func testVeryLargeFileIsRefusedBySizeBeforeReading() throws {
        let dir = try brokenCopy("figures.toml") { $0 }
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: dir + "/figures.toml"))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        let start = Date()
        let errors = loadErrors(dir)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(errors.first?.kind, .tooLarge, errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors.first?.problem.contains("209715200 bytes") == true, errors.first?.description ?? "")
        XCTAssertTrue(errors.first?.file.hasSuffix("/figures.toml") == true)
        XCTAssertLessThan(seconds, 0.5, "a file refused by its size should cost a stat, not a read")
    }

    /// Root reads a file whatever its mode, so this runs only as another user; the end-to-end
    /// test `CommandLineTests.testUnreadableFileAsAnotherUser` runs `towns check` as nobody.
    func testUnreadableFile() throws {
        if geteuid() == 0 { throw XCTSkip("running as root, who reads a chmod 000 file; covered by CommandLineTests.testUnreadableFileAsAnotherUser (towns check as nobody)") }
        let dir = try brokenCopy("figures.toml") { $0 }
        chmod(dir + "/figures.toml", 0)
        defer { chmod(dir + "/figures.toml", 0o644) }
        assertError(dir, file: "figures.toml", line: nil, field: nil, kind: .unreadable, contains: "permission denied")
    }

    /// `ln -s a b; ln -s b a`: the loader says "symlink loop", not "file not found"; also for an
    /// optional file (which must not be skipped as absent) and for the monthly folder.
    func testSymlinkLoop() throws {
        var dir = try brokenCopy("figures.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/figures.toml")
        XCTAssertEqual(symlink("loop-b", dir + "/figures.toml"), 0)
        XCTAssertEqual(symlink("figures.toml", dir + "/loop-b"), 0)
        assertError(dir, file: "figures.toml", line: nil, field: nil, kind: .symlinkLoop, contains: "symlink loop")

        dir = try brokenCopy("figures.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/rules.toml")
        XCTAssertEqual(symlink("rules.toml", dir + "/rules.toml"), 0)
        assertError(dir, file: "rules.toml", line: nil, field: nil, kind: .symlinkLoop, contains: "symlink loop")

        dir = try brokenCopy("figures.toml") { $0 }
        XCTAssertEqual(symlink("monthly", dir + "/monthly"), 0)
        assertError(dir, file: "monthly", line: nil, field: nil, kind: .symlinkLoop, contains: "symlink loop")
    }

    func testSymbolicLinkToNothing() throws {
        let dir = try brokenCopy("figures.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/province.toml")
        XCTAssertEqual(symlink("/nonexistent/province.toml", dir + "/province.toml"), 0)
        assertError(dir, file: "province.toml", line: nil, field: nil, kind: .notFound,
                    contains: "is a symbolic link to '/nonexistent/province.toml', which does not exist")
    }

    /// A FIFO where a file should be is refused at once, saying what it is (it was "cannot be
    /// read (permission?)").
    func testFIFOIsRefusedWithoutWaiting() throws {
        let dir = try brokenCopy("figures.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/figures.toml")
        XCTAssertEqual(mkfifo(dir + "/figures.toml", 0o644), 0)
        let start = Date()
        assertError(dir, file: "figures.toml", line: nil, field: nil, kind: .notAFile, contains: "not a regular file")
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }

    func testDatasetFolderMissingOrAFile() throws {
        let missing = NSTemporaryDirectory() + "towns-test-missing-\(UUID().uuidString)"
        var errors = loadErrors(missing)
        XCTAssertEqual(errors.map(\.kind), [.notFound], errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors.first?.file, missing)
        let dir = try brokenCopy("figures.toml") { $0 }
        errors = loadErrors(dir + "/towns.toml")
        XCTAssertEqual(errors.map(\.kind), [.notAFile], errors.map(\.description).joined(separator: "\n"))
    }

    /// A monthly file that is a folder, and a monthly/ that is a file.
    func testMonthlyEntriesThatAreNotWhatTheyShouldBe() throws {
        var dir = try brokenCopy("figures.toml") { $0 }
        try FileManager.default.createDirectory(atPath: dir + "/monthly/2015-10.toml", withIntermediateDirectories: true)
        assertError(dir, file: "monthly/2015-10.toml", line: nil, field: nil, kind: .notAFile, contains: "is a directory")
        dir = try brokenCopy("figures.toml") { $0 }
        try "x".write(toFile: dir + "/monthly", atomically: true, encoding: .utf8)
        assertError(dir, file: "monthly", line: nil, field: nil, kind: .notAFile, contains: "is a file")
    }
}

/// Inputs the fuzzer (Fuzz/, .ci/fuzz) found, and their neighbours: each loads as an error
/// with its line, never a crash.
final class FuzzRegressionTests: XCTestCase {
    /// Every file in Fuzz/regressions/loader/, written in turn as each data file of a copy of
    /// Data/: the load returns (errors are expected), it does not crash.
    func testEveryLoaderRegressionInputLoadsWithoutCrashing() throws {
        let folder = repositoryRoot + "/Fuzz/regressions/loader"
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertFalse(inputs.isEmpty)
        for input in inputs {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + input))
            for file in DatasetLoader.fileNames + DatasetLoader.optionalFileNames + ["monthly/2015-10.toml"] {
                let dir = try brokenCopy("figures.toml") { $0 }
                try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
                try bytes.write(to: URL(fileURLWithPath: dir + "/" + file))
                _ = loadErrors(dir)  // must return
            }
        }
    }

    /// toml++ asserted (SIGABRT) on a table header whose first key character is not a key
    /// character: `[中]` (the fuzzer's find), `[é]`, `[!]`, a lone `[` (a header half typed).
    func testTableHeadersThatCrashedTheTOMLParser() throws {
        let cases: [(String, Int, Int)] = [
            ("[中", 1, 2), ("[中]\n", 1, 2), ("[[中]]\n", 1, 3), ("[ 中]\n", 1, 3), ("[\t中]\n", 1, 3), ("[é]\n", 1, 2),
            ("[!]\n", 1, 2), ("[=]\n", 1, 2), ("[.]\n", 1, 2), ("[#]\n", 1, 2), ("[{]\n", 1, 2), ("[\u{7f}]\n", 1, 2),
            ("[\n", 1, 2), ("[[ \n", 1, 4), ("[\r\n", 1, 2), ("\u{FEFF}[中]\n", 1, 2),
            ("[[figure]]\ntown = \"haining\"\n\n[小镇]\n", 4, 2),
        ]
        for (text, line, column) in cases {
            let dir = try brokenCopy("figures.toml") { _ in text }
            let errors = loadErrors(dir)
            let first = try XCTUnwrap(errors.first, text.debugDescription)
            XCTAssertEqual(first.kind, .syntax, "\(text.debugDescription): \(first)")
            XCTAssertEqual(first.line, line, "\(text.debugDescription): \(first)")
            XCTAssertEqual(first.column, column, "\(text.debugDescription): \(first)")
            XCTAssertTrue(first.problem.contains("a table header must start with a key"), first.description)
        }
    }

    /// TOMLKit passed the text on as a C string: everything after a NUL byte was dropped
    /// without a word. Now the NUL is a syntax error at its line and column.
    func testNULByteIsAnErrorNotAQuietEndOfFile() throws {
        let dir = try brokenCopy("figures.toml") { text in
            let cut = text.index(after: text.range(of: "\n[[figure]]")!.lowerBound)
            return String(text[..<cut]) + "# \u{0}\n" + String(text[cut...])
        }
        let text = try String(contentsOfFile: dir + "/figures.toml", encoding: .utf8)
        let line = text.unicodeScalars.prefix { $0 != "\u{0}" }.filter { $0 == "\n" }.count + 1
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.first?.kind, .syntax, errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors.first?.line, line)
        XCTAssertEqual(errors.first?.column, 3)
        XCTAssertTrue(errors.first?.problem.contains("NUL") == true)
    }

    /// An escaped NUL in a text (`\u0000`, `\U00000000`) was read by the parser and the text cut
    /// there on its way to Swift: `name_en = "Haining\u0000 Leather …"` loaded as `Haining`, exit 0
    /// (wave 39's fresh user). Now it is a syntax error at the escape; an escaped backslash before
    /// `u0000`, or `\u0000` in a literal string, is text and still loads.
    func testEscapedNULInATextIsAnErrorNotACutName() throws {
        for escape in ["\\u0000", "\\U00000000"] {
            let dir = try brokenCopy("towns.toml") {
                $0.replacingOccurrences(of: "name_en = \"Haining Leather Fashion Town\"",
                                        with: "name_en = \"Haining\(escape) Leather Fashion Town\"")
            }
            let line = try lineNumber(in: dir + "/towns.toml", of: "Haining\(escape)")
            let errors = loadErrors(dir)
            XCTAssertEqual(errors.first?.kind, .syntax, errors.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(errors.first?.line, line)
            XCTAssertEqual(errors.first?.column, 19, "at the backslash")
            XCTAssertEqual(errors.first?.field, "town[1].name_en")
            XCTAssertTrue(errors.first?.problem.contains("escaped NUL") == true, errors.first?.description ?? "")
            XCTAssertEqual(LoadFailure(issues: errors).exitCode, LoadIssue.Kind.syntax.exitCode)
        }
        for text in ["\"Haining\\\\u0000 Leather Fashion Town\"", "'Haining\\u0000 Leather Fashion Town'",
                     "\"Haining\\u0001 Leather Fashion Town\""] {
            let dir = try brokenCopy("towns.toml") {
                $0.replacingOccurrences(of: "name_en = \"Haining Leather Fashion Town\"", with: "name_en = \(text)")
            }
            XCTAssertEqual(loadErrors(dir).filter { $0.kind == .syntax }, [], text)
        }
    }

    /// The guard in front of the parser lets valid TOML through: nested arrays over several
    /// lines, multi-line strings with a `[中]` line, quoted and spaced headers.
    func testValidTOMLPassesTheGuard() throws {
        let dir = try brokenCopy("figures.toml") { text in
            text + """

            [[figure]]
            town = "haiyan"
            measure = "area_built"
            value = 1
            source = "paper"
            note = \"\"\"
            [中] a note over lines
            [!
            \"\"\"
            quote = '''
            [
            '''

            """
        }
        XCTAssertEqual(loadErrors(dir), [])
        let extra = try brokenCopy("rules.toml") { text in
            text + "\n[ \"中文\" ]\nx = [\n  [\n    1\n  ],\n  [ 2 ],\n]\n[ a . \"b\" ]\n"
        }
        let loaded = try DatasetLoader.load(directory: extra)
        XCTAssertEqual(loaded.warnings.map(\.field), ["a", "中文"], loaded.warnings.map(\.description).joined(separator: "\n"))
    }

    /// `[[figures]]` for `[[figure]]`: every figure would be left out without a word. An
    /// unknown top-level table is a warning (exit 0) naming the file, line and table.
    func testUnknownTopLevelTableIsAWarning() throws {
        // Beside the file's records, an unknown table is a warning naming its line and what the file holds.
        let extra = try brokenCopy("figures.toml") { $0 + "\n[[figures]]\ntown = \"haining\"\n" }
        let loaded = try DatasetLoader.load(directory: extra)
        let warning = try XCTUnwrap(loaded.warnings.first)
        XCTAssertEqual(warning.kind, .unknownField)
        XCTAssertEqual(warning.field, "figures")
        let extraLines = try String(contentsOfFile: extra + "/figures.toml", encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(warning.line, try XCTUnwrap(extraLines.firstIndex(of: "[[figures]]")) + 1)
        XCTAssertTrue(warning.problem.contains("this file holds [[figure]]"), warning.description)
        // Every record under the misspelt name: the file holds no [[figure]] record while towns.toml lists
        // towns, an error since wave 31 (every figure would have been unknown, `—`, without a word but
        // the warning), which names the unknown table's line too.
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "[[figure]]", with: "[[figures]]") }
        let lines = try String(contentsOfFile: dir + "/figures.toml", encoding: .utf8).components(separatedBy: "\n")
        let line = try XCTUnwrap(lines.firstIndex(of: "[[figures]]")) + 1
        XCTAssertThrowsError(try DatasetLoader.load(directory: dir)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("figures.toml:\(line): warning: figures: unknown table"), text)
            XCTAssertTrue(text.contains("this file holds [[figure]]"), text)
            XCTAssertTrue(text.contains("no [[figure]] records"), text)
        }
    }
}

final class LineEndingTests: XCTestCase {
    /// A file saved with Windows line ends (CR LF) still gets line numbers in its errors.
    func testCRLFFilesKeepLineNumbers() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "type = 3\n", with: "type = 9\n").replacingOccurrences(of: "\n", with: "\r\n") }
        let lines = try String(contentsOfFile: dir + "/towns.toml", encoding: .utf8).components(separatedBy: "\r\n")
        let line = lines.firstIndex { $0 == "type = 9" }! + 1
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.first?.line, line, errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors.first?.field, "town[4].type")
    }
}

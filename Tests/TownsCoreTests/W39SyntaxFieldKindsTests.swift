@testable import TownsCore
import Foundation
import TownsTestSupport
import XCTest

/// Wave 39 (a review finding of wave 38): the number and text fields a TOML syntax error's hint
/// is chosen by (`TOMLSyntaxContext.numberKeys`, `textKeys`) are written by hand beside the
/// loaders; each must be a field some loader reads. The loaders' own lists of fields are what an
/// unknown field's warning names (`LoadMessage.unknownField(known:)`), so a key is added to every
/// record of every bundled file and the lists named are gathered.
final class W39SyntaxFieldKindsTests: XCTestCase {
    /// Every field the loaders know: the union of the lists the unknown-field warnings name when
    /// `zz_not_a_field = 1` stands at the top of every file and after every `[..]`/`[[..]]` header.
    private func knownFields() throws -> Set<String> {
        let dir = try TemporaryFiles.copy(of: bundledData, name: "test",
                                          only: DatasetLoader.fileNames + DatasetLoader.optionalFileNames)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".toml") }
        XCTAssertGreaterThanOrEqual(files.count, 8, "\(files)")
        for file in files {
            let path = dir + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var out = ["zz_not_a_field = 1"]
            for line in text.components(separatedBy: "\n") {
                out.append(line)
                if line.hasPrefix("[") { out.append("zz_not_a_field = 1") }
            }
            try out.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        var issues = try DatasetLoader.load(directory: dir).warnings
        // The bundled problems.toml has no `[[flag]]` or `[[progress]]` record: one of each, with
        // only the added key, in a copy of their own (an error then, its warnings beside it).
        let more = try TemporaryFiles.copy(of: dir, name: "test",
                                           only: DatasetLoader.fileNames + DatasetLoader.optionalFileNames)
        let problems = try String(contentsOfFile: more + "/problems.toml", encoding: .utf8)
        try (problems + "\n[[flag]]\nzz_not_a_field = 1\n\n[[progress]]\nzz_not_a_field = 1\n")
            .write(toFile: more + "/problems.toml", atomically: true, encoding: .utf8)
        do {
            _ = try DatasetLoader.load(directory: more)
            XCTFail("a flag and a progress record without their fields should not load")
        } catch let failure as LoadFailure {
            issues += failure.issues
        }
        var known: Set<String> = []
        var warned = 0
        for w in issues {
            guard case let .unknownField(fields)? = w.message else { continue }
            XCTAssertEqual(w.field?.hasSuffix("zz_not_a_field"), true, w.description)
            warned += 1
            known.formUnion(fields)
        }
        XCTAssertGreaterThan(warned, 20, "the added key should be warned about in many records")
        return known
    }

    func testEveryNumberAndTextFieldOfTheSyntaxHintIsAFieldTheLoadersRead() throws {
        let known = try knownFields()
        let unknownNumbers = TOMLSyntaxContext.numberKeys.subtracting(known).sorted()
        let unknownTexts = TOMLSyntaxContext.textKeys.subtracting(known).sorted()
        XCTAssertEqual(unknownNumbers, [], "number fields no loader reads")
        XCTAssertEqual(unknownTexts, [], "text fields no loader reads")
        XCTAssertTrue(TOMLSyntaxContext.numberKeys.isDisjoint(with: TOMLSyntaxContext.textKeys),
                      "\(TOMLSyntaxContext.numberKeys.intersection(TOMLSyntaxContext.textKeys))")
    }
}

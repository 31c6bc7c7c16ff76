import Foundation
import TownsCore
import XCTest

/// Wave 34's fresh user (D): a town's id changed to another town's (`tongxiang` to `haining`) gave the
/// duplicate, then six follow-on errors (`unknown town 'tongxiang'` in figures.toml, province.toml and
/// reference.toml). The duplicate is reported once, with both lines, naming the references it
/// leaves unknown and how many, and not those six.
final class W34UiDuplicateTownTests: XCTestCase {
    func testADuplicateTownIsOneErrorNamingTheReferencesItLeavesUnknown() throws {
        var edited = false
        let dir = try brokenCopy("towns.toml") { text in
            edited = text.contains("id = \"tongxiang\"")
            return text.replacingOccurrences(of: "id = \"tongxiang\"", with: "id = \"haining\"")
        }
        XCTAssertTrue(edited)
        let lines = try String(contentsOfFile: dir + "/towns.toml", encoding: .utf8).components(separatedBy: "\n")
        let at = lines.indices.filter { lines[$0] == "id = \"haining\"" }.map { $0 + 1 }
        XCTAssertEqual(at.count, 2)
        let (firstLine, duplicateLine) = (at[0], at[1])
        XCTAssertThrowsError(try DatasetLoader.load(directory: dir)) { error in
            guard let failure = error as? LoadFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.errors.count, 1, failure.description)
            let issue = failure.errors[0]
            XCTAssertEqual(issue.kind, .duplicate)
            XCTAssertEqual(issue.line, duplicateLine)
            XCTAssertEqual(issue.field, "town[2].id")
            let en = issue.description(chinese: false)
            XCTAssertTrue(en.contains("duplicate town 'haining' (first at \(dir)/towns.toml:\(firstLine))"), en)
            XCTAssertTrue(en.contains("6 references in other files to 'tongxiang', not in towns.toml"), en)
            let zh = issue.description(chinese: true)
            XCTAssertTrue(zh.contains("小镇「haining」重复") && zh.contains("6 处引用的「tongxiang」"), zh)
        }
    }

    /// Without a duplicate, an unknown town is still an error of its own.
    func testAnUnknownTownWithoutADuplicateIsStillListed() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "id = \"tongxiang\"", with: "id = \"tongxiang2\"") }
        XCTAssertThrowsError(try DatasetLoader.load(directory: dir)) { error in
            let errors = (error as? LoadFailure)?.errors ?? []
            XCTAssertEqual(errors.count, 6, "\(errors)")
            XCTAssertTrue(errors.allSatisfy { $0.description.contains("unknown town 'tongxiang'") }, "\(errors)")
        }
    }
}

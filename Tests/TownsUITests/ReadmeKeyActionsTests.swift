import Foundation
@testable import TownsUI
import XCTest

/// README's list of the actions a config may bind is the key map's, in its order: a new action
/// without its line in README fails here (a fresh user found four missing).
final class ReadmeKeyActionsTests: XCTestCase {
    func testReadmeListsEveryBindableAction() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "Actions: `"), "README's list of actions")
        let rest = readme[start.upperBound...]
        let end = try XCTUnwrap(rest.firstIndex(of: "`"))
        let listed = rest[..<end].split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        XCTAssertEqual(listed, KeyNames.actions.map(\.name))
    }
}

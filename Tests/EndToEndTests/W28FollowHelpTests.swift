import Foundation
import XCTest

/// Wave 28 (a fresh user): `towns follow --help` listed `--view`, `--period`, `--town`, `--filter`
/// and `--resume` under OPTIONS, beside the paragraph saying follow refuses them (they came with the
/// dashboard's option group).
final class W28FollowHelpTests: XCTestCase {
    /// The five options the presenter chooses.
    static let presenterChosen = ["--view", "--period", "--town", "--filter", "--resume"]

    func testFollowsHelpListsNoOptionItRefuses() throws {
        let help = try helpWords(["follow", "--help"])
        let options = try XCTUnwrap(help.words.range(of: "OPTIONS:"), help.summary)
        let listed = help.words[options.upperBound...]
        for option in Self.presenterChosen {
            XCTAssertFalse(listed.contains(option), "\(option) is listed: \(help.summary)")
        }
        // What a follower does choose stays listed, and the paragraph saying the five are refused stays.
        for option in ["--data <DIR>", "--lang <lang>", "--theme <NAME|PATH>", "--no-color", "--mouse"] {
            XCTAssertTrue(listed.contains(option), "\(option) is not listed: \(help.summary)")
        }
        XCTAssertTrue(help.words.contains("--view, --period, --town, --filter and --resume are refused"), help.summary)
        // The dashboard's and the presenter's help still list them.
        for command in ["dashboard", "present"] {
            let other = try helpWords([command, "--help"])
            for option in Self.presenterChosen {
                XCTAssertTrue(other.words.contains(option), "\(command): \(option) is not listed: \(other.summary)")
            }
        }
    }
}

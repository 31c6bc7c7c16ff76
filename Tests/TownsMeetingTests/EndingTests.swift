import Foundation
@testable import TownsMeeting
import XCTest

/// An `end` says whether the presenter quit or its terminal was lost (wave 6): an optional
/// field, so a line without it, or with an ending this build does not know, is still an end.
final class EndingTests: XCTestCase {
    func end(_ ending: MeetingEnvelope<TestState>.Ending?) -> MeetingEnvelope<TestState> {
        var e = MeetingEnvelope<TestState>(kind: .end, sequence: 9, meeting: "m4", presenter: "lin",
                                           started: Date(timeIntervalSince1970: 1_764_621_600),
                                           dataFingerprint: "9f", payload: nil)
        e.ending = ending
        return e
    }

    func testTheEndingTravelsAndAnUnknownOneIsNone() throws {
        for ending: MeetingEnvelope<TestState>.Ending? in [.quit, .terminalLost, nil] {
            let line = try MeetingCodec.encode(end(ending))
            XCTAssertEqual(try MeetingCodec.decode(line, as: TestState.self).ending, ending)
        }
        let text = String(decoding: try MeetingCodec.encode(end(.terminalLost)), as: UTF8.self)
        XCTAssertTrue(text.contains("\"ending\":\"terminalLost\""), text)
        let unknown = text.replacingOccurrences(of: "terminalLost", with: "eatenByBears")
        let read = try MeetingCodec.decode(Array(unknown.utf8), as: TestState.self)
        XCTAssertEqual(read.kind, .end)
        XCTAssertNil(read.ending)
        XCTAssertNotEqual(MeetingGuest<TestState>.EndReason.presenterLost.description,
                          MeetingGuest<TestState>.EndReason.closed.description)
    }

    /// Wave 7: the status line says why the meeting ended in the reader's language only (a
    /// Chinese session saw English, an English one both).
    func testTheReasonIsInOneLanguage() {
        let reasons: [MeetingGuest<TestState>.EndReason] =
            [.closed, .presenterLost, .lost, .refused, .left, .failed("x"), .unreadable(zh: "某", en: "x")]
        for reason in reasons {
            let zh = reason.words(chinese: true), en = reason.words(chinese: false)
            XCTAssertNil(zh.range(of: "[a-wyz]{3,}", options: .regularExpression), zh)
            XCTAssertNil(en.range(of: "\\p{Han}", options: .regularExpression), en)
            XCTAssertEqual(reason.description, zh + " / " + en)
        }
    }
}

/// `towns follow x` where nobody has presented (no meetings folder at all) named an empty folder
/// (`no meeting named 'x' in `): it names the folders it looks for (wave 28's helper).
final class W28NoMeetingFolderTests: XCTestCase {
    func testNoMeetingNamesTheFoldersLookedForWhenThereAreNone() {
        XCTAssertThrowsError(try MeetingGuest<String>(name: "w28-none", folders: [])) { error in
            guard case let MeetingError.noMeeting(name, folder) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "w28-none")
            XCTAssertEqual(folder, MeetingFolder.defaultPrefix + "*")
        }
    }
}

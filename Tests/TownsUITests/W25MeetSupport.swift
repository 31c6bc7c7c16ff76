import Foundation
import TownsCore
import TownsUI
import XCTest

// Wave 25's meeting findings (F1-F4): what their tests share.

/// The presenter's session as it travels to followers (`sessionForFollowers`): encoded and decoded.
func w25Sent(_ presenter: AppState) throws -> Session {
    try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(presenter.sessionForFollowers))
}

/// `follower` given the presenter's latest session, with the same data on both sides.
func w25Followed(_ follower: AppState, _ presenter: AppState) throws -> AppState {
    update(follower, .meeting(.followed(try w25Sent(presenter), presenterData: "d", ownData: "d")))
}

/// A follower of root's meeting m3 on the bundled data (Jan-Sep 2015), in `language`.
func w25Follower(_ language: Language, width: Int = 80, height: Int = 24, view: Screen.Kind = .townList)
    throws -> AppState
{
    var f = try bundledState(width: width, height: height, period: "2015-09")
    f.language = language
    f = update(f, .showView(view))
    return update(f, .meeting(.joined(meeting: "m3", presenter: "root")))
}

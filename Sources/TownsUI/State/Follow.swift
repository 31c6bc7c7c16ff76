import TownsCore

/// A dashboard's part in a meeting (issue 16): presenting one, following one, or one that
/// ended. Kept in `AppState.meeting`, not in the session: it is this terminal's, and never sent.
public enum MeetingRole: Equatable, Sendable {
    /// Presenting meeting `name`; `followers` attached now, `otherData` of them showing their own
    /// data, which differs from this dashboard's (`MeetingHost.otherDataCount`), not its screen.
    case presenting(name: String, followers: Int, otherData: Int = 0)
    /// Following a presenter.
    case following(Following)
    /// The meeting `name` ended for this follower; `reason` as the status line says it.
    case ended(name: String, reason: String)
    /// This follower left the meeting `name` (`:follow off`): it browses alone; the meeting goes
    /// on (wave 29: the chip said `会议结束`, meeting ended).
    case left(name: String)
}

/// A follower's view of its meeting.
public struct Following: Equatable, Sendable {
    /// The meeting's name.
    public var meeting: String
    /// The presenter's user name.
    public var presenter: String
    /// Browsing alone (`f`); the presenter's sessions are kept in `latest` but not applied.
    public var detached = false
    /// The presenter's data fingerprint differs from this dashboard's: its sessions are not
    /// applied (the follower's own data stays shown, never a mix).
    public var dataDiffers = false
    /// The presenter's latest session (for followers), what `f` rejoins.
    public var latest: Session?

    public init(meeting: String, presenter: String) {
        self.meeting = meeting
        self.presenter = presenter
    }
}

/// What the meeting's front end (the executable's `MeetingLink`) and the meeting keys ask of
/// `update`: `Action.meeting`.
public enum MeetingAction: Equatable, Sendable {
    /// Presenting meeting `name`, with `followers` attached now, `otherData` of them on other data
    /// (sent at start and when either count changes).
    case presenting(name: String, followers: Int, otherData: Int = 0)
    /// Presenting stopped (`:present off`).
    case presentStopped
    /// Joined meeting `meeting` of `presenter`.
    case joined(meeting: String, presenter: String)
    /// The presenter's session (as sent: `Session.forFollowers`), with the presenter's data
    /// fingerprint and this dashboard's own.
    case followed(Session, presenterData: String, ownData: String)
    /// `f`: detach to browse alone, or rejoin at the presenter's current place.
    case toggleFollow
    /// The meeting ended for this follower (the presenter quit or crashed, or dropped it); why,
    /// as said, and in both languages where known (`both`: the status line words it when drawn);
    /// `shorter`: shorter forms, longest first, for a status line too narrow for `both` (the way
    /// back kept, the cause shortened: `Flash.shorterWords`).
    case ended(String, both: Bilingual? = nil, shorter: [Bilingual] = [])
    /// This follower left the meeting (`:follow off`; the guest's `.left`): said as information,
    /// in the interface's language (wave 29: a warning that the meeting ended, chip `会议结束`).
    case left
    /// Starting or joining a meeting failed: why (a warning on the status line).
    case failed(String)
    /// What a meeting request did, for the status line ("cycling: a view every 30 s").
    case notice(String)
    /// The wall screen's playlist (`--cycle`, `:cycle`): show its next view.
    case cycleStep
    /// `P`: the presentation layout on or off (`Session.presentation`).
    case togglePresentation
}

/// A view in the wall screen's playlist (`towns present --cycle 30s`, `:cycle`).
public enum CycleStop: String, Equatable, Sendable, CaseIterable {
    /// The towns view, every town.
    case towns
    /// The towns view, towns behind schedule only.
    case behind
    case types, entities, assessment, province

    /// The playlist when the configuration names none.
    public static let standard: [CycleStop] = [.towns, .behind, .types, .assessment]

    /// The top view it shows, and whether the towns are filtered to those behind schedule.
    var view: (kind: Screen.Kind, behind: Bool) {
        switch self {
        case .towns: return (.townList, false)
        case .behind: return (.townList, true)
        case .types: return (.typeList, false)
        case .entities: return (.entityList, false)
        case .assessment: return (.assessment, false)
        case .province: return (.province, false)
        }
    }
}

extension Session {
    /// The towns view's bar width in the presentation layout, in columns (`presentation`).
    public static let presentationBarWidth = 30

    /// What followers are sent: this session without the command line, its history and
    /// completion, the help, the message, and a search still being typed (its query, and the
    /// rows a narrowing search (`&`) keeps while typed; the selection it moved is kept).
    public var forFollowers: Session {
        var s = self
        s.commandLine = nil
        s.history = []
        s.completion = nil
        s.showHelp = false
        s.helpScroll = 0
        s.flash = nil
        if s.search?.editing == true {
            s.search = nil
            // The list being narrowed as the query is typed (`&`, Ctrl-F) is sent every row.
            if let top = s.stack.indices.last { s.stack[top].narrow = nil }
        }
        return s
    }
}

extension AppState {
    /// Whether this dashboard follows a presenter now (not detached, same data): then the keys
    /// that move around are not applied (`followerRefuses`), the presenter's place is shown.
    public var isFollowingPresenter: Bool {
        if case .following(let f) = meeting { return !f.detached && !f.dataDiffers }
        return false
    }
}

/// Applies a meeting action to `state` (`before`: the state before `advance` cleared the
/// message). What the presenter or the followers' count do is not the user's action: the
/// message on the status line stays.
func meetingStep(_ state: AppState, _ action: MeetingAction, before: AppState) -> AppState {
    var s = state
    switch action {
    case .presenting, .followed: s.session.flash = before.session.flash
    // The playlist's step is the wall screen's next action: it clears the previous step's
    // message ("filter: behind — 3 towns" is not said of the types view); a warning stays.
    case .cycleStep where before.session.flash?.level == .warning: s.session.flash = before.session.flash
    default: break
    }
    switch action {
    case let .presenting(name, followers, otherData):
        if s.meeting == nil { s.say(Catalogue.presentingMeeting(name)) }
        // More followers on other data than before: said as a warning (and kept in `:messages`), the
        // chip counting only those who see this screen (wave 34's fresh user).
        var earlier = 0
        if case let .presenting(_, _, n)? = s.meeting { earlier = n }
        if otherData > earlier {
            s.session.flash = Flash(Catalogue.followersOnOtherData(otherData), in: s.language, level: .warning)
        } else if otherData < earlier, let flash = s.session.flash,
                  flash.text == s.tr(Catalogue.followersOnOtherData(earlier)) {
            // The warning stood while a follower on other data rejoined onto this one's: it no longer holds
            // (wave 34's second fresh user saw it beside `1 人跟随`).
            s.session.flash = otherData == 0 ? Flash(Catalogue.followersAllOnYourData, in: s.language)
                : Flash(Catalogue.followersOnOtherData(otherData), in: s.language, level: .warning)
        }
        s.meeting = .presenting(name: name, followers: followers, otherData: otherData)
    case .presentStopped:
        s.meeting = nil
        s.say(Catalogue.meetingClosed)
    case let .joined(meeting, presenter):
        s.meeting = .following(Following(meeting: meeting, presenter: presenter))
        s.say(Catalogue.followingMeeting(presenter, meeting, s.keyName(.meeting(.toggleFollow))))
    case let .followed(session, presenterData, ownData):
        guard case .following(var f) = s.meeting else { return s }
        let differed = f.dataDiffers
        let previous = f.latest
        f.latest = session
        f.dataDiffers = presenterData != ownData
        s.meeting = .following(f)
        if f.dataDiffers {
            // Said once when it starts; the status line keeps saying it.
            if !differed {
                s.session.flash = Flash(Catalogue.meetingDataDiffers(f.presenter), in: s.language, level: .warning)
            }
            return s
        }
        // The data agrees again (this dashboard or the presenter reloaded): the warning that
        // said it differs (or that `f` cannot rejoin) is no longer true, so it goes (another
        // message stays).
        if differed, let flash = s.session.flash, flash.level == .warning,
           [Catalogue.meetingDataDiffers(f.presenter), Catalogue.cannotRejoinDataDiffers(f.presenter)]
               .contains(where: { $0 == flash.words }) {
            s.session.flash = nil
        }
        if !f.detached {
            // The joining message and the rejoining one (`f` again) are said once: the presenter's
            // first move after them ends them (the hint line's chip keeps saying whom this
            // follows), and the legend shows again (wave 25, F1: "following root again" stayed
            // for the rest of the meeting, the legend with it).
            let said = [Catalogue.followingMeeting(f.presenter, f.meeting, s.keyName(.meeting(.toggleFollow))),
                        Catalogue.rejoined(f.presenter)].map { s.tr($0) }
            if let previous, !differed, previous != session, let shown = s.message, said.contains(shown) {
                s.message = nil
            }
            // So is "data reloaded" (with its count of warnings): a follower's next key never comes
            // in a meeting, so the presenter's move is the next action that ends it (wave 26's
            // fresh user, F4: it stood for the rest of the meeting, and the legend with it). A
            // warning (the period shown gone, records lost) stays, as under the cycle.
            if let previous, previous != session, let flash = s.session.flash, flash.level != .warning,
               flash.text.hasPrefix(s.tr(Catalogue.dataReloaded)) {
                s.session.flash = nil
            }
            s = following(s, session)
        }
    case .toggleFollow:
        guard case .following(var f) = s.meeting else {
            // `f` has nothing to rejoin: said so, with the way to a meeting, `:follow NAME` (wave 30's
            // fresh user: it repeated why the meeting ended, or that this follower left).
            if case .ended(let name, _) = s.meeting {
                s.say(Catalogue.nothingToRejoinEnded(name, s.keyName(.meeting(.toggleFollow))))
            } else if case .left(let name) = s.meeting {
                s.say(Catalogue.nothingToRejoinLeft(name, s.keyName(.meeting(.toggleFollow))))
            } else {
                s.say(Catalogue.notFollowingAMeeting)
            }
            return s
        }
        if f.dataDiffers, !f.detached {
            // Already browsing alone while the data differs: `f` says again why and what to do, and
            // stays following, so it follows by itself once the data agrees (wave 29's fresh user:
            // presses alternated "browsing alone (f rejoins)" and "cannot follow").
            s.session.flash = Flash(Catalogue.cannotRejoinDataDiffers(f.presenter), in: s.language, level: .warning)
            return s
        }
        f.detached.toggle()
        s.meeting = .following(f)
        if !f.detached, f.dataDiffers {
            // Rejoining cannot show the presenter's place while the data differs: said, with what
            // to do; it follows by itself once the data agrees (wave 29: it said "following again").
            s.session.flash = Flash(Catalogue.cannotRejoinDataDiffers(f.presenter), in: s.language, level: .warning)
        } else if f.detached {
            s.say(Catalogue.browsingAlone(s.keyName(.meeting(.toggleFollow)), f.presenter))
        } else {
            s.say(Catalogue.rejoined(f.presenter))
            if let latest = f.latest, !f.dataDiffers { s = following(s, latest) }
        }
    case let .ended(reason, both, shorter):
        switch s.meeting {
        case .following(let f): s.meeting = .ended(name: f.meeting, reason: reason)
        case .presenting(let name, _, _): s.meeting = .ended(name: name, reason: reason)
        default: break
        }
        s.session.flash = both.map { Flash($0, in: s.language, level: .warning) } ?? Flash(reason, level: .warning)
        if !shorter.isEmpty { s.session.flash?.shorterWords = shorter }
    case .left:
        guard case .following(let f) = s.meeting else { break }
        s.meeting = .left(name: f.meeting)
        s.say(Catalogue.leftMeeting(f.meeting))
    case let .failed(why):
        s.session.flash = Flash(why, level: .warning)
    case let .notice(text):
        s.message = text
    case .cycleStep:
        s = cycled(s)
    case .togglePresentation:
        s.session.presentation.toggle()
        s.say(s.session.presentation ? Catalogue.presentationOn : Catalogue.presentationOff)
    }
    return s
}

/// `state` showing the presenter's place: its view stack, period, filter, sort, search and
/// selections; this dashboard's size, language, theme, help and command line kept. Each list's
/// selection goes to the row that opens what the presenter's opens (`Screen.selected`), and
/// each screen is clamped to this terminal's size.
func following(_ state: AppState, _ presenter: Session) -> AppState {
    var s = state
    s.session.stack = presenter.stack.filter { stillThere($0.kind, in: s.dataset) }
    if s.session.stack.isEmpty { s.session.stack = [Screen(AppState.topViews[0])] }
    if let id = presenter.periodID, s.facts.periodPositions[id] != nil { s.session.periodID = id }
    s.session.filter = presenter.filter
    s.session.search = presenter.search
    s.session.searchOrigin = presenter.searchOrigin
    // The changes view's earlier period (`:changes 2015-08`) is the presenter's too: without it a
    // follower compared another pair under the same title (wave 25, F3: Δ since September on the
    // follower's row where the presenter said "since August").
    s.session.changesFrom = presenter.changesFrom
    // A sort chooser this follower opened browsing alone (or while its data differed) closes:
    // the presenter's order is shown, and a chooser left open would take the next key.
    s.session.sortChooser = nil
    return reselected(anchored(s))
}

/// The next view of the playlist after the one shown (the first when the one shown is not in it),
/// each view with the sort it had (`showingTopView`; wave 25, F2: the towns view came back in the
/// data's order). Where the presenter was before the first step (views, period, sorts, filter,
/// selections) and what each step leaves are kept in `AppState.cycleOrigin`, for `:cycle off` to
/// give back (`uncycled`).
func cycled(_ state: AppState) -> AppState {
    var s = state
    let behindBefore = s.cycleOrigin?.behindSchedule ?? s.filter.behindSchedule
    let place = s.cycleOrigin?.place ?? CycleOrigin.Place(s.session)
    let stops = s.cycleStops.isEmpty ? CycleStop.standard : s.cycleStops
    let now = stops.firstIndex { $0.view.kind == s.stack[0].kind && $0.view.behind == s.filter.behindSchedule }
    let next = stops[now.map { ($0 + 1) % stops.count } ?? 0]
    s = showingTopView(s, next.view.kind)
    s.showHelp = false
    if s.filter.behindSchedule != next.view.behind {
        s.filter.behindSchedule = next.view.behind
        let said = s.session.flash
        s = refiltered(s)
        // The filter's own "filter: behind — 3 towns" took the legend's place for the whole step
        // (wave 24's F9: the room saw ▼ unexplained); the breadcrumb's chip says the filter. A warning stays.
        if s.session.flash?.level != .warning { s.session.flash = said }
    }
    // What the step leaves, its selections named as every action's are (`withSelectionNamed`), so
    // `:cycle off` finds the place unmoved when the presenter did not move.
    s = withSelectionNamed(s, before: state)
    s.cycleOrigin = CycleOrigin(
        behindSchedule: behindBefore, left: s.filter, place: place, leftPlace: CycleOrigin.Place(s.session))
    return s
}

/// Where the presenter was before the wall screen's playlist first stepped, and what its last
/// step left (`AppState.cycleOrigin`).
struct CycleOrigin: Equatable, Sendable {
    /// The views open, the period and the top views' kept sorts: each screen with its sort,
    /// selection, scroll and narrowing (`Session.stack`, `periodID`, `viewSorts`).
    struct Place: Equatable, Sendable {
        var stack: [Screen]
        var periodID: String?
        var viewSorts: [ViewSort]?
        init(_ session: Session) {
            (stack, periodID, viewSorts) = (session.stack, session.periodID, session.viewSorts)
        }
    }
    /// `TownFilter.behindSchedule` before the playlist's first step.
    var behindSchedule: Bool
    /// The filter as the playlist's last step left it.
    var left: TownFilter
    /// The place before the playlist's first step.
    var place: Place
    /// The place as the playlist's last step left it.
    var leftPlace: Place
}

/// `state` when the playlist stops (`:cycle off`): where the presenter was before the playlist's
/// first step: the views open (each with its sort, selection, scroll), the period and the
/// towns-behind filter (wave 25, F2: stopped on the behind step, the presenter and every follower
/// were left on "filter: behind"; wave 26: on the types view where the presenter had a town's
/// row selected in the sorted towns view). What the presenter changed since the last step is
/// theirs and stays: the filter when they changed it, the views and period when they moved
/// (a key, a period, a view). A screen whose subject a reload took away is left out, and each
/// list's selection found again (`reselected`).
func uncycled(_ state: AppState) -> AppState {
    var s = state
    guard let origin = s.cycleOrigin else { return s }
    s.cycleOrigin = nil
    let unmoved = CycleOrigin.Place(s.session) == origin.leftPlace
    if s.filter == origin.left, s.filter.behindSchedule != origin.behindSchedule {
        s.filter.behindSchedule = origin.behindSchedule
        s = refiltered(s)
    }
    if unmoved, origin.place != origin.leftPlace {
        let stack = origin.place.stack.filter { stillThere($0.kind, in: s.dataset) }
        if !stack.isEmpty { s.session.stack = stack }
        if let id = origin.place.periodID, s.facts.periodPositions[id] != nil { s.session.periodID = id }
        s.session.viewSorts = origin.place.viewSorts
        s = reselected(s)
    }
    return s
}

/// Whether a follower following its presenter refuses `action` (it moves around: the
/// presenter drives). Help, language, theme, export, the command line's own keys, quitting and
/// `f` stay the follower's; so does the message log it opened (`M`): Esc closes it and the
/// scrolling keys scroll it (Esc was refused, the log stayed over the presenter's screen).
///
/// Every key that would re-order, narrow or move the follower's list is refused here, the
/// prompts that lead to it too: `/`, `&` and the sort chooser (`>`, `<`) open nothing (wave 23:
/// `>` `3` re-sorted a follower still "following", and `&` opened a prompt whose keys, Esc
/// included, were all refused). With the help shown only the keys that scroll or close it act
/// (`]`, `1`, `s` changed the place hidden under it). Esc closing a prompt the follower has
/// open is never refused.
func followerRefuses(_ state: AppState, _ action: Action) -> Bool {
    guard state.isFollowingPresenter else { return false }
    if state.screen.kind == .messages, !state.showHelp {
        switch action {
        case .back, .moveUp, .moveDown, .pageUp, .pageDown, .first, .last: return false
        default: break
        }
    }
    switch action {
    case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .open, .back:
        return !state.showHelp  // with the help shown, these scroll or close it
    case let .mouse(event):
        // The wheel scrolls the help; a click would select a row or a tab under it.
        return !(state.showHelp && (event.kind == .wheelUp || event.kind == .wheelDown))
    case .searchKey(.escape), .sortChooserKey(.escape):
        return false  // a prompt open is closed (it shows only the follower's own typing)
    case .nextView, .previousView, .showView, .nextPeriod, .previousPeriod, .startSearch, .startNarrowing,
        .nextMatch, .previousMatch, .sortNextColumn, .sortReverse, .chooseSort, .sortChooserKey,
        .toggleBehindFilter, .clearFilter, .searchKey:
        return true
    case let .runCommand(text):
        let word = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return !followerCommands.contains(word)
    default:
        return false
    }
}

/// The commands a follower following its presenter may run (typed at `:` or as
/// `Action.runCommand`): those of the keys it keeps (language, theme, help, export, messages,
/// quit), `:columns` (a message) and the meeting's own. The others move around, as the keys
/// `followerRefuses` refuses, and are refused with the same message.
let followerCommands: Set<String> = [
    "lang", "language", "theme", "help", "?", "quit", "q", "export", "present", "follow", "cycle",
    "messages", "mes", "columns", "cols", "列",
]

/// `state` refusing a follower's key or command: the presenter drives; `f` browses alone.
func refusedWhileFollowing(_ state: AppState) -> AppState {
    var s = state
    s.say(Catalogue.presenterDrives(s.keyName(.meeting(.toggleFollow))))
    return s
}

extension Catalogue {
    static func presentingMeeting(_ name: String) -> Bilingual {
        let typed = shellWord(name)
        return Bilingual(
            "正在主持会议 \(name)（他人可用 towns follow \(typed) 跟随）",
            "presenting meeting \(name) (others: towns follow \(typed))")
    }

    /// `word` as a shell takes it as one argument: as it is where it holds no blank, quote or
    /// character a shell reads (`周例会`, `weekly-2`), else in single quotes (`'周例会 第3次'`;
    /// a `'` in it as `'\''`). Meeting names may hold any of them since wave 21.
    static func shellWord(_ word: String) -> String {
        let special = Set(" \t'\"\\$`!&|;<>()[]{}*?#~")
        guard word.contains(where: { special.contains($0) }) || word.isEmpty else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    static let meetingClosed = Bilingual("会议已关闭", "meeting closed")
    static func followingMeeting(_ presenter: String, _ meeting: String, _ key: String) -> Bilingual {
        Bilingual(
            "跟随 \(presenter) 的会议 \(meeting)（\(key) 独自浏览）",
            "following \(presenter)'s meeting \(meeting) (\(key) to browse alone)")
    }
    /// Said once when the presenter's data fingerprint differs from this follower's: it is not
    /// following, why, and what to do. It fits 78 columns with a presenter's name of up to five
    /// letters (a longer one: the end is cut, `:messages` keeps it whole). The one before wave 28
    /// ("the presenter's data differs from yours: your own data is shown (another --data, …)") lost
    /// what to do to the cut at 80 columns and never said the follower was not following.
    static func meetingDataDiffers(_ presenter: String) -> Bilingual {
        Bilingual("未跟随 \(presenter)，独自浏览：其数据与本机不同；用相同的 --data 即可跟随",
                  "browsing alone: \(presenter)'s data differs from yours; use the same --data to follow")
    }
    static let notFollowingAMeeting = Bilingual(
        "未跟随会议（:follow 名称，towns meetings 列出会议）",
        "not following a meeting (:follow NAME; towns meetings lists them)")
    static func browsingAlone(_ key: String, _ presenter: String) -> Bilingual {
        Bilingual("独自浏览（\(key) 回到 \(presenter) 的位置）", "browsing alone (\(key) rejoins \(presenter))")
    }
    static func rejoined(_ presenter: String) -> Bilingual {
        Bilingual("重新跟随 \(presenter)", "following \(presenter) again")
    }
    /// The help's heading, for a follower, over the keys and commands the presenter drives.
    static func helpPresentersKeys(_ key: String) -> Bilingual {
        Bilingual("跟随时以下由主持人操作（按 \(key) 独自浏览后可用）：",
                  "While following, the presenter drives these (usable after \(key), browsing alone):")
    }
    static func presenterDrives(_ key: String) -> Bilingual {
        Bilingual("主持人在操作（\(key) 独自浏览）", "the presenter drives (\(key) to browse alone)")
    }
    /// The presenter's chip: meeting `name` and its `n` followers. The count is never joined to
    /// the name by a character a name holds: `·` is one (`例会·嘉兴`) and the ASCII set draws it
    /// `-`, so `lc·0 following` read `lc-0 following` under LANG=C, a meeting named `lc-0`
    /// (wave 28's fresh user); a colon ends the name, and the count stands by its word.
    static func badgePresenting(_ name: String, _ n: Int) -> Bilingual {
        Bilingual("会议 \(name)：\(n) 人跟随", "meeting \(name): \(n) following")
    }
    /// As `badgePresenting` where `other` more followers are attached on other data (their own
    /// screens, not this one's: `MeetingRole.presenting`'s `otherData`): `n` counts only those who
    /// follow. "会议 m2：0 人跟随，1 人数据不同" / "meeting m2: 0 following, 1 on other data".
    static func badgePresenting(_ name: String, _ n: Int, other: Int) -> Bilingual {
        other == 0 ? badgePresenting(name, n)
            : Bilingual("会议 \(name)：\(n) 人跟随，\(other) 人数据不同", "meeting \(name): \(n) following, \(other) on other data")
    }
    /// The presenter's word once the last follower on other data is on its data (or gone).
    static let followersAllOnYourData = Bilingual("跟随者的数据现已与你相同", "every follower is on your data now")
    /// The presenter's warning when followers join on other data than its own (or its data changes
    /// under them): they see their own data, not this screen; `n` in all now.
    static func followersOnOtherData(_ n: Int) -> Bilingual {
        Bilingual("\(n) 位跟随者的数据与你不同，看不到你的画面（请用相同 --data）",
                  "\(n) follower\(n == 1 ? "" : "s") on other data: not seeing your screen (use the same --data)")
    }
    /// As `badgePresenting`, short, where the full chip would push the meeting's keys off the hint
    /// line: the count with its word (`会议 m7：1人`, `1 following m7`). Before wave 34 the Chinese
    /// read `会议 m7:1`, a name and a bare number (wave 34's fresh user read `会议 f2mtg2:0` as a code).
    /// With `other` followers on other data, every short form says how many (`会议 m7：0人+1不同`,
    /// `0 following m7 +1 other`): wave 35's fresh user, at 80 columns, saw the warning once on the
    /// status line and then only `会议 m1：0人`, nothing of the colleague left behind.
    static func badgePresentingShort(_ name: String, _ n: Int, other: Int = 0) -> Bilingual {
        let more = otherDataShort(other)
        return Bilingual("会议 \(name)：\(n)人" + more.zh, "\(n) following \(name)" + more.en)
    }
    /// The form the meeting's name is cut in (`会议 weekly-rev…：1人`, `1 following weekly-rev…`):
    /// the short one's since wave 34 (before, `meeting lc: 1`, a bare count, as `会议 lc:1`).
    static func badgePresentingShortest(_ name: String, _ n: Int, other: Int = 0) -> Bilingual {
        badgePresentingShort(name, n, other: other)
    }
    /// As `badgePresentingShort`, without the meeting's name (a long one would push a key off):
    /// `会议1人`, `1 following` (before wave 34 the Chinese read `会议:1`; no blank, so it fits beside
    /// the arrows and q with a filter on at 80 columns).
    static func badgePresentingNameless(_ n: Int, other: Int = 0) -> Bilingual {
        let more = otherDataShort(other)
        return Bilingual("会议\(n)人" + more.zh, "\(n) following" + more.en)
    }
    /// The short chips' count of followers on other data: nothing when none.
    static func otherDataShort(_ other: Int) -> Bilingual {
        other == 0 ? Bilingual("", "") : Bilingual("+\(other)不同", " +\(other) other")
    }
    static func badgeFollowing(_ presenter: String) -> Bilingual {
        Bilingual("跟随 \(presenter)", "following \(presenter)")
    }
    /// Browsing alone in a meeting: the meeting, its presenter, and the key that rejoins (`key`).
    static func badgeDetached(_ meeting: String, _ presenter: String, _ key: String) -> Bilingual {
        Bilingual("独自浏览（会议 \(meeting)，主持人 \(presenter)；\(key) 回到会议）",
                  "browsing alone (meeting \(meeting), presenter \(presenter); \(key) rejoins)")
    }
    /// The follower's chip while the presenter's data differs: browsing alone, and why; with what
    /// to do where it costs no key hint (`badgeDataDiffersShort` else). Before wave 28 it read
    /// `data differs: your own`, which never said the follower was not following.
    static let badgeDataDiffers = Bilingual(
        "独自浏览：主持人数据不同（用相同 --data）", "alone: presenter's data differs (use the same --data)")
    /// As `badgeDataDiffers`, short.
    static let badgeDataDiffersShort = Bilingual("独自浏览：数据不同", "alone: data differs")
    static let presentationOn = Bilingual(
        "演示版式：进度条加宽，列减少（P 恢复）", "presentation layout: wider bars, fewer columns (P: back)")
    static let presentationOff = Bilingual("常规版式", "usual layout")
    static let badgeEnded = Bilingual("会议已结束", "meeting ended")
    static let usagePresent = Bilingual(
        "用法：:present [名称|off]", "usage: :present [NAME|off]")
    static let usageCycle = Bilingual("用法：:cycle [秒数如 30s|off]", "usage: :cycle [SECONDS such as 30s|off]")
}

/// What a meeting command asks the front end to do (`Effect.meeting`); the front end reports
/// back with `Action.meeting`.
public enum MeetingRequest: Equatable, Sendable {
    /// Start presenting (`:present [NAME]`); nil: the default name.
    case present(String?)
    /// Stop presenting (`:present off`).
    case stopPresenting
    /// Follow meeting NAME (`:follow [NAME]`); nil: the only open meeting.
    case follow(String?)
    /// Leave the meeting followed (`:follow off`).
    case leave
    /// Step through the playlist every `seconds` (`:cycle 30s`); nil: stop (`:cycle off`).
    case cycle(seconds: Double?)
}

/// The meeting commands (`:present`, `:follow`, `:cycle`); nil when `name` is none of them.
func meetingCommand(_ state: AppState, _ name: String, _ args: [String]) -> AppState? {
    var s = state
    let word = args.first
    switch name {
    case "present", "follow":
        // The rest of the line is the name (`周例会 第3次`), quotes around it honoured (wave 22, F14).
        let usage = name == "present" ? Catalogue.usagePresent : Catalogue.usageFollow
        guard let named = meetingName(args) else { s.say(usage); return s }
        let request: MeetingRequest = name == "present"
            ? named == "off" ? .stopPresenting : .present(named.isEmpty ? nil : named)
            : named == "off" ? .leave : .follow(named.isEmpty ? nil : named)
        s.outbox.append(.meeting(request))
    case "cycle":
        if word == "off" {
            s = uncycled(s)
            s.outbox.append(.meeting(.cycle(seconds: nil)))
            return s
        }
        guard let seconds = cycleSeconds(word ?? "30s") else { s.say(Catalogue.usageCycle); return s }
        s.outbox.append(.meeting(.cycle(seconds: seconds)))
    default:
        return nil
    }
    return s
}

/// The meeting's name in a meeting command's arguments: the rest of the line, its words joined
/// by one blank (`周例会 第3次`), without the quotes around it (`"周例会 第3次"`, `'…'`, `“…”`);
/// "" for none; nil for quotes around nothing or a quote not closed.
func meetingName(_ args: [String]) -> String? {
    let rest = args.joined(separator: " ")
    guard let first = rest.first else { return "" }
    let pairs: [Character: Character] = ["\"": "\"", "'": "'", "“": "”", "「": "」"]
    guard let close = pairs[first] else { return rest }
    guard rest.count >= 2, rest.last == close else { return nil }
    let inner = String(rest.dropFirst().dropLast())
    return inner.trimmingCharacters(in: .whitespaces).isEmpty ? nil : inner
}

/// "30s", "30", "2m" in seconds (1 s to 1 day); nil for anything else.
public func cycleSeconds(_ text: String) -> Double? {
    var digits = Substring(text)
    var unit = 1.0
    if digits.hasSuffix("s") { digits = digits.dropLast() } else if digits.hasSuffix("m") {
        digits = digits.dropLast()
        unit = 60
    }
    guard let n = Double(digits), n.isFinite, n * unit >= 1, n * unit <= 86400 else { return nil }
    return n * unit
}

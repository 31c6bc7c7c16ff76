import Foundation
import TownsCore
import TownsMeeting
import TownsTerminal
import TownsUI

#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's end of a meeting (issue 16): the `MeetingHost` it presents with, or the
/// `MeetingGuest` it follows with, and the wall screen's playlist. What happens reaches the
/// session only as `Action.meeting` through `update`; what the dashboard asks for arrives as
/// `Effect.meeting`. Used on the dashboard's loop thread only.
final class MeetingLink {
    /// A follower polls for the presenter's updates at least this often, in milliseconds (the
    /// key wait's timeout while following), so an update is shown within it of arriving.
    static let followPollMilliseconds = 15

    private var host: MeetingHost<Session>?
    private var guest: MeetingGuest<Session>?
    /// The meeting `guest` follows, for the way back once it ends (`:follow NAME`).
    private var guestMeeting: String?
    private var lastSent: Session?
    private var lastFollowers = -1
    private var lastOtherData = -1
    /// The data fingerprint this follower last told its presenter (`MeetingGuest.announce`).
    private var announced: String?
    private var lastEnded: MeetingGuest<Session>.Status?
    /// The meeting's group (`--group`); nil: the process's effective group.
    private let group: gid_t?
    /// The data directory, for the data fingerprint.
    private let directory: String
    /// The data fingerprint (`fingerprint`), worked out at the first meeting's use, not at start:
    /// it reads every data file (14 MB at 10,000 x 60: ~5 ms of the first screen's main thread
    /// for a dashboard that never presents nor follows).
    private var dataKey: String?
    private var dataFacts: Facts?
    /// The presenter's last update followed and the data fingerprint it came with, compared
    /// again when this dashboard's own data reloads.
    private var lastFollowed: (session: Session, dataFingerprint: String)?
    /// The playlist's interval in seconds; nil: not cycling.
    private var cycleSeconds: Double?
    private var lastActivity = ContinuousClock.now
    private var lastCycle = ContinuousClock.now

    /// - Parameters:
    ///   - directory: the data folder (its files' names and contents make the fingerprint).
    ///   - group: the meeting's group for presenting (`--group`).
    init(directory: String, group: gid_t? = nil, cycleSeconds: Double? = nil) {
        self.directory = directory
        self.group = group
        self.cycleSeconds = cycleSeconds
    }

    /// The data fingerprint sent with each update: the data files' names and contents, hashed
    /// (`DatasetSnapshot.contentFingerprint`, hex), never their times. Two dashboards on the same
    /// folder, or on a byte-identical copy of it, agree; files that differ in a byte differ.
    /// Reads every data file (a few milliseconds at 10,000 x 60: 14 MB hashed a word at a time).
    static func fingerprint(directory: String) -> String {
        String(DatasetSnapshot.contentFingerprint(directory: directory, producer: "meeting"), radix: 16)
    }

    /// The key wait's timeout: `base`, shorter while following or cycling.
    func keyTimeout(_ base: Int) -> Int {
        if guest != nil && lastEnded == nil { return min(base, MeetingLink.followPollMilliseconds) }
        if cycleSeconds != nil { return min(base, 250) }
        return base
    }

    /// A key was pressed: the playlist pauses until it has been idle for one interval; the next
    /// frame is drawn (Ctrl-L asks for one without changing the state).
    func keyPressed() {
        lastActivity = ContinuousClock.now
        lastDrawn = nil
    }

    /// What a frame is drawn from, for `needsDraw`.
    private struct Drawn: Equatable {
        var session: Session
        var meeting: MeetingRole?
        var size: [Int]
        var facts: ObjectIdentifier
        var notes: [String?]
    }
    private var lastDrawn: Drawn?

    /// Whether the loop's next frame needs drawing: always, unless following or cycling (then the
    /// loop wakes every few milliseconds to poll, and a frame is drawn only when what it shows
    /// changed, so an idle follower does not draw 60 frames a second).
    func needsDraw(_ state: AppState) -> Bool {
        guard (guest != nil && lastEnded == nil) || cycleSeconds != nil else { return true }
        let now = Drawn(session: state.session, meeting: state.meeting, size: [state.width, state.height],
                        facts: ObjectIdentifier(state.facts), notes: [state.reloadProblem, state.dataChangedAt])
        defer { lastDrawn = now }
        return now != lastDrawn
    }

    /// Performs a meeting request; the actions that report its outcome.
    func perform(_ request: MeetingRequest, _ state: AppState) -> [Action] {
        switch request {
        case .present(let name):
            do { return [try present(name ?? MeetingLink.defaultName(), state)] } catch {
                return [.meeting(.failed(MeetingLink.words(error, state)))]
            }
        case .stopPresenting:
            guard let host else { return [.meeting(.failed(state.tr("未在主持会议", "not presenting")))] }
            host.close()
            self.host = nil
            Terminal.defersTermination = false
            return [.meeting(.presentStopped)]
        case .follow(let name):
            do { return [try follow(name, state)] } catch {
                return [.meeting(.failed(MeetingLink.words(error, state)))]
            }
        case .leave:
            guard let guest else { return [.meeting(.failed(state.tr("未跟随会议", "not following a meeting")))] }
            guest.leave()
            return []  // the guest's status says `.left`; `poll` reports it
        case .cycle(let seconds):
            cycleSeconds = seconds
            lastCycle = ContinuousClock.now
            let text = seconds.map { state.tr("轮播：每 \(Int($0)) 秒换一个视图", "cycling: a view every \(Int($0)) s") }
                ?? state.tr("轮播已停止", "cycling stopped")
            return [.meeting(.notice(text))]
        }
    }

    /// Performs the request `towns present` or `towns follow` starts with, before the terminal
    /// opens; the action that reports it (nil: none asked).
    /// - Throws: what `present` or `follow` throws: the command fails with it.
    func opening(_ request: MeetingRequest?, _ state: AppState) throws -> Action? {
        switch request {
        case .present(let name)?: return try present(name ?? MeetingLink.defaultName(), state)
        case .follow(let name)?: return try follow(name, state)
        default: return nil
        }
    }

    /// The default meeting name: the user's login name.
    static func defaultName() -> String {
        let name = MeetingUsers.name(of: geteuid()) ?? "towns"
        return String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic
            || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }.prefix(64))
    }

    /// A failed meeting request's words in the session's language (`MeetingError` says both).
    static func words(_ error: Error, _ state: AppState) -> String {
        (error as? MeetingError)?.words(chinese: state.language == .zh) ?? "\(error)"
    }

    /// Starts presenting meeting `name`.
    /// - Throws: `MeetingError` (the name taken, a refused folder, ...).
    func present(_ name: String, _ state: AppState) throws -> Action {
        guard host == nil else {
            throw MeetingFailure(state.tr("已在主持会议 \(host!.name)", "already presenting \(host!.name)"))
        }
        guard guest == nil || lastEnded != nil else {
            throw MeetingFailure(state.tr("正在跟随会议：先 :follow off", "following a meeting: :follow off first"))
        }
        var options = MeetingHost<Session>.Options()
        options.group = group
        let host = try MeetingHost<Session>(name: name, dataFingerprint: currentKey(state), options: options)
        self.host = host
        // SIGTERM, SIGHUP (the SSH session dropped) and Ctrl-C end the meeting as `q` does: the
        // followers are told it ended, and its socket and description go (`DashboardCommand`).
        Terminal.defersTermination = true
        lastSent = nil
        lastFollowers = 0
        lastOtherData = 0
        publish(state)
        return .meeting(.presenting(name: name, followers: 0))
    }

    /// Joins meeting `name` (nil: the only open one).
    /// - Throws: `MeetingError` (no such meeting, not allowed), or none or several open.
    func follow(_ name: String?, _ state: AppState) throws -> Action {
        guard host == nil else {
            throw MeetingFailure(state.tr("主持中不能跟随（:present off）", "presenting: cannot follow (:present off)"))
        }
        let folders = MeetingFolder.followerFolders()
        var chosen = name
        if chosen == nil {
            let open = MeetingDescription.openMeetings(in: folders)
            guard open.count == 1 else {
                throw MeetingFailure(open.isEmpty
                    ? state.tr("没有进行中的会议（towns meetings）", "no open meetings (towns meetings)")
                    : state.tr(Catalogue.severalMeetingsOpen(open.map(\.meeting))))
            }
            chosen = open[0].meeting
        }
        guest?.leave()
        let guest = try MeetingGuest<Session>(name: chosen!, folders: folders)
        self.guest = guest
        guestMeeting = chosen
        announced = nil
        lastEnded = nil
        lastFollowed = nil
        let presenter = MeetingUsers.name(of: guest.presenterCredentials.uid) ?? "uid \(guest.presenterCredentials.uid)"
        return .meeting(.joined(meeting: chosen!, presenter: presenter))
    }

    /// What happened since the last poll, as actions: the presenter's latest session, the end of
    /// the meeting, a change in the number of followers, the playlist's next view. Never waits.
    /// What a follower types to join again once its meeting ended without the presenter's `q`
    /// (its terminal lost, the connection lost): `:follow NAME`, NAME as the command line takes
    /// it. Empty when the presenter ended it, or the follower left.
    static func wayBack(_ why: MeetingGuest<Session>.EndReason, meeting: String?) -> Bilingual {
        guard let meeting else { return Bilingual("", "") }
        switch why {
        case .presenterLost, .lost:
            // Short enough that the reason and the way back fit the status line at 80 columns (wave 31).
            // English shorter since wave 36 (its fresh user at 80 columns: `; :follow… (whole in :messages)`,
            // the meeting's name cut).
            return Bilingual("；再次主持后 :follow \(meeting) 重新加入", "; :follow \(meeting) once restarted")
        default:
            return Bilingual("", "")
        }
    }

    /// Why the meeting ended for this follower, with the way back, in both languages (the status
    /// line words it when drawn: `L` rewords it, wave 29).
    static func endedWords(_ why: MeetingGuest<Session>.EndReason, meeting: String?) -> Bilingual {
        let back = wayBack(why, meeting: meeting)
        return Bilingual(why.words(chinese: true) + back.zh, why.words(chinese: false) + back.en)
    }

    /// The action saying that the meeting ended for this follower (`why`), with the way back
    /// (`endedWords`) and shorter forms that keep the way back whole and shorten the cause
    /// (`EndReason.shorterWords`: the status line draws the first that fits, wave 43), in the
    /// language of `state` and both.
    static func endedAction(_ why: MeetingGuest<Session>.EndReason, meeting: String?, _ state: AppState) -> Action {
        let both = endedWords(why, meeting: meeting)
        let back = wayBack(why, meeting: meeting)
        let shorter = zip(why.shorterWords(chinese: true), why.shorterWords(chinese: false)).map {
            Bilingual($0.0 + back.zh, $0.1 + back.en)
        }
        return .meeting(.ended(state.tr(both), both: both, shorter: shorter))
    }

    func poll(_ state: AppState) -> [Action] {
        var actions: [Action] = []
        if let guest, lastEnded == nil {
            // Asked before `currentKey`, which takes the data shown as seen.
            let reloaded = dataFacts !== state.facts
            // The presenter counts the followers whose data differs from its own: told at once and
            // again after each reload here (wave 34's fresh user: `1 人跟随` of a follower alone).
            let own = currentKey(state)
            if own != announced {
                guest.announce(dataFingerprint: own)
                announced = own
            }
            if let message = guest.takeLatest(), let session = message.payload {
                lastFollowed = (session, message.dataFingerprint)
                actions.append(.meeting(.followed(session, presenterData: message.dataFingerprint,
                                                  ownData: currentKey(state))))
            } else if let (session, presenterData) = lastFollowed, reloaded {
                // This dashboard's own data reloaded since the presenter's last update (the
                // presenter reloaded first and said "data differs"; nothing new comes until it
                // moves): compare the fingerprints again with the data shown now.
                actions.append(.meeting(.followed(session, presenterData: presenterData,
                                                  ownData: currentKey(state))))
            }
            if case .ended(let why) = guest.status {
                lastEnded = guest.status
                if why == .left {
                    // `:follow off`: this follower left; the meeting goes on (wave 29: said as a
                    // warning that the meeting ended, in English under a Chinese interface).
                    actions.append(.meeting(.left))
                } else {
                    actions.append(MeetingLink.endedAction(why, meeting: guestMeeting, state))
                }
            }
        }
        if let host, host.followerCount != lastFollowers || host.otherDataCount != lastOtherData {
            lastFollowers = host.followerCount
            lastOtherData = host.otherDataCount
            actions.append(.meeting(.presenting(name: host.name, followers: lastFollowers, otherData: lastOtherData)))
        }
        if let seconds = cycleSeconds, state.commandLine == nil, state.search?.editing != true {
            let now = ContinuousClock.now
            let interval = Duration.milliseconds(Int64(seconds * 1000))
            if now - lastActivity >= interval && now - lastCycle >= interval {
                lastCycle = now
                actions.append(.meeting(.cycleStep))
            }
        }
        return actions
    }

    /// Sends the session to the followers if it changed since the last send (the host coalesces
    /// and sends at most 30 a second, on its own queue: this returns at once).
    func publish(_ state: AppState) {
        guard let host else { return }
        let session = state.sessionForFollowers
        // Asked before `currentKey`, which takes the new data as seen: a reload is sent even
        // when the place did not change, so followers get the new data's fingerprint at once.
        let reloaded = dataFacts !== state.facts
        let key = currentKey(state)
        guard session != lastSent || reloaded else { return }
        lastSent = session
        host.send(session, dataFingerprint: key)
    }

    /// The data fingerprint of the data shown, taken again when the data reloaded.
    private func currentKey(_ state: AppState) -> String {
        if dataFacts !== state.facts || dataKey == nil {
            dataKey = MeetingLink.fingerprint(directory: directory)
            dataFacts = state.facts
        }
        return dataKey ?? ""
    }

    /// Ends the meeting presented (followers get `end`, saying whether the presenter quit or its
    /// terminal was lost: `terminalLost`) or leaves the one followed.
    func close(terminalLost: Bool = false) {
        host?.close(terminalLost ? .terminalLost : .quit)
        host = nil
        Terminal.defersTermination = false
        guest?.leave()
        guest = nil
    }
}

/// A meeting request that cannot be done, in words for the status line.
struct MeetingFailure: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}

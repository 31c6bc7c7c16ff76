import Foundation
import TownsBench
import TownsCore
import TownsMeeting
import TownsUI

extension BenchCommand {
    /// `towns bench --meeting`: 50 followers attached in this process to one presenter that sends
    /// real sessions (the presenter's keys on the bundled data, `Session.forFollowers`, JSON as
    /// the dashboard sends them); the time from the presenter's send to each follower's receipt,
    /// as a distribution, then what a follower adds before its screen shows it (the poll, its
    /// `update` and frame) and what the meeting adds to the presenter's own key (issue 16,
    /// point 6: each presenter key should reach every follower's screen within 100 ms, and the
    /// presenter's keys stay as fast). The meeting's socket goes in `work` (the bench's own
    /// temporary folder).
    func meetingBench(_ out: @escaping @Sendable (String) -> Void, work: String) throws {
        let followers = 50, updates = short ? 20 : 100
        let report = BenchReport(tag: "meeting", write: out)
        let dataset = try loadDataset(try data.directory())
        let (sessions, keyMS) = BenchCommand.presenterSessions(dataset, count: updates)
        let r = try MeetingBench.run(payloads: sessions, followers: followers, in: work + "/m")
        report.line("[meeting] \(followers) followers in process over Unix-domain sockets, \(sessions.count) "
                    + "sessions (the presenter's keys on the bundled data; the first line \(r.lineBytes) bytes) "
                    + "40 ms apart; "
                    + "send to receipt (decoded), every follower")
        guard let p0 = r.percentile(0), let p50 = r.percentile(0.5), let p99 = r.percentile(0.99),
              let p100 = r.percentile(1) else {
            report.unavailable("send to receipt", "n/a: nothing received")
            return
        }
        report.milliseconds("send to receipt min", p0)
        report.milliseconds("send to receipt median", p50)
        report.milliseconds("send to receipt p99", p99, note: BenchReport.verdict(p99, target: 100, unit: "ms"))
        report.milliseconds("send to receipt max", p100, note: BenchReport.verdict(p100, target: 100, unit: "ms"))
        report.value("receipts", Double(r.latenciesMS.count), "of \(r.expected)",
                     note: "\(r.dropped) followers dropped")
        if let median = MeetingBench.Result.percentile(0.5, of: r.sendMS), let most = r.sendMS.last {
            report.milliseconds("presenter send() median", median,
                                note: "max \(BenchReport.number(most)); the payload is stored; encoded and written "
                                    + "on another queue")
        }
        // What the follower adds after receipt: its poll wait (at most MeetingLink.followPollMilliseconds),
        // then applying the session and drawing its 80x24 frame.
        var follower = AppState(dataset: dataset, width: 80, height: 24)
        follower = update(follower, .meeting(.joined(meeting: "bench", presenter: "bench")))
        let renderer = Renderer(theme: .monochrome)
        var applyMS: [Double] = []
        for s in sessions {
            let t0 = DispatchTime.now().uptimeNanoseconds
            follower = update(follower, .meeting(.followed(s, presenterData: "d", ownData: "d")))
            _ = renderer.render(follower)
            applyMS.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        applyMS.sort()
        if let apply = MeetingBench.Result.percentile(0.5, of: applyMS), let most = applyMS.last,
           let p99all = MeetingBench.Result.percentile(0.99, of: applyMS) {
            report.milliseconds("follower update + 80x24 frame median", apply,
                                note: "p99 \(BenchReport.number(p99all)), max \(BenchReport.number(most))")
            let worst = p99 + Double(MeetingLink.followPollMilliseconds) + p99all
            report.milliseconds("presenter key to follower frame, p99 bound", worst,
                                note: "receipt p99 + poll \(MeetingLink.followPollMilliseconds) ms + update/frame p99; "
                                    + BenchReport.verdict(worst, target: 100, unit: "ms"))
        }
        report.milliseconds("presenter key (update) median", keyMS.without,
                            note: "without a meeting; with one (+ forFollowers + send()): "
                                + BenchReport.number(keyMS.with) + " ms")
    }

    /// `count` different sessions from keys on `dataset` (moving down the lists, opening,
    /// going back, the next view and period), as followers are sent them; and the presenter's
    /// key time (median `update`, in ms) without a meeting and with `forFollowers` added (the
    /// send is timed by the bench itself).
    static func presenterSessions(_ dataset: Dataset, count: Int) -> ([Session], (without: Double, with: Double)) {
        var state = AppState(dataset: dataset, width: 120, height: 40)
        let keys: [Action] = [.moveDown, .moveDown, .open, .back, .moveDown, .nextPeriod, .moveDown, .nextView]
        var sessions: [Session] = []
        var without: [Double] = [], with: [Double] = []
        var i = 0
        while sessions.count < count && i < count * 50 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            state = update(state, keys[i % keys.count])
            let t1 = DispatchTime.now().uptimeNanoseconds
            let s = state.session.forFollowers
            let t2 = DispatchTime.now().uptimeNanoseconds
            without.append(Double(t1 - t0) / 1e6)
            with.append(Double(t2 - t0) / 1e6)
            if !sessions.contains(s) { sessions.append(s) }  // a receipt is matched by equality
            i += 1
        }
        let median = { (v: [Double]) in MeetingBench.Result.percentile(0.5, of: v.sorted()) ?? 0 }
        return (sessions, (median(without), median(with)))
    }
}

import Foundation
import TownsBench
import TownsMeeting

extension BenchCommand {
    /// `towns bench --meeting`: 50 followers attached in this process to one presenter; the
    /// time from the presenter's send to each follower's receipt, as a distribution (issue 16,
    /// point 6: each presenter key should reach every follower within 100 ms).
    func meetingBench(_ out: @escaping @Sendable (String) -> Void) throws {
        let followers = 50, updates = short ? 20 : 100
        let report = BenchReport(tag: "meeting", write: out)
        let r = try MeetingBench.run(followers: followers, updates: updates)
        report.line("[meeting] \(followers) followers in process over Unix-domain sockets, \(updates) states "
                    + "of \(r.lineBytes) bytes 40 ms apart; send to receipt (decoded), every follower")
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
                                note: "max \(BenchReport.number(most)); what a presenter's key pays "
                                    + "(the payload is stored; encoded and written on another queue)")
        }
    }
}

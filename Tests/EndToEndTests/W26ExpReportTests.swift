import Foundation
import TownsTestSupport
import XCTest

/// Wave 25's second fresh user, G6 and G7, through the command line: `towns report --view changes
/// --since ID` makes a "since August" table, its CSV (read back with python's csv module) naming
/// the pair in the before and after columns' titles, a period that does not fit refused naming the
/// flag; a report's `--meta` cites the earlier figures its Δs rest on; the dashboard's export of the
/// changes view names the pair in its file name.
final class W26ExpReportTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try runUnconfigured(binary, arguments, locale: "C.UTF-8", name: "w26-exp",
                            more: ["TOWNS_CACHE": try TemporaryFiles.folder("w26-exp-cache")])
    }

    /// The records of the CSV file at `path` as python's csv module reads them (RFC 4180, not a split
    /// on commas); skipped where there is no python3.
    func csvRecords(_ path: String) throws -> [[String]] {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else { throw XCTSkip("no python3") }
        let script = "import csv, json, sys\n"
            + "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f: print(json.dumps(list(csv.reader(f))))"
        let r = try runProcess(python, ["-c", script, path])
        XCTAssertEqual(r.status, 0, r.summary)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String]])
    }

    /// The line of the `[[figure]]` block of Data/figures.toml giving `town`'s `measure` of `period`.
    func figureLine(_ town: String, _ measure: String, _ period: String) throws -> Int {
        let lines = try String(contentsOfFile: Paths.data + "/figures.toml", encoding: .utf8)
            .components(separatedBy: "\n")
        var start = 0
        var fields: Set<String> = []
        for (i, line) in lines.enumerated() {
            if line == "[[figure]]" { start = i + 1; fields = [] }
            fields.insert(line)
            if fields.isSuperset(of: ["town = \"\(town)\"", "measure = \"\(measure)\"", "period = \"\(period)\""]) {
                return start
            }
        }
        throw E2EError("no figure of \(town) \(measure) \(period)")
    }

    /// G7: `--since 2015-08` compares Jan-Aug with the full year; the CSV's titles say so, and its
    /// rows hold Jan-Aug's figures (Tongxiang's 72%), not Jan-Sep's (92.7%) as without it.
    func testSinceMakesTheChangesTableOfThatPairAndItsTitlesSaySo() throws {
        let folder = try TemporaryFiles.folder("w26-exp-since")
        let since = folder + "/since.csv", plain = folder + "/plain.csv"
        let data = ["--data", Paths.data, "--period", "2015-12", "--view", "changes", "--format", "csv"]
        let r = try run(["report", "--since", "2015-08", "--output", since, "--meta"] + data)
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertEqual(try run(["report", "--output", plain] + data).status, 0)
        let a = try csvRecords(since), b = try csvRecords(plain)
        XCTAssertEqual(a.first, ["小镇", "指标", "变化", "之前（2015年1-8月）", "之后（2015年全年）", "Δ", "来源"])
        XCTAssertEqual(b.first?[3], "之前（2015年1-9月）", "\(b.first ?? [])")
        func tongxiangRate(_ records: [[String]]) -> String? {
            records.first { $0[0].hasPrefix("桐乡") && $0[1].hasPrefix("完成率") }?[3]
        }
        XCTAssertEqual(tongxiangRate(a), "72%", "\(a)")
        XCTAssertEqual(tongxiangRate(b), "92.7%", "\(b)")
        // The meta cites the row's Jan-Aug figure.
        let meta = try String(contentsOfFile: folder + "/since.meta.txt", encoding: .utf8)
        let cited = try XCTUnwrap(meta.components(separatedBy: "\n").first { $0.hasPrefix("paper: ") })
        let line = try figureLine("tongxiang", "completion_rate", "2015-08")
        XCTAssertTrue(cited.range(of: "figures\\.toml:([0-9]+,)*\(line)(,|;|$)", options: .regularExpression) != nil, cited)
        // English titles.
        let en = try run(["report", "--lang", "en", "--since", "2015-08"] + data)
        XCTAssertEqual(en.status, 0, en.summary)
        XCTAssertTrue(en.stdout.hasPrefix("Town,Measure,Change,Before (2015 Jan-Aug),Now (2015 full year),Δ,Source"), en.stdout)
    }

    /// G7: a period that is not the data's, not earlier, or another view: refused with exit 2, the
    /// flag named, in the report's language; `--help` lists the option.
    func testSinceRefusesWhatDoesNotFitNamingTheFlag() throws {
        let data = ["--data", Paths.data, "--view", "changes"]
        let unknown = try run(["report", "--period", "2015-12", "--since", "2015-07"] + data)
        XCTAssertEqual(unknown.status, 2, unknown.summary)
        XCTAssertTrue(unknown.stderr.contains("--since 2015-07：数据中没有这一期（2015-08 2015-09 2015-12）"), unknown.stderr)
        let later = try run(["report", "--period", "2015-09", "--since", "2015-12"] + data)
        XCTAssertEqual(later.status, 2, later.summary)
        XCTAssertTrue(later.stderr.contains("--since 2015-12：须是 2015-09 之前") && later.stderr.contains("可用：2015-08"),
                      later.stderr)
        let same = try run(["report", "--lang", "en", "--period", "2015-09", "--since", "2015-09"] + data)
        XCTAssertEqual(same.status, 2, same.summary)
        XCTAssertTrue(same.stderr.contains("--since 2015-09: must be a period of the same year before 2015-09"), same.stderr)
        XCTAssertTrue(same.stdout.isEmpty, same.stdout)
        let towns = try run(["report", "--data", Paths.data, "--since", "2015-08"])
        XCTAssertEqual(towns.status, 2, towns.summary)
        XCTAssertTrue(towns.stderr.contains("--since 只用于 --view changes"), towns.stderr)
        let help = try run(["report", "--help"])
        XCTAssertTrue(help.stdout.contains("--since <ID>"), help.stdout)
    }

    /// G6: `towns report --meta` on the towns view at Jan-Sep cites Jan-Aug's 72% behind Tongxiang's
    /// Δ完成率 ≈+20.7 (main cited Jan-Sep's 92.7% alone).
    func testAReportsMetaCitesTheEarlierRateBehindADelta() throws {
        let folder = try TemporaryFiles.folder("w26-exp-meta")
        let r = try run(["report", "--data", Paths.data, "--period", "2015-09", "--format", "csv",
                         "--output", folder + "/t.csv", "--meta"])
        XCTAssertEqual(r.status, 0, r.summary)
        let records = try csvRecords(folder + "/t.csv")
        let column = try XCTUnwrap(records.first?.firstIndex(of: "Δ完成率（百分点）"), "\(records.first ?? [])")
        XCTAssertEqual(records.first { $0[0].hasPrefix("桐乡") }?[column], "≈+20.7")
        let meta = try String(contentsOfFile: folder + "/t.meta.txt", encoding: .utf8)
        let cited = try XCTUnwrap(meta.components(separatedBy: "\n").first { $0.hasPrefix("paper: ") })
        for period in ["2015-08", "2015-09"] {
            let line = try figureLine("tongxiang", "completion_rate", period)
            XCTAssertTrue(cited.range(of: "figures\\.toml:([0-9]+,)*\(line)(,|;|$)", options: .regularExpression) != nil,
                          "\(period) line \(line): \(cited)")
        }
    }

    /// G7: the dashboard's export of the changes view after `:changes 2015-08` is named for its pair
    /// (`towns-changes-2015-08-to-2015-12-…csv`), and its titles name it.
    func testTheDashboardsChangesExportIsNamedForItsPair() throws {
        let session = try DashboardSession(label: "w26-exp")
        defer { session.kill() }
        let exports = session.scratch.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try session.tmux.typeLine("export TOWNS_EXPORT_DIR=" + Paths.shellQuote(exports.path))
        try session.start(["--period", "2015-12"], towns: false)
        for text in ["changes 2015-08", "export csv"] {
            try session.tmux.send(":")
            try session.tmux.tmux(["send-keys", "-t", session.tmux.target, "-l", text])
            try session.tmux.send("Enter")
            usleep(300_000)
        }
        var names: [String] = []
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            names = (try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? []
            if names.contains(where: { $0.hasSuffix(".csv") }) { break }
            usleep(100_000)
        }
        let shown = TmuxSession.show(try session.tmux.capture())
        let csv = try XCTUnwrap(names.first { $0.hasSuffix(".csv") }, "\(names)\n\(shown)")
        XCTAssertTrue(csv.hasPrefix("towns-changes-2015-08-to-2015-12-"), csv)
        usleep(300_000)
        let records = try csvRecords(exports.appendingPathComponent(csv).path)
        XCTAssertEqual(records.first?[3], "之前（2015年1-8月）", "\(records.first ?? [])")
        try session.tmux.send("q")
    }
}

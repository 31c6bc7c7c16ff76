import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 24 (fid), F7, as wave 43 changed it: a year's plan is one figure for the year, shown
/// with the same digits at every period (worked out from every period that gives it); read from
/// the text or from a snapshot alike. (Wave 24 had worked it out as of each period, so a plan
/// read `≈19` at Jan-Aug and `≈18.6` at Jan-Sep, as though it had changed.)
final class W24FidPlanPerPeriodTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// Haining's October and November, consistent with its plan (15.00 / 80.6% = 18.61, 17.05 /
    /// 91.7% = 18.59, the fresh user's sheets): they narrow the plan's interval (two digits from
    /// October), not what Jan-Aug and Jan-Sep knew.
    static let haininigNovember = [
        "2015-10.toml": W23FidTests.month("2015-10", through: 10, [
            ("haining", "completed", "\"15.00\""), ("haining", "completion_rate", "80.6"),
        ]),
        "2015-11.toml": W23FidTests.month("2015-11", through: 11, [
            ("haining", "completed", "17.05"), ("haining", "completion_rate", "91.7"),
        ]),
    ]

    /// The data of `dir` from the text, and from a snapshot written of it.
    func loaded(_ dir: String) throws -> (text: Dataset, snapshot: Facts) {
        let store = SnapshotStore(folder: folders.make("cache"))
        try store.write(directory: dir, derive: AppState.derivedTables)
        let opened = try store.open(directory: dir)
        return (try DatasetLoader.load(directory: dir).dataset,
                Facts(dataset: opened.dataset, derived: try XCTUnwrap(opened.derived)))
    }

    func state(_ facts: Facts, period: String, _ kind: Screen.Kind, language: Language) throws -> AppState {
        var s = AppState(facts: facts, width: 160, height: 40)
        s.stack = [Screen(kind)]
        s.language = language
        s.periodIndex = try XCTUnwrap(facts.dataset.periods.firstIndex { $0.id == period })
        return s
    }

    /// Since wave 43 the year's plan is one figure in every period of the year (the finding: it
    /// read `≈19` at Jan-Aug and `≈18.6` at Jan-Sep, as though it had changed): a later consistent
    /// month narrows it at every period together, read from the text or from a snapshot alike.
    func testALaterConsistentMonthNarrowsThePlanAtEveryPeriodAlike() throws {
        let before = try loaded(try folders.bundledData(adding: [:], name: "w24fid-before"))
        let after = try loaded(try folders.bundledData(adding: Self.haininigNovember, name: "w24fid-after"))
        let haining = try XCTUnwrap(after.text.town("haining"))
        let m = Metrics(dataset: after.text)
        // With November: every period's plan is the year's, narrowed by November (two digits).
        for id in ["2015-08", "2015-09", "2015-10", "2015-11", "2015-12"] {
            let period = try XCTUnwrap(after.text.period(id))
            XCTAssertEqual(ShownFigure(m.yearPlan(haining, asOf: period))?.quantity,
                           .exact(Decimal(string: "18.6")!, decimals: 2), id)
        }
        XCTAssertEqual(ShownFigure(m.figure(haining, FigureKey(.planYear, "2015")))?.quantity,
                       .exact(Decimal(string: "18.6")!, decimals: 2))
        // Without: Jan-Aug and Jan-Sep alike, one digit (what 9.3 / 50% and 13.56 / 72.9% allow together).
        let mb = Metrics(dataset: before.text)
        let hb = try XCTUnwrap(before.text.town("haining"))
        for id in ["2015-08", "2015-09"] {
            let period = try XCTUnwrap(before.text.period(id))
            XCTAssertEqual(ShownFigure(mb.yearPlan(hb, asOf: period))?.quantity,
                           .exact(Decimal(string: "18.6")!, decimals: 1), id)
        }
        for language in Language.allCases {
            for (kind, period) in [(Screen.Kind.townList, "2015-09"), (.townList, "2015-08"), (.overview, "2015-09"),
                                   (.overview, "2015-08"), (.typeList, "2015-09")] {
                // The text and the snapshot of the same data show the same.
                for (facts, other) in [(Facts(dataset: before.text), before.snapshot),
                                       (Facts(dataset: after.text), after.snapshot)] {
                    XCTAssertEqual(screen(try state(facts, period: period, kind, language: language)),
                                   screen(try state(other, period: period, kind, language: language)),
                                   "\(kind) \(period) \(language)")
                }
            }
            // Jan-Aug and Jan-Sep read the same digits: `≈18.60` with November, `≈18.6` without.
            for (facts, digits) in [(after.snapshot, "≈18.60 "), (before.snapshot, "≈18.6 ")] {
                for period in ["2015-08", "2015-09"] {
                    let towns = screen(try state(facts, period: period, .townList, language: language))
                    let row = try XCTUnwrap(towns.first { $0.contains(language == .zh ? "海宁皮革时尚小镇" : "Haining") })
                    XCTAssertTrue(row.contains(digits), "\(period): \(row)")
                }
            }
            // The page at Jan-Sep: November named as a later confirmation, and the range the
            // periods allow together.
            var page = try state(Facts(dataset: after.text), period: "2015-09", .townList, language: language)
            page.height = 120
            page.stack = [Screen(.townList), Screen(.townPage("haining"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains("≈18.60"), text)
            XCTAssertTrue(text.contains(language == .zh ? "以后" : "later confirmed by"), text)
            XCTAssertTrue(text.contains(language == .zh ? "各期间共同允许" : "together they allow"), text)
        }
    }
}

/// Wave 24 (fid), F10: a sum's `!` comes only from checks on the figures it adds.
extension W24FidPlanPerPeriodTests {
    /// The fresh user's October, November and December sheets (wave 23): Tongxiang's plans from
    /// October (13.0 / 96%) and November (14.0 / 91.6%) disagree; its full year is the notice's
    /// ◇>14 on another basis, so at 2015-12 only Nanhu (14.98 / 100.0%) is in the sums.
    static let months = [
        "2015-10.toml": W23FidTests.month("2015-10", through: 10, [
            ("haining", "completed", "\"15.00\""), ("haining", "completion_rate", "80.6"),
            ("tongxiang", "completed", "13.0"), ("tongxiang", "completion_rate", "96"),
            ("jiashan", "completed", "6.0"), ("nanhu", "completed", "\"4.10\""), ("nanhu", "completion_rate", "27.4"),
            ("haiyan", "completed", "10.0"), ("haiyan", "completion_rate", "24.0"),
        ]),
        "2015-11.toml": W23FidTests.month("2015-11", through: 11, [
            ("haining", "completed", "17.05"), ("haining", "completion_rate", "91.7"),
            ("tongxiang", "completed", "14.0"), ("tongxiang", "completion_rate", "91.6"),
            ("jiashan", "completed", "7.0"), ("nanhu", "completed", "13.74"), ("nanhu", "completion_rate", "91.7"),
            ("haiyan", "completed", "11.0"), ("haiyan", "completion_rate", "26.4"),
        ]),
        // 2015-12 is a period of the bundled data already: the sheet's figures alone.
        "2015-12.toml": W23FidTests.month("2015-12", through: 12, [
            ("nanhu", "completed", "14.98"), ("nanhu", "completion_rate", "100.0"), ("jiashan", "completed", "\"7.50\""),
        ]).components(separatedBy: "[[source]]").dropFirst().reduce("") { $0 + "[[source]]" + $1 },
    ]

    func testASumCarriesNoCheckOnATownItDoesNotAdd() throws {
        let d = try DatasetLoader.load(
            directory: try folders.bundledData(adding: Self.months, name: "w24fid-f10")).dataset
        let checker = Checker(dataset: d)
        let tongxiang = try XCTUnwrap(d.town("tongxiang"))
        // The check that failed: Tongxiang's plans disagree (November's figures flagged).
        XCTAssertTrue(checker.isFlagged(FigureKey(.completionRate, "2015-11"), town: tongxiang))
        for language in Language.allCases {
            let zh = language == .zh
            let towns = try state(Facts(dataset: d), period: "2015-12", .townList, language: language)
            let lines = screen(towns)
            let sum = try XCTUnwrap(lines.first { $0.contains(zh ? "已知小镇合计" : "Sum of known") }, lines.joined(separator: "\n"))
            XCTAssertTrue(sum.contains("14.98"), sum)
            XCTAssertFalse(sum.contains("!"), sum)
            // The types view's same sum alike.
            let types = screen(try state(Facts(dataset: d), period: "2015-12", .typeList, language: language))
            let three = try XCTUnwrap(types.first { $0.contains("14.98") }, types.joined(separator: "\n"))
            XCTAssertFalse(three.contains("!"), three)
        }
        // A sum that adds Tongxiang's flagged November figures carries `!` (the check still counts).
        let november = screen(try state(Facts(dataset: d), period: "2015-11", .townList, language: .en))
        let sum = try XCTUnwrap(november.first { $0.contains("Sum of known") })
        XCTAssertTrue(sum.contains("!"), sum)
    }
}

/// Wave 24 (fid), F4: the city's completed amount where every town reports the month and the city
/// gives none is the towns' sum, marked derived with its parts and sources; never where one is unknown.
extension W24FidPlanPerPeriodTests {
    static func october(_ figures: [(String, String, String)]) -> [String: String] {
        ["2015-10.toml": W23FidTests.month("2015-10", through: 10, figures)]
    }

    static let everyTown: [(String, String, String)] = [
        ("haining", "completed", "\"15.00\""), ("haining", "completion_rate", "80.6"),
        ("tongxiang", "completed", "13.0"), ("tongxiang", "completion_rate", "96"),
        ("jiashan", "completed", "6.0"), ("nanhu", "completed", "\"4.10\""), ("nanhu", "completion_rate", "27.4"),
        ("haiyan", "completed", "10.0"), ("haiyan", "completion_rate", "24.0"),
    ]

    func testTheCitysCompletedIsTheTownsSumWhenEveryTownReports() throws {
        let (text, snapshot) = try loaded(
            try folders.bundledData(adding: Self.october(Self.everyTown), name: "w24fid-f4"))
        let m = Metrics(dataset: text)
        let done = try XCTUnwrap(m.total(FigureKey(.completed, "2015-10")))
        XCTAssertTrue(done.isDerived)
        XCTAssertEqual(done.quantity, .exact(Decimal(string: "48.10")!, decimals: 2))
        guard case let .derived(formula) = done.provenance else { return XCTFail("\(done.provenance)") }
        XCTAssertTrue(formula.contains("15.00 + 13.0 + 6.0 + 4.10 + 10.0 = 48.10"), formula)
        XCTAssertTrue(formula.contains("import-2015-10"), formula)
        // Its rate over the city's reported plan 106.8: 45.04%.
        let rate = try XCTUnwrap(m.total(FigureKey(.completionRate, "2015-10")))
        XCTAssertTrue(rate.isDerived)
        // 45.04% over the sum's parts' rounding (48.10 ± 0.16): no tenth supported.
        XCTAssertEqual(rate.supportedText, "45")
        // The reported Jan-Sep total is kept as reported.
        XCTAssertFalse(try XCTUnwrap(m.total(FigureKey(.completed, "2015-09"))).isDerived)
        for language in Language.allCases {
            let zh = language == .zh
            for facts in [Facts(dataset: text), snapshot] {
                let towns = screen(try state(facts, period: "2015-10", .townList, language: language))
                // Labelled as not reported, the sum derived (wave 32: it read `reported`; W32FidCityRowTests).
                let city = try XCTUnwrap(towns.first { $0.contains(zh ? "全市未报 ≈镇合计" : "Jiaxing ≈sum (not reported)") },
                                         towns.joined(separator: "\n"))
                XCTAssertTrue(city.contains("≈48.10") && city.contains("≈45%"), city)
                let overview = screen(try state(facts, period: "2015-10", .overview, language: language))
                    .joined(separator: "\n")
                XCTAssertTrue(overview.contains("≈48.10 / 106.8"), overview)
                // The city's page: the sum's parts by name, and its sources.
                var page = try state(facts, period: "2015-10", .townList, language: language)
                page.height = 200
                page.stack = [Screen(.townList), Screen(.cityTotals)]
                let text = screen(page).joined(separator: "\n")
                XCTAssertTrue(text.contains(zh ? "各镇报告的" : "sum of the towns' reported"), text)
                XCTAssertTrue(text.contains(zh ? "海宁皮革时尚小镇 15.00 +" : "Haining Leather Fashion Town 15.00"), text)
            }
        }
        // Nowhere one town is unknown: Jiashan's October missing, the city's stays unknown.
        let partial = try DatasetLoader.load(directory: try folders.bundledData(
            adding: Self.october(Self.everyTown.filter { $0.0 != "jiashan" }), name: "w24fid-f4b")).dataset
        XCTAssertNil(Metrics(dataset: partial).total(FigureKey(.completed, "2015-10")))
        XCTAssertNil(Metrics(dataset: partial).total(FigureKey(.completionRate, "2015-10")))
        // A reported total stays as reported (the full year's 63.06, on its own basis).
        XCTAssertFalse(try XCTUnwrap(Metrics(dataset: text).total(FigureKey(.completed, "2015-12"))).isDerived)
    }
}

/// Wave 24 (fid), fresh F4: a town's page writes the schedule variance of a derived rate with the
/// digits the rate supports, as the towns list does (`≈30%` gives `≈-53`, not `≈-53.3`).
extension W24FidPlanPerPeriodTests {
    func testThePagesVarianceHasTheDigitsOfTheList() throws {
        let d = try DatasetLoader.load(directory: try folders.bundledData(
            adding: Self.october([("nanhu", "completed", "\"4.50\"")]), name: "w24fid-var")).dataset
        for language in Language.allCases {
            let list = screen(try state(Facts(dataset: d), period: "2015-10", .townList, language: language))
            let row = try XCTUnwrap(list.first { $0.contains(language == .zh ? "南湖基金小镇" : "Nanhu") })
            XCTAssertTrue(row.contains("≈-53▼") && row.contains("≈30%"), row)
            var page = try state(Facts(dataset: d), period: "2015-10", .townList, language: language)
            page.height = 200
            page.stack = [Screen(.townList), Screen(.townPage("nanhu"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains("≈-53") && !text.contains("53.3"), text)
        }
    }
}

/// Wave 24 (fid), fresh F7: a filtered overview's checks count the city's check whose `!` its row
/// shows, and the ambiguity read for the towns listed.
extension W24FidPlanPerPeriodTests {
    func testAFilteredOverviewCountsTheChecksItsRowsShow() throws {
        let d = try DatasetLoader.load(directory: try folders.bundledData(adding: [:], name: "w24fid-fchecks")).dataset
        for language in Language.allCases {
            var s = try state(Facts(dataset: d), period: "2015-09", .overview, language: language)
            s = update(s, .toggleBehindFilter)
            let lines = screen(s)
            let text = lines.joined(separator: "\n")
            XCTAssertTrue(text.contains("-32.5▼!"), text)  // the city's row, its 42.5%! check
            let heading = try XCTUnwrap(lines.firstIndex { $0.contains(language == .zh ? "核对（所列" : "Checks (") }, text)
            XCTAssertTrue(lines[heading].contains(language == .zh ? "及全市" : "the city"), lines[heading])
            let counts = lines[heading + 1]
            XCTAssertTrue(counts.contains(language == .zh ? "不符 1" : "1 inconsistent"), counts)
            XCTAssertTrue(counts.contains(language == .zh ? "歧义 1" : "1 ambiguous"), counts)
        }
    }
}

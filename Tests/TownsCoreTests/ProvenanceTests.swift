import Foundation
import TownsCore
import XCTest

/// The paper's text, when this machine has it (`../shared/seeds/` beside the repository).
let paperPath = (repositoryRoot as NSString).deletingLastPathComponent + "/shared/seeds/000_33ffd65821f4f84d.txt"

/// Text compared as printed: whitespace (the paper's line and page breaks) dropped and
/// full-width ASCII forms (３, ．, ％, （, ＋) read as their ASCII letters.
func printedForm(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for u in text.unicodeScalars where !u.properties.isWhitespace {
        if (0xFF01...0xFF5E).contains(u.value), let a = Unicode.Scalar(u.value - 0xFEE0) {
            out.append(a)
        } else {
            out.append(u)
        }
    }
    return String(out)
}

/// Issue 12 points 2-4 and 8-11: sources named as they are, no circular confirmation, the
/// "共计30个项目" interpretation, bases, the province list's sources, readings, the paper as data.
final class ProvenanceTests: XCTestCase {
    var dataset: Dataset!
    override func setUpWithError() throws { dataset = try loadBundled() }

    func paper() throws -> String {
        guard let text = try? String(contentsOfFile: paperPath, encoding: .utf8) else {
            throw XCTSkip("the paper's text is not at \(paperPath)")
        }
        return printedForm(text)
    }

    // MARK: 2. Sources named as they are

    func testEverySourceSaysWhetherItsPageWasChecked() {
        for (id, s) in dataset.sources {
            XCTAssertNotNil(s.checked, "\(id): checked = true or false")
            XCTAssertFalse(s.checkedNote?.isEmpty ?? true, "\(id): how it was checked, or why not")
            XCTAssertFalse(s.reports?.isEmpty ?? true, "\(id): what it reports")
            if s.checked == true && s.url != nil {
                XCTAssertTrue(s.date != nil || s.checkedNote?.contains("no date") == true,
                              "\(id): a checked page's date, or that it shows none")
                XCTAssertNotNil(s.publisher, "\(id): a checked page's publisher")
            }
        }
        let notice = dataset.sources["ndrc-2016"]!
        XCTAssertEqual(notice.title, "嘉兴市首批5个省级特色小镇创建顺利", "the page's own title, not an assessment")
        XCTAssertFalse(notice.title.contains("考核"))
        XCTAssertEqual(notice.date, "2016-05-31")
        XCTAssertTrue(notice.reports?.contains("not the annual assessment") == true)
        XCTAssertEqual(dataset.sources["guidelines-2015"]?.checked, false, "no stored copy of the guidelines' pages")
    }

    // MARK: 3. No circular confirmation of the first-year tiers

    func testFortyTwoIsConsistentWithTheFitNotConfirmed() throws {
        let findings = Checker(dataset: dataset).run()
        XCTAssertFalse(
            findings.contains { $0.kind == .confirmed && $0.message.contains("agrees with the reported 42") },
            "the 42 cannot confirm tiers fitted to it")
        let f = try XCTUnwrap(findings.first { $0.kind == .consistent })
        XCTAssertTrue(f.message.contains("3 x 10 + 2 x 6 = 42") && f.message.contains("not confirmed"), f.message)
        let city = try XCTUnwrap(Assessment(metrics: Metrics(dataset: dataset)).cityYearOne())
        XCTAssertEqual(Set(city.fitted.map(\.id)), ["haining", "tongxiang", "haiyan"])
        for id in ["haining", "tongxiang", "haiyan"] {
            let t = dataset.town(id)!
            XCTAssertTrue(t.acceleratedCountyFitted && t.acceleratedCountySource == nil, id)
        }
        // Jiashan's and Nanhu's lower tier comes from their industries, read from the paper.
        XCTAssertFalse(dataset.town("jiashan")!.industryFitted)
        XCTAssertFalse(dataset.town("jiashan")!.industryNote!.contains("42"), "not derived from the 42")
        // A town whose county is sourced is not fitted, and the 42 is then a confirmation.
        var sourced = dataset!
        for i in sourced.towns.indices where sourced.towns[i].acceleratedCountyFitted {
            sourced.towns[i].acceleratedCountyFitted = false
            sourced.towns[i].acceleratedCountySource = .reported(source: "paper", at: nil, quote: nil, note: "test")
        }
        XCTAssertTrue(
            Checker(dataset: sourced).run().contains {
                $0.kind == .confirmed && $0.message.contains("agrees with the reported 42")
            })
    }

    func testAValueIsEitherSourcedOrFitted() throws {
        let dir = try brokenCopy("towns.toml") {
            $0.replacingOccurrences(
                of: "accelerated_county_fitted = true\n",
                with: "accelerated_county_fitted = true\naccelerated_county_source = \"paper\"\n")
        }
        let errors = loadErrors(dir)
        XCTAssertTrue(
            errors.contains {
                $0.field?.hasSuffix("accelerated_county_fitted") == true && $0.problem.contains("not fitted")
            },
            errors.map(\.description).joined(separator: "\n"))
    }

    // MARK: 4. "共计30个项目": an interpretation, reported as a finding, never summed as known

    func testThirtyProjectsAreAnInterpretationWithBothReadings() throws {
        for id in ["nanhu", "haiyan"] {
            let f = try XCTUnwrap(dataset.town(id)!.figures[FigureKey(.projectsPlanned)])
            XCTAssertTrue(f.isInterpreted && !f.provenance.isDerived, "its own kind, not derived arithmetic")
            guard case .interpreted(_, let readings) = f.provenance else { return XCTFail() }
            XCTAssertEqual(readings.count, 2)
            XCTAssertTrue(readings[0].contains("30 each") && readings[1].contains("together"), "\(readings)")
        }
        let findings = Checker(dataset: dataset).run()
        let ambiguous = try XCTUnwrap(findings.first { $0.kind == .ambiguous })
        XCTAssertTrue(
            ambiguous.message.contains("30 each") && ambiguous.message.contains("together"), ambiguous.message)
        let planned = try XCTUnwrap(findings.first { $0.message.hasPrefix("projects planned") })
        XCTAssertTrue(
            planned.message.contains("no town's own figure is known") && planned.message.contains("interpretation"),
            planned.message)
        let sum = Metrics(dataset: dataset).knownSum(FigureKey(.projectsPlanned), over: dataset.towns)
        XCTAssertEqual(sum.interpreted.map(\.id), ["nanhu", "haiyan"], "a table's sum can say it is an interpretation")
        var tally = Metrics.Tally()
        for t in dataset.towns { tally.add(t.figures[FigureKey(.projectsPlanned)]) }
        XCTAssertEqual(tally.interpreted, 2)
    }

    // MARK: 5. Later evidence is not evidence for an earlier period

    func testAreasFromLaterPagesAreNoEvidenceForTwentyFifteen() {
        let a = Assessment(metrics: Metrics(dataset: dataset))
        let rule = dataset.rules.first { $0.kind == .plannedArea }!
        let sep = dataset.period("2015-09")!
        XCTAssertEqual(dataset.town("haining")!.figures[FigureKey(.areaPlanned)]?.asOf, "2019-09-27")
        for id in ["haining", "nanhu", "jiashan"] {
            let r = a.evaluate(rule, dataset.town(id)!, asOf: sep)
            XCTAssertEqual(r.status, .unknown, "\(id): \(r.detail)")
            XCTAssertTrue(r.detail.contains("after 2015 Jan-Sep"), r.detail)
            XCTAssertEqual(r.missing, ["planned area as of 2015 Jan-Sep"])
        }
        XCTAssertEqual(a.evaluate(rule, dataset.town("nanhu")!).status, .met, "on every figure, 2.04 ≤ 3")
    }

    // MARK: 8. A different basis is marked

    func testTheNoticesInvestmentIsOnItsOwnBasis() throws {
        let basis = try XCTUnwrap(dataset.bases["fai-excl-housing"])
        XCTAssertTrue(basis.nameZH.contains("不含商品住宅和商业综合体"))
        XCTAssertEqual(dataset.totals[FigureKey(.completed, "2015-12")]?.basis, "fai-excl-housing")
        XCTAssertNil(dataset.totals[FigureKey(.completed, "2015-09")]?.basis, "the paper's 45.06 is on its own basis")
        XCTAssertNil(dataset.totals[FigureKey(.completed, "2015-08")]?.basis)
        for id in ["haining", "tongxiang", "haiyan"] {
            XCTAssertEqual(dataset.town(id)!.figures[FigureKey(.completed, "2015-12")]?.basis, "fai-excl-housing", id)
        }
        let dir = try brokenCopy("totals.toml") {
            $0.replacingOccurrences(of: "basis = \"fai-excl-housing\"", with: "basis = \"fai\"")
        }
        XCTAssertTrue(
            loadErrors(dir).contains {
                $0.field?.hasSuffix("basis") == true && $0.problem.contains("unknown basis 'fai'")
            })
    }

    // MARK: 9. The province list's sources

    func testTheProvinceListCitesThePaperBesideTheNotice() throws {
        let list = try XCTUnwrap(dataset.province)
        guard case .reported(let source, let at, let quote, _)? = list.alsoProvenance else {
            return XCTFail("the paper beside the notice")
        }
        XCTAssertEqual(source, "paper")
        XCTAssertEqual(at, "一")
        XCTAssertTrue(quote?.contains("2015年6月4日") == true && quote?.contains("37") == true)
        for (city, n) in [("杭州", 9), ("嘉兴", 5), ("丽水", 4), ("舟山", 0)] {
            let c = try XCTUnwrap(list.cities.first { $0.nameZH == city })
            XCTAssertEqual(c.reportedCount, n)
            guard case .reported(let s, _, _, _)? = c.alsoProvenance else { return XCTFail(city) }
            XCTAssertEqual(s, "paper", city)
        }
        let meishan = try XCTUnwrap(list.listed.first { $0.nameZH == "梅山海洋金融" })
        XCTAssertEqual(meishan.countyZH, "北仑", "梅山 is not a county")
        XCTAssertTrue(meishan.countyNote?.contains("北仑区") == true)
        XCTAssertEqual(list.listed.count, 37, "a later list's town is not counted in the first list")
    }

    // MARK: 10. Readings of place names as sourced data

    /// Characters with more than one reading that occur in place names; a bundled name with one
    /// of these needs a source for its reading unless its reading is the character's usual one.
    static let polyphonic: [Character: Set<String>] = [
        "长": ["chang", "zhang"], "乐": ["le", "yue"], "都": ["du", "dou"],
        "干": ["gan"], "行": ["xing", "hang"], "重": ["zhong", "chong"],
    ]

    func testEveryBundledPlaceNameHasAReading() throws {
        let list = try XCTUnwrap(dataset.province)
        var names: [(String, String?, Provenance?)] = dataset.towns.map { ($0.nameZH, $0.reading, $0.readingSource) }
        names += (list.listed + list.later).map { ($0.nameZH, $0.reading, $0.readingSource) }
        XCTAssertEqual(names.count, 5 + 37 + 1)
        for (name, reading, source) in names {
            let r = try XCTUnwrap(reading, "\(name) has a reading")
            let han = name.filter { $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }
            let syllables = r.split(separator: " ").map(String.init)
            XCTAssertEqual(syllables.count, han.count, "\(name): \(r)")
            for (ch, syl) in zip(han, syllables) {
                guard let options = Self.polyphonic[ch] else { continue }
                XCTAssertTrue(options.contains(syl), "\(name): \(ch) read \(syl)")
            }
            if name.hasPrefix("长") { XCTAssertNotNil(source, "\(name): a polyphonic place name's reading is sourced") }
        }
    }

    func testChangxingIsReadChangxing() throws {
        let list = try XCTUnwrap(dataset.province)
        let cx = try XCTUnwrap(list.later.first { $0.nameZH == "长兴新能源小镇" })
        XCTAssertEqual(cx.reading, "chang xing xin neng yuan xiao zhen")
        XCTAssertEqual(String(cx.reading!.split(separator: " ").map { $0.first! }), "cxxnyxz")
        XCTAssertEqual(cx.listDate, "2016-01-29")
        XCTAssertEqual(cx.cityZH, "湖州")
        guard case .reported(let source, _, let quote, _)? = cx.provenance else { return XCTFail("a public source") }
        XCTAssertNotNil(dataset.sources[source]?.url)
        XCTAssertTrue(quote?.contains("第二批特色小镇创建名单") == true)
        guard case .reported(let rs, _, let rq, _)? = cx.readingSource else { return XCTFail("the reading's source") }
        XCTAssertEqual(rs, "wiki-changxing")
        XCTAssertTrue(rq?.contains("Chángxīng") == true)
        let dir = try brokenCopy("towns.toml") {
            $0.replacingOccurrences(of: "reading = \"nan hu ji jin xiao zhen\"", with: "reading = \"nan hu ji jin\"")
        }
        XCTAssertTrue(
            loadErrors(dir).contains {
                $0.field?.hasSuffix("reading") == true && $0.problem.contains("has 6 characters")
            })
    }

    // MARK: 11. The paper's reference text as data; 12. every quote verbatim

    func testReferencePassagesCoverThePaper() throws {
        let ref = try XCTUnwrap(dataset.reference)
        XCTAssertEqual(
            ref.topics,
            ["definition", "features", "creation", "types", "mechanism", "problems", "countermeasures", "industries"])
        XCTAssertEqual(ref.passages.first { $0.id == "features" }?.items, ["产业内生性", "功能复合性", "形态小而美", "运行机制新而活"])
        XCTAssertEqual(ref.passages.first { $0.id == "creation" }?.items, ["分布不匀", "宽进严定", "动态监查", "奖优惩劣"])
        XCTAssertTrue(
            ref.passages.first { $0.id == "creation-reward" }?.quote.contains("返还财政收入") == true, "the fiscal rule")
        XCTAssertEqual(
            ref.passages(about: "types").filter { $0.id.hasPrefix("type-") }.map(\.townIDs),
            [["haining", "tongxiang"], ["jiashan"], ["nanhu"], ["haiyan"]])
        XCTAssertEqual(ref.passages.first { $0.id == "mechanism-city" }?.items.count, 13)
        XCTAssertEqual(ref.passages(about: "problems").count, 5)
        XCTAssertEqual(ref.passages.first { $0.id == "key-works" }?.items.count, 5)
        XCTAssertEqual(ref.passages.first { $0.id == "industries" }?.items.count, 7)
        for p in ref.passages { XCTAssertFalse(p.section.isEmpty, p.id) }
    }

    func testEveryQuoteOfThePaperIsVerbatim() throws {
        let text = try paper()
        var quotes: [(String, String)] = []
        func add(_ p: Provenance?, _ what: String) {
            if case .reported(let source, _, let quote?, _)? = p, source == "paper" { quotes.append((what, quote)) }
        }
        for p in dataset.reference?.passages ?? [] where p.source == "paper" {
            quotes.append((p.id, p.quote))
            for item in p.items { quotes.append(("\(p.id) item", item)) }
        }
        for t in dataset.towns { for (k, f) in t.figures { add(f.provenance, "\(t.id) \(k)") } }
        for (k, f) in dataset.totals { add(f.provenance, "total \(k)") }
        for r in dataset.rules { add(r.provenance, "rule \(r.id)") }
        add(dataset.province?.alsoProvenance, "province list")
        for c in dataset.province?.cities ?? [] { add(c.alsoProvenance, "city \(c.nameZH)") }
        // Names and labels taken from the paper are its words too.
        for t in dataset.types { quotes.append(("type \(t.number)", t.nameZH)) }
        for e in dataset.entities { quotes.append(("entity \(e.id)", e.nameZH)) }
        for p in dataset.problems?.problems ?? [] {
            quotes.append(("problem \(p.id)", p.nameZH))
            if let cause = p.causeZH { quotes.append(("problem \(p.id) cause", cause)) }
        }
        for c in dataset.problems?.countermeasures ?? [] { quotes.append(("countermeasure \(c.id)", c.nameZH)) }
        for t in dataset.towns { quotes.append(("town \(t.id)", t.nameZH)) }
        XCTAssertGreaterThan(quotes.count, 60)
        for (what, quote) in quotes {
            XCTAssertTrue(text.contains(printedForm(quote)), "\(what): not verbatim in the paper: \(quote)")
        }
    }
}

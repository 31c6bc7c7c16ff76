import Foundation
import TownsCore
import TownsUI
import XCTest

/// Issue 14 point 7: every view's page and every export in the reader's language. In Chinese
/// mode no English sentence (a run of 3+ English words) outside the data's own words (names,
/// quotes, notes: `dataTexts`); in English mode no Chinese prose (a run of 3+ Chinese
/// characters) outside them.
final class ReadersLanguageTests: XCTestCase {
    /// Every screen of the bundled data: each view, each list's drill-down, each page.
    func screens(_ dataset: Dataset) -> [Screen.Kind] {
        var kinds: [Screen.Kind] = [.overview, .townList, .typeList, .entityList, .assessment, .province,
                                    .cityTotals, .reference, .changes, .townsOfEntity(nil)]
        kinds += dataset.types.map { .townsOfType($0.number) }
        kinds += dataset.entities.map { .townsOfEntity($0.id) }
        kinds += dataset.towns.map { .townPage($0.id) }
        kinds += (dataset.province?.cities ?? []).map { .city($0.nameZH) }
        kinds += (dataset.reference?.topics ?? []).map { .referencePage($0) }
        return kinds
    }

    /// Every string the dataset holds (names, quotes, notes, readings, source titles), found
    /// by walking its values: words the data gives in one language only are the data's own.
    func dataTexts(_ value: Any, into out: inout Set<String>) {
        if let s = value as? String { out.insert(collapsed(s)); return }
        for child in Mirror(reflecting: value).children { dataTexts(child.value, into: &out) }
    }

    /// Whitespace collapsed, and none beside a non-ASCII character: a page wraps Chinese text
    /// anywhere and English at spaces, so a quote reads the same wrapped or not.
    func collapsed(_ s: String) -> String {
        s.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            .replacingOccurrences(of: " ?([^\\x00-\\x7F]) ?", with: "$1", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }

    /// A JSON export's strings, one a line (its escapes read).
    func jsonStrings(_ text: String) -> String {
        func walk(_ v: Any) -> [String] {
            if let s = v as? String { return [s] }
            if let a = v as? [Any] { return a.flatMap(walk) }
            if let d = v as? [String: Any] { return d.keys.sorted().flatMap { walk(d[$0]!) } }
            return []
        }
        guard let v = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return text }
        return walk(v).joined(separator: "\n")
    }

    /// What each screen shows and exports in `language`: its page lines (a page's, in full) or
    /// its screen, and every export format's text (the CSV's .meta.txt too).
    func outputs(_ language: Language, only: (Screen.Kind) -> Bool = { _ in true }) throws -> [(String, String)] {
        var base = try bundledState(width: 120, height: 60, period: "2015-09")
        base.language = language
        var out: [(String, String)] = []
        for kind in screens(base.dataset) where only(kind) {
            var s = base
            s.stack = [Screen(.townList), Screen(kind)]
            if kind.isPage {
                out.append(("\(kind) page", s.pageLines(kind, width: 120).map { $0.text() }.joined(separator: "\n")))
            } else {
                out.append(("\(kind) screen", screen(s).joined(separator: "\n")))
            }
            for format in ExportRequest.Format.allCases {
                guard let e = s.exportOutput(format, glyphs: .unicode) else { continue }
                let text = format == .json ? jsonStrings(e.text) : e.text
                out.append(("\(kind) \(format)", text + "\n" + (e.meta ?? "")))
            }
        }
        return out
    }

    /// The output with the data's own words taken out, whitespace collapsed (a page wraps at spaces).
    func withoutData(_ text: String, _ data: [String]) -> String {
        var t = collapsed(text)
        for d in data { t = t.replacingOccurrences(of: d, with: " ") }
        return t
    }

    func runs(of pattern: String, in text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    func dataWords() throws -> [String] {
        var data: Set<String> = []
        let dataset = try bundledState().dataset
        dataTexts(dataset, into: &data)
        // Longest first, so a quote goes before a name inside it; short English words stay (an "and"
        // of the data would take words out of a sentence of the interface).
        return data.filter { $0.count >= 4 || ($0.count >= 2 && $0.unicodeScalars.contains { !$0.isASCII }) }
            .sorted { $0.count > $1.count }
    }

    /// The runs of `pattern` in `language`'s outputs that are not the data's words: a run inside
    /// one of `data` is the data's (a note cut to its column); an output with any other run is
    /// looked at again with the data's words taken out (a run may join a note to the words after it).
    func foreignRuns(_ pattern: String, _ language: Language) throws -> [String] {
        let data = try dataWords()
        func foreign(_ t: String) -> Set<String> {
            Set(runs(of: pattern, in: t)).filter { run in !data.contains { $0.contains(run) } }
        }
        var found: [String] = []
        for (what, text) in try outputs(language) {
            guard !foreign(collapsed(text)).isEmpty else { continue }
            found += foreign(withoutData(text, data)).sorted().map { "\(what): \($0)" }
        }
        return found
    }

    /// The town and city pages, shown and exported, with the data's own words, file:line and
    /// addresses, the `towns` commands named and the unit 亿元 taken out (a label's other half is
    /// what is left: the first two tests miss it, as it is one or two words, and `collapsed`
    /// joins "推算 derived:" into "推算derived:", no run of three words).
    func pageTexts(_ language: Language) throws -> [(String, String)] {
        let data = try dataWords()
        let pages = try outputs(language) { kind in
            if case .townPage = kind { return true }
            return kind == .cityTotals
        }
        return pages.map { what, text in
                var t = withoutData(text, data)
                for pattern in ["[A-Za-z0-9_.-]+\\.toml(:[0-9,]+)?", "https?://\\S+", "towns [a-z]+", "亿元"] {
                    t = t.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
                }
                return (what, t)
            }
    }

    /// Wave 6: a Chinese page carries no English half of a label ("推算 derived:", "完成率 of plan",
    /// "完成率 Δ change"): no English word of two letters or more beside Chinese (or beside a Δ
    /// after it), once the data's own words are out.
    func testNoEnglishHalfOfALabelOnAChinesePage() throws {
        let cjk = "[\\p{Han}\\u3000-\\u303F\\uFF00-\\uFFEF]"
        var found: [String] = []
        for (what, text) in try pageTexts(.zh) {
            found += Set(runs(of: "\(cjk)Δ?[A-Za-z][A-Za-z%'’]+|[A-Za-z][A-Za-z%'’]+Δ?\(cjk)", in: text)).sorted()
                .map { "\(what): \($0)" }
        }
        XCTAssertTrue(found.isEmpty, "English beside Chinese on a Chinese page:\n" + found.joined(separator: "\n"))
    }

    /// Wave 6: an English page carries no Chinese word of its own (the data's names, quotes and
    /// notes, and the unit 亿元, aside): a two-character label ("完成") is caught too.
    func testNoChineseWordOnAnEnglishPage() throws {
        var found: [String] = []
        for (what, text) in try pageTexts(.en) {
            // The paper's section numbers (三, 二(三)) cite it as the data does: not words of the interface.
            found += Set(runs(of: "\\p{Han}+", in: text)).filter { $0.range(of: "^[一二三四五六七八九十]+$",
                                                                           options: .regularExpression) == nil }
                .sorted().map { "\(what): \($0)" }
        }
        XCTAssertTrue(found.isEmpty, "Chinese on an English page:\n" + found.joined(separator: "\n"))
    }

    func testNoEnglishSentenceInChineseMode() throws {
        let found = try foreignRuns("[A-Za-z][A-Za-z'’]*(?: [A-Za-z][A-Za-z'’]*){2,}", .zh)
        XCTAssertTrue(found.isEmpty, "English in Chinese mode:\n" + found.joined(separator: "\n"))
    }

    func testNoChineseProseInEnglishMode() throws {
        let found = try foreignRuns("\\p{Han}{3,}", .en)
        XCTAssertTrue(found.isEmpty, "Chinese in English mode:\n" + found.joined(separator: "\n"))
    }
}

/// The consistency findings worded by `FindingWords` (issue 14 point 7).
final class FindingWordsTests: XCTestCase {
    func testTheCheckOutputInEachLanguage() throws {
        let dataset = try bundledState().dataset
        let findings = Checker(dataset: dataset).run()
        let bad = try XCTUnwrap(findings.first { $0.kind == .inconsistency })
        let zh = FindingWords(dataset: dataset, language: .zh)
        guard case let .ratio(r) = bad.detail, let possible = r.possible else { return XCTFail("a ratio") }
        XCTAssertEqual(zh.message(bad), "2015年1-9月完成率印为 42.5%，但 45.06 ÷ 106.8 = 42.19%（按印出数字的舍入，至多在 "
                       + "\(possible) 之间）；42.5% 需要分母为 106.0")
        XCTAssertTrue(zh.line(bad).contains("totals.toml:"), zh.line(bad))
        XCTAssertTrue(zh.line(bad).contains(": 不一致: 嘉兴市: 2015年1-9月完成率印为"), zh.line(bad))
        XCTAssertEqual(zh.sources(bad).count, 1)
        XCTAssertTrue(zh.sources(bad)[0].hasPrefix("数据出处 totals.toml:"), zh.sources(bad)[0])
    }

    /// A flagged figure is named in words of the language shown, by its measure and period, not by
    /// its data key (`completion_rate[2015-09]`); the line still opens with its file and line.
    func testFlaggedFiguresNamedInWords() throws {
        let dataset = try bundledState().dataset
        let bad = try XCTUnwrap(Checker(dataset: dataset).run().first { $0.kind == .inconsistency })
        let en = FindingWords(dataset: dataset, language: .en), zh = FindingWords(dataset: dataset, language: .zh)
        XCTAssertTrue(en.line(bad).hasSuffix("denominator of 106.0 [flags completion rate, 2015 Jan-Sep]"),
                      en.line(bad))
        XCTAssertTrue(zh.line(bad).hasSuffix("需要分母为 106.0［存疑的数字 完成率，2015年1-9月］"), zh.line(bad))
        for line in [en.line(bad), zh.line(bad)] {
            XCTAssertNotNil(line.range(of: "^/.*/totals\\.toml:[0-9]+: ", options: .regularExpression), line)
        }
        // A year's figure (no period of that id in the data) and one with no period.
        XCTAssertEqual(en.flagged(FigureKey(.planShare, "2015")), "plan share, 2015")
        XCTAssertEqual(zh.flagged(FigureKey(.planShare, "2015")), "年度计划占比，2015年")
        XCTAssertEqual(en.flagged(FigureKey(.planTotal)), "3-year plan")
    }

    /// `towns check -v`'s finding lines of the bundled data in each language, as printed before code
    /// debt D4 moved the English wording from the core to `FindingWords` (Screens/check-bundled-LANG.txt,
    /// written by that `towns check`): one worder, the same words; since then only the flagged
    /// figure is named in words (`[flags completion rate, 2015 Jan-Sep]`, was `completion_rate[2015-09]`).
    func testTheCheckLinesOfTheBundledData() throws {
        let dataset = try bundledState().dataset
        let findings = Checker(dataset: dataset).run()
        for language in Language.allCases {
            let words = FindingWords(dataset: dataset, language: language)
            let lines = findings.map { words.line($0).replacingOccurrences(of: repositoryRoot + "/", with: "") }
            let expected = try String(contentsOfFile: ScreenGoldenTests.folder + "/check-bundled-\(language).txt",
                                      encoding: .utf8)
            XCTAssertEqual(lines.joined(separator: "\n") + "\n", expected, "\(language)")
        }
    }

    func testEveryFindingInChineseHasNoEnglishSentenceOfItsOwn() throws {
        let dataset = try bundledState().dataset
        let zh = FindingWords(dataset: dataset, language: .zh)
        let english = try NSRegularExpression(pattern: "[A-Za-z]+(?: [A-Za-z]+){2,}")
        for f in Checker(dataset: dataset).run() {
            var text = zh.message(f)
            // The ambiguity's readings and reasoning are the data's words (English in the data).
            if case let .ambiguous(readings, _, reasoning) = f.detail {
                for r in readings + [reasoning] { text = text.replacingOccurrences(of: r, with: "") }
            }
            let range = NSRange(text.startIndex..., in: text)
            XCTAssertNil(english.firstMatch(in: text, range: range), text)
        }
    }
}

/// Issue 14 point 7 in the exports: the city's totals page and a town's page export the words the
/// screen shows, in its language, with the data files on lines of their own.
final class ExportWordsTests: XCTestCase {
    func testTheCityTotalsExportCarriesTheChecksInTheLanguageShown() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 120, height: 60, period: "2015-09")
            s.language = language
            s.stack = [Screen(.townList), Screen(.cityTotals)]
            let words = FindingWords(dataset: s.dataset, language: language)
            let bad = try XCTUnwrap(Checker(dataset: s.dataset).run().first { $0.kind == .inconsistency })
            for format in [ExportRequest.Format.text, .md, .json] {
                let text = try XCTUnwrap(s.exportOutput(format, glyphs: .unicode)).text
                // Pages are written at 100 columns: compare with the lines joined as one text.
                let flat = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: language == .zh ? "" : " ")
                XCTAssertTrue(flat.contains(String(words.message(bad).prefix(30))), "\(language) \(format):\n\(text)")
                XCTAssertTrue(text.contains(words.sources(bad)[0]), "\(language) \(format):\n\(text)")
                XCTAssertFalse(text.contains("[totals.toml:"), "never mid-sentence")
            }
        }
    }
}

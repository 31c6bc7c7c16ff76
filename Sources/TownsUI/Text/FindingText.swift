import Foundation
import TownsCore

/// A consistency finding (`Finding`) in words of a language (issue 14 point 7, code debt D4): the
/// one worder of consistency findings, both languages side by side, from the finding's `detail`
/// (the core gives only data: figures as printed, periods and towns by id, file lines). The data
/// files' lines stay apart (`sources`), for a line of their own. Text quoted from the data (a
/// reading's words, the data's reasoning) is the data's own.
///
/// ```swift
/// let words = FindingWords(dataset: dataset, language: .zh)
/// words.message(finding)  // "2015年1-9月完成率印为 42.5%，但 45.06 ÷ 106.8 = 42.19%（…）"
/// words.line(finding)     // "totals.toml:40: 不一致: 嘉兴市: 2015年1-9月完成率印为 42.5%，…"
/// // in English: "totals.toml:40: inconsistency: Jiaxing: 2015 Jan-Sep completion is printed as 42.5%, …"
/// ```
public struct FindingWords: DatasetWords {
    public let dataset: Dataset
    public let language: Language

    public init(dataset: Dataset, language: Language) {
        self.dataset = dataset
        self.language = language
    }

    /// The kind of finding in `language` ("不一致" / "inconsistency").
    public func kind(_ k: Finding.Kind) -> String {
        switch k {
        case .inconsistency: return t("不一致", k.rawValue)
        case .shortfall: return t("缺口", k.rawValue)
        case .confirmed: return t("已核实", k.rawValue)
        case .consistent: return t("相符（拟合）", k.rawValue)
        case .ambiguous: return t("有歧义", k.rawValue)
        }
    }

    /// What the finding is about, in `language`: the city's, the province's or a town's name.
    public func subject(_ f: Finding) -> String {
        if let id = f.townID, let town = dataset.town(id) { return t(town.nameZH, town.nameEN) }
        if f.subject == dataset.regionEN { return t(dataset.regionZH, dataset.regionEN) }
        if language == .zh, case let .listedCount(city, _, _) = f.detail {
            return city ?? dataset.province?.nameZH ?? f.subject
        }
        return f.subject
    }

    /// "FILE:LINE: kind: subject: message" as `towns check` prints it, and for an inconsistency
    /// the figures it flags by name ("[flags completion rate, 2015 Jan-Sep]" /
    /// "［存疑的数字 完成率，2015年1-9月］").
    public func line(_ f: Finding) -> String {
        let at = f.locations.first.map { "\($0): " } ?? ""
        let keys = f.flaggedFigures.map(flagged).joined(separator: t("；", "; "))
        let flags = keys.isEmpty ? "" : t("［存疑的数字 \(keys)］", " [flags \(keys)]")
        return "\(at)\(kind(f.kind)): \(subject(f)): \(message(f))\(flags)"
    }

    /// A flagged figure named by its measure and period: "completion rate, 2015 Jan-Sep" /
    /// "完成率，2015年1-9月"; a year's figure "plan share, 2015" / "年度计划占比，2015年".
    public func flagged(_ key: FigureKey) -> String {
        guard let id = key.period else { return measure(key.measure) }
        return measure(key.measure) + t("，", ", ") + (dataset.period(id).map { t($0.labelZH, $0.labelEN) }
            ?? t("\(id)年", id))
    }

    /// The data files and lines of the figures a finding involves, one file a line, each line
    /// on its own ("数据出处 totals.toml:32,40"); empty when it names none.
    public func sources(_ f: Finding) -> [String] {
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        for l in f.locations {
            let file = dataset.dataPath(l.file)  // `monthly/2015-10.toml`, as in the folder
            if lines[file] == nil { order.append(file) }
            if lines[file]?.contains(l.line) != true { lines[file, default: []].append(l.line) }
        }
        let label = t(Catalogue.dataFileLine.zh, Catalogue.dataFileLine.en)
        return order.map { label + "\($0):" + lines[$0]!.map(String.init).joined(separator: ",") }
    }

    // MARK: Names


    private func town(_ id: String) -> String { dataset.town(id).map { t($0.nameZH, $0.nameEN) } ?? id }

    /// At most 8 towns' names, then how many there are ("A、B 等 12 个" / "A, B and 4 more").
    private func names(_ n: Finding.Names) -> String {
        let shown = n.shown.map(town)
        return t(shown.joined(separator: "、") + (n.count > shown.count ? " 等 \(n.count) 个" : ""),
                 shown.joined(separator: ", ") + (n.count > shown.count ? " and \(n.count - shown.count) more" : ""))
    }

    /// A measure's name in prose (the catalogue's Chinese labels carry English glosses).
    func measure(_ m: Measure) -> String { language == .zh ? Self.measureZH(m) : m.nameEN }

    /// A measure's name in Chinese prose.
    static func measureZH(_ m: Measure) -> String {
        switch m {
        case .planTotal: return "3年计划投资"
        case .planYear: return "年度计划投资"
        case .planShare: return "年度计划占比"
        case .completed: return "完成投资"
        case .completionRate: return "完成率"
        case .projectsPlanned: return "计划项目数"
        case .projectsStarted: return "已开工项目数"
        case .startRate: return "开工率"
        case .featuredInvestment: return "特色产业投资"
        case .featuredShare: return "特色产业投资占比"
        case .revenue: return "营业收入"
        case .areaPlanned: return "规划面积"
        case .areaBuilt: return "建成面积"
        case .investmentMinimum: return "最低投资要求"
        case .landQuotaUsed: return "已用用地指标"
        }
    }

    /// A figure by its measure and period: "2015年1-9月完成投资" / "completed 2015 Jan-Sep".
    private func figure(_ key: FigureKey) -> String {
        guard let id = key.period else { return measure(key.measure) }
        guard language == .zh else { return "\(key.measure.nameEN) \(period(id))" }
        if key.measure == .planYear { return "\(id)年计划投资" }  // not "2015年年度计划投资"
        let when = dataset.period(id) == nil ? "\(id)年" : period(id)
        return when + Self.measureZH(key.measure)
    }

    private func topic(_ topic: Finding.RateTopic) -> String {
        switch topic {
        case let .planShare(year): return t("\(year)年计划占3年计划的比例", "\(year) plan share")
        case let .completion(p): return t("\(period(p))完成率", "\(period(p)) completion")
        case let .startRate(p): return t("\(period(p))开工率", "\(period(p)) start rate")
        case let .featuredShare(p): return t("\(period(p))特色产业投资占比", "\(period(p)) featured-industry share")
        }
    }

    private func sum(_ s: Finding.TotalSum) -> String {
        s.value + (s.interval.map { t("（按其推算数的舍入，在 \($0) 之间）", " (given the rounding of its inputs: \($0))") }
            ?? "")
    }

    // MARK: Messages

    /// What the finding found, in `language`.
    public func message(_ f: Finding) -> String {
        let kind = f.kind
        switch f.detail {
        case let .ratio(r):
            let calc = "\(r.numerator) \(t("÷", "/")) \(r.denominator) = \(r.computed)%"
            guard kind == .inconsistency else {
                return t("\(topic(r.topic)) \(r.printed)% 与 \(calc) 相符",
                         "\(topic(r.topic)) \(r.printed)% agrees with \(calc)")
            }
            return t("\(topic(r.topic))印为 \(r.printed)%，但 \(calc)",
                     "\(topic(r.topic)) is printed as \(r.printed)%, but \(calc)")
                + (r.possible.map { t("（按印出数字的舍入，至多在 \($0) 之间）", " (at most \($0) given rounding)") } ?? "")
                + (r.needed.map { t("；\(r.printed)% 需要分母为 \($0)", "; \(r.printed)% would need a denominator of \($0)") }
                    ?? "")
        case let .planAgreement(year, derivations):
            let parts = derivations.map { t("\(period($0.period))得 \($0.plan)",
                                            "\(period($0.period)) gives \($0.plan)") }
                .joined(separator: t("，", ", "))
            return kind == .inconsistency
                ? t("由完成投资 ÷ 完成率推算的\(year)年计划各期间不一致：\(parts)；年内调整了计划，"
                    + "或这些期间的完成投资或完成率中有一个有误，不知是哪一个；所示计划只据一致的期间",
                    "\(year) plan derived from completed / completion rate disagrees between periods: \(parts); "
                        + "the plan was revised in the year, or one of the completed amounts or rates of these "
                        + "periods is wrong, and which is not known; the plan shown rests on the agreeing periods only")
                : t("由完成投资 ÷ 完成率推算的\(year)年计划各期间一致：\(parts)",
                    "\(year) plan derived from completed / completion rate agrees across periods: \(parts)")
        case let .totalOfAll(key, total, s):
            return figure(key) + (kind == .inconsistency
                ? t("：各小镇合计 \(sum(s))，但报告的合计为 \(total)",
                    ": the towns sum to \(sum(s)) but the reported total is \(total)")
                : t("：各小镇合计等于报告的合计 \(total)", ": the towns sum to the reported total \(total)"))
        case let .knownExceedTotal(key, total, s):
            return figure(key) + t("：仅已知的小镇合计已达 \(sum(s))，超过报告的合计 \(total)",
                                   ": the known towns alone sum to \(sum(s)), more than the reported total \(total)")
        case let .totalGap(g): return gap(g)
        case let .ambiguous(readings, used, reasoning):
            // The data's words in the reader's language when the data gives them (`readings_zh`).
            let zh = language == .zh
            let reasoning = dataset.note(reasoning, chinese: zh)
            let r = readings.enumerated()
                .map { t("（\($0.offset + 1)）", "(\($0.offset + 1)) ") + dataset.note($0.element, chinese: zh) }
                .joined(separator: t("；", "; "))
            let u = used.map { "\(town($0.town)) \(measure($0.measure)) \($0.value)" }.joined(separator: t("，", ", "))
            return t("来源的文字有不止一种读法：\(r)。数据采用读法（1）：\(u)，为解读，不是报告数。理由（数据原文）：\(reasoning)",
                     "the source's words read more than one way: \(r). The data uses reading (1): \(u), "
                        + "an interpretation, not a reported figure. \(reasoning)")
        case let .yearOneMinimum(year, formula, unknownTiers, required, reported, fitted):
            let f = language == .zh
                ? formula.replacingOccurrences(of: " x ", with: " × ")
                    + (unknownTiers > 0 ? " + \(unknownTiers) 个未知" : "")
                : formula + (unknownTiers > 0 ? " + \(unknownTiers) unknown" : "")
            let head = t("\(year)年首年最低投资按规则 \(f) = \(required)",
                         "\(year) first-year minimum from the rules \(f) = \(required)")
            switch kind {
            case .consistent:
                return head + t("，与报告的 \(reported) 相符，但不能由此印证：\(fitted.map(town).joined(separator: "、")) 的档次"
                                    + "是按这一合计拟合的（数据中没有来源说明其所在县是否在26个之列）",
                                " is consistent with the reported \(reported), but not confirmed by it: the tiers of "
                                    + "\(fitted.map(town).joined(separator: ", ")) were fitted to that total "
                                    + "(no source in the data says whether their counties are among the 26)")
            case .inconsistency: return head + t("，但报告为 \(reported)", ", but \(reported) is reported")
            default: return head + t("，与报告的 \(reported) 一致", " agrees with the reported \(reported)")
            }
        case let .yearOneMargin(year, completed, required, margin, above):
            return t("\(year)年完成 \(completed)，对照最低要求 \(required)：\(above ? "高出" : "差") \(margin)",
                     "\(year) completed \(completed) against the minimum \(required): "
                        + "\(above ? "above by" : "short by") \(margin)")
        case let .rateFalls(earlier, earlierRate, earlierAt, later, laterRate):
            // Where the earlier rate is, as a data path (`monthly/2015-09.toml:12`): the line's own
            // FILE:LINE is the later rate's.
            let at = earlierAt.map { "\(dataset.dataPath($0.file)):\($0.line)" }
            return t("\(period(later))完成率 \(laterRate)% 低于\(period(earlier))的 \(earlierRate)%"
                        + (at.map { "（\($0)）" } ?? "") + "（超出两者印出数字的舍入）："
                        + "完成率按同一年度计划从 1 月累计，不会下降，除非计划改了；其中一个有误，或计划有变",
                     "\(period(later)) completion \(laterRate)% is below \(period(earlier))'s \(earlierRate)%" + (at.map { " (\($0))" } ?? "") + " "
                        + "(beyond the rounding of both): a rate is cumulative from January over one year's plan "
                        + "and cannot fall unless the plan changed; one of them is wrong, or the plan changed")
        case let .listedCount(city, listed, reported):
            if listed == reported {
                return t("列出 \(listed) 个小镇，与报告一致", Catalogue.townsEN(listed) + " listed, as reported")
            }
            return t("列出 \(listed) 个小镇，但报告为 \(reported) 个", city == nil
                ? Catalogue.townsEN(listed) + " listed, but the list has \(reported)"
                : Catalogue.townsEN(listed) + " listed in province.toml, but \(reported) reported")
        }
    }

    /// What the towns' known figures leave of a reported total.
    private func gap(_ g: Finding.TotalGap) -> String {
        var s = figure(g.key) + t("：报告合计 \(g.total)；", ": reported total \(g.total); ")
        if let known = g.sum {
            // Every known figure derived: said once, not the names twice ("A, B, derived for A, B").
            let allDerived = !g.derived.isEmpty && g.derived == g.known
            s += t("已知 \(g.towns) 个小镇中的 \(g.known.count) 个（\(names(g.known))"
                        + (g.derived.isEmpty ? "" : allDerived ? "，均为推算" : "，其中 \(names(g.derived)) 为推算")
                        + "），合计 \(sum(known))",
                   "known for \(g.known.count) of \(g.towns) towns (\(names(g.known))"
                        + (g.derived.isEmpty ? "" : allDerived ? ", all derived" : ", derived for \(names(g.derived))")
                        + "), summing to \(sum(known))")
        } else {
            s += t("没有一个小镇的数字已知", "no town's own figure is known")
        }
        if !g.interpreted.isEmpty {
            s += t("；按来源的一种读法（解读，非报告数）\(names(g.interpreted)) 共 \(g.interpretedSum)（见歧义核对）",
                   "; under one reading of the source (an interpretation, not reported) \(names(g.interpreted)) "
                    + "have \(g.interpretedSum) together (see the ambiguity finding)")
        }
        if let rest = g.rest, let known = g.sum {
            // The rest is worked out (the total less the known sum): `≈`, as every derived figure
            // is written in a table (session 27's fresh user, F15: `73.2 (derived: 106.8 − ≈33.6)`).
            s += t("；≈\(rest)（推算：\(g.total) − \(known.value)）在 \(names(g.among)) 之中未有着落",
                   "; ≈\(rest) (derived: \(g.total) − \(known.value)) is not accounted for among \(names(g.among))")
        } else {
            s += t("；全部在 \(names(g.among)) 之中未有着落", "; all of it is not accounted for among \(names(g.among))")
        }
        if !g.bounded.isEmpty {
            s += t("；其中 \(names(g.bounded)) 各只有下限，合计超过 \(g.boundSum)",
                   "; of these, \(names(g.bounded)) each have only a lower bound, together more than \(g.boundSum)")
            s += g.boundsExceed ? t("，超出所余", ", which exceeds what is left") : t("，在所余之内", ", which fits")
        }
        return s
    }
}

extension ShownFacts {
    /// The consistency findings' words in the interface language (`FindingWords`).
    var findingWords: FindingWords { FindingWords(dataset: facts.dataset, language: language) }
}

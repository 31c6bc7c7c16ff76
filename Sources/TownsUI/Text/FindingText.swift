import Foundation
import TownsCore

/// A consistency finding (`Finding`) in words of a language (issue 14 point 7): Chinese worded
/// here from the finding's `detail`, English as the core words it (`Finding.message`, what
/// `towns check` has always printed). The data files' lines stay apart (`sources`), for a line
/// of their own. Text quoted from the data (a reading's words, a note) is the data's own.
///
/// ```swift
/// let words = FindingWords(dataset: dataset, language: .zh)
/// words.message(finding)  // "2015年1-9月完成率印为 42.5%，但 45.06 ÷ 106.8 = 42.19%（…）"
/// words.line(finding)     // "totals.toml:40: 不一致: 嘉兴市: 2015年1-9月完成率印为 42.5%，…"
/// ```
public struct FindingWords: Sendable {
    public let dataset: Dataset
    public let language: Language

    public init(dataset: Dataset, language: Language) {
        self.dataset = dataset
        self.language = language
    }

    /// What the finding found, in `language`.
    public func message(_ f: Finding) -> String {
        guard language == .zh, let d = f.detail else { return f.message }
        return zh(d, kind: f.kind)
    }

    /// The kind of finding in `language` ("不一致" / "inconsistency").
    public func kind(_ k: Finding.Kind) -> String {
        guard language == .zh else { return k.rawValue }
        switch k {
        case .inconsistency: return "不一致"
        case .shortfall: return "缺口"
        case .confirmed: return "已核实"
        case .consistent: return "相符（拟合）"
        case .ambiguous: return "有歧义"
        }
    }

    /// What the finding is about, in `language`: the city's or a town's name.
    public func subject(_ f: Finding) -> String {
        if let id = f.townID, let town = dataset.town(id) { return language == .zh ? town.nameZH : town.nameEN }
        if f.subject == dataset.regionEN { return language == .zh ? dataset.regionZH : dataset.regionEN }
        if language == .zh, case let .listedCount(city, _, _)? = f.detail {
            return city ?? dataset.province?.nameZH ?? f.subject
        }
        return f.subject
    }

    /// "FILE:LINE: kind: subject: message" as `towns check` prints it; in English exactly
    /// `Finding.description`, in Chinese with the flagged figures named by their keys.
    public func line(_ f: Finding) -> String {
        guard language == .zh else { return f.description }
        let at = f.locations.first.map { "\($0): " } ?? ""
        var keys = f.flaggedKeys
        if let flagged = f.flagged, !keys.contains(flagged) { keys.insert(flagged, at: 0) }
        let flags = f.kind == .inconsistency && !keys.isEmpty
            ? "［存疑的数字 \(keys.map(\.description).joined(separator: ", "))］" : ""
        return "\(at)\(kind(f.kind)): \(subject(f)): \(message(f))\(flags)"
    }

    /// The data files and lines of the figures a finding involves, one file a line, each line
    /// on its own ("数据出处 totals.toml:32,40"); empty when it names none.
    public func sources(_ f: Finding) -> [String] {
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        for l in f.locations {
            let file = l.file.split(separator: "/").last.map(String.init) ?? l.file
            if lines[file] == nil { order.append(file) }
            if lines[file]?.contains(l.line) != true { lines[file, default: []].append(l.line) }
        }
        let label = language == .zh ? Catalogue.dataFileLine.zh : Catalogue.dataFileLine.en
        return order.map { label + "\($0):" + lines[$0]!.map(String.init).joined(separator: ",") }
    }

    // MARK: Chinese

    private func period(_ id: String) -> String { dataset.period(id)?.labelZH ?? id }

    private func names(_ n: Finding.Names) -> String {
        let shown = n.shown.joined(separator: "、")
        return n.count > n.shown.count ? shown + " 等 \(n.count) 个" : shown
    }

    /// A measure's name in Chinese prose (the catalogue's labels carry English glosses).
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

    private func figure(_ key: FigureKey) -> String {
        guard let id = key.period else { return Self.measureZH(key.measure) }
        if key.measure == .planYear { return "\(id)年计划投资" }  // not "2015年年度计划投资"
        let when = dataset.period(id) == nil ? "\(id)年" : period(id)
        return when + Self.measureZH(key.measure)
    }

    private func topic(_ t: Finding.RateTopic) -> String {
        switch t {
        case let .planShare(year): return "\(year)年计划占3年计划的比例"
        case let .completion(p): return "\(period(p))完成率"
        case let .startRate(p): return "\(period(p))开工率"
        case let .featuredShare(p): return "\(period(p))特色产业投资占比"
        }
    }

    private func sum(_ s: Finding.TotalSum) -> String {
        s.value + (s.interval.map { "（按其推算数的舍入，在 \($0) 之间）" } ?? "")
    }

    private func zh(_ d: Finding.Detail, kind: Finding.Kind) -> String {
        switch d {
        case let .ratio(r):
            let calc = "\(r.numerator) ÷ \(r.denominator) = \(r.computed)%"
            guard kind == .inconsistency else { return "\(topic(r.topic)) \(r.printed)% 与 \(calc) 相符" }
            var s = "\(topic(r.topic))印为 \(r.printed)%，但 \(calc)"
            if let p = r.possible { s += "（按印出数字的舍入，至多在 \(p) 之间）" }
            if let n = r.needed { s += "；\(r.printed)% 需要分母为 \(n)" }
            return s
        case let .planAgreement(year, derivations):
            let parts = derivations.map { "\(period($0.period))得 \($0.plan)" }.joined(separator: "，")
            return kind == .inconsistency
                ? "由完成投资 ÷ 完成率推算的\(year)年计划各期间不一致：\(parts)；"
                    + "这些期间的完成投资或完成率中有一个有误，不知是哪一个"
                : "由完成投资 ÷ 完成率推算的\(year)年计划各期间一致：\(parts)"
        case let .totalOfAll(key, total, s):
            return kind == .inconsistency
                ? "\(figure(key))：各小镇合计 \(sum(s))，但报告的合计为 \(total)"
                : "\(figure(key))：各小镇合计等于报告的合计 \(total)"
        case let .knownExceedTotal(key, total, s):
            return "\(figure(key))：仅已知的小镇合计已达 \(sum(s))，超过报告的合计 \(total)"
        case let .totalGap(g):
            var s = "\(figure(g.key))：报告合计 \(g.total)；"
            if let known = g.sum {
                s += "已知 \(g.towns) 个小镇中的 \(g.known.count) 个（\(names(g.known))"
                if !g.derived.isEmpty { s += "，其中 \(names(g.derived)) 为推算" }
                s += "），合计 \(sum(known))"
            } else {
                s += "没有一个小镇的数字已知"
            }
            if !g.interpreted.isEmpty {
                s += "；按来源的一种读法（解读，非报告数）\(names(g.interpreted)) 共 \(g.interpretedSum)（见歧义核对）"
            }
            if let rest = g.rest, let known = g.sum {
                s += "；\(rest)（推算：\(g.total) − \(known.value)）在 \(names(g.among)) 之中未有着落"
            } else {
                s += "；全部在 \(names(g.among)) 之中未有着落"
            }
            if !g.bounded.isEmpty {
                s += "；其中 \(names(g.bounded)) 各只有下限，合计超过 \(g.boundSum)"
                s += g.boundsExceed ? "，超出所余" : "，在所余之内"
            }
            return s
        case let .ambiguous(readings, used, reasoning):
            let r = readings.enumerated().map { "（\($0.offset + 1)）\($0.element)" }.joined(separator: "；")
            let u = used.map { "\($0.town) \(Self.measureZH($0.measure)) \($0.value)" }.joined(separator: "，")
            return "来源的文字有不止一种读法：\(r)。数据采用读法（1）：\(u)，为解读，不是报告数。理由（数据原文）：\(reasoning)"
        case let .yearOneMinimum(year, formula, unknownTiers, required, reported, fitted):
            let f = formula.replacingOccurrences(of: " x ", with: " × ")
                + (unknownTiers > 0 ? " + \(unknownTiers) 个未知" : "")
            let head = "\(year)年首年最低投资按规则 \(f) = \(required)"
            switch kind {
            case .consistent:
                return head + "，与报告的 \(reported) 相符，但不能由此印证：\(fitted.joined(separator: "、")) 的档次"
                    + "是按这一合计拟合的（数据中没有来源说明其所在县是否在26个之列）"
            case .inconsistency: return head + "，但报告为 \(reported)"
            default: return head + "，与报告的 \(reported) 一致"
            }
        case let .yearOneMargin(year, completed, required, margin, above):
            return "\(year)年完成 \(completed)，对照最低要求 \(required)：\(above ? "高出" : "差") \(margin)"
        case let .listedCount(_, listed, reported):
            return listed == reported ? "列出 \(listed) 个小镇，与报告一致" : "列出 \(listed) 个小镇，但报告为 \(reported) 个"
        }
    }
}

extension ShownFacts {
    /// The consistency findings' words in the interface language (`FindingWords`).
    var findingWords: FindingWords { FindingWords(dataset: facts.dataset, language: language) }
}

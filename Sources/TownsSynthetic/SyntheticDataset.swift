import Foundation
import TOMLKit
import TownsCore

/// A made-up dataset in the real format (`towns generate`): for benchmarks and for trying the
/// dashboard at province scale. Marked `synthetic = true` in dataset.toml (the dashboard
/// says so in its title) and citing one source, `gen`, that names the generator and the seed.
///
/// The same parameters give byte-identical files (its own `SplitMix64`, no dictionary
/// order, integer arithmetic for every printed number). Shapes follow the real reports:
/// - towns spread unevenly over Zhejiang's county-level units (real names), in eight
///   industries and the four development types, listed in one of the first years;
/// - operating entities shared: a few large groups run many towns, most run one or two,
///   some towns name none;
/// - one reporting period per month from January of `firstYear`; completed investment is
///   cumulative within each year and never falls within a year; each town reports on its
///   own rhythm (monthly, quarterly, half-yearly, at year end, or never) and skips some
///   reports, so most figures are absent (unknown);
/// - some figures given only as a rate (the dashboard derives the amount), some plans only
///   as a lower bound or written as derived, a few printed rates that do not match (`!`);
/// - the province's totals (sums of the true values) in totals.toml, so `towns check` finds
///   what the towns' known figures leave unaccounted for.
public struct SyntheticDataset: Sendable {
    /// Number of towns.
    public var townCount: Int
    /// Number of monthly reporting periods, from January of `firstYear`.
    public var monthCount: Int
    public var seed: UInt64
    /// The year of the first period.
    public var firstYear = 2015

    /// The province's rules to include: the text of a rules.toml and of the sources.toml
    /// holding the sources it cites (only those are copied).
    public struct Rules: Sendable {
        public var rulesText: String
        public var sourcesText: String
        public init(rulesText: String, sourcesText: String) {
            self.rulesText = rulesText; self.sourcesText = sourcesText
        }
    }

    /// Why a dataset cannot be generated.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public init(towns: Int, months: Int, seed: UInt64) {
        townCount = towns
        monthCount = months
        self.seed = seed
    }

    /// The command that makes this dataset (named in the data so it can be made again).
    public var command: String { "towns generate --towns \(townCount) --months \(monthCount) --seed \(seed)" }

    /// Writes the files into `directory` (created if needed; files of the same names are
    /// replaced, other files are left alone).
    public func write(to directory: String, rules: Rules?) throws {
        let files = try self.files(rules: rules)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
        }
    }

    /// The files' names and texts, in the order `DatasetLoader` reads them; rules.toml last
    /// when `rules` is given.
    public func files(rules: Rules?) throws -> [(name: String, text: String)] {
        guard townCount >= 1 else { throw Problem(description: "--towns must be at least 1") }
        guard (1...1200).contains(monthCount) else { throw Problem(description: "--months must be 1-1200") }
        var rng = SplitMix64(seed: seed)
        var g = Generation(spec: self)
        g.run(&rng)
        var sources = g.sourcesHeader
        var rulesText: String?
        if let rules {
            let (cited, text) = try Self.citedSources(rules)
            sources += cited
            rulesText = text
        }
        var files: [(name: String, text: String)] = [
            ("dataset.toml", g.dataset), ("sources.toml", sources), ("types.toml", g.types),
            ("entities.toml", g.entities), ("towns.toml", g.towns), ("figures.toml", g.figures),
            ("totals.toml", g.totals),
        ]
        if let rulesText { files.append(("rules.toml", rulesText)) }
        for (name, text) in files where text.utf8.count > DatasetLoader.maximumFileBytes {
            throw Problem(description: "\(name) would be \(text.utf8.count) bytes, more than the " +
                "\(DatasetLoader.maximumFileBytes) the loader reads; use fewer towns or months")
        }
        return files
    }

    /// The records of `rules.sourcesText` that `rules.rulesText` cites, as TOML text, and the
    /// rules text with a header saying where it comes from.
    static func citedSources(_ rules: Rules) throws -> (String, String) {
        let rulesTable: TOMLTable, sourcesTable: TOMLTable
        do {
            rulesTable = try GuardedTOML.parse(rules.rulesText, file: "rules.toml")
            sourcesTable = try GuardedTOML.parse(rules.sourcesText, file: "sources.toml")
        } catch {
            throw Problem(description: "cannot read the rules to copy: \(error)")
        }
        var cited: [String] = []
        for rule in rulesTable["rule"]?.array ?? [] {
            if let id = rule.table?["source"]?.string, !cited.contains(id) { cited.append(id) }
        }
        var out = "\n# Sources of the province's rules (rules.toml), copied with them.\n"
        for record in sourcesTable["source"]?.array ?? [] {
            guard let t = record.table, let id = t["id"]?.string, cited.contains(id) else { continue }
            out += "\n[[source]]\n"
            for key in ["id", "title", "author", "url", "note"] {
                if let v = t[key]?.string { out += "\(key) = \(TOMLText.string(v))\n" }
            }
        }
        return (out, "# Copied by `towns generate` from the bundled Data/rules.toml: the real province's rules.\n"
                     + rules.rulesText)
    }
}

/// One run of the generator: the files' texts, built in one pass over the towns.
private struct Generation {
    let spec: SyntheticDataset
    var dataset = "", sourcesHeader = "", types = "", entities = "", towns = "", figures = "", totals = ""

    /// A period: index, year, last month, id.
    struct P { var index: Int; var year: Int; var through: Int; var id: String }
    var periods: [P] = []
    var years: [Int] = []

    // Totals of the true values, in hundredths of 亿元.
    var planTotalSum = 0
    var projectsPlannedSum = 0
    var planYearSum: [Int: Int] = [:]
    var completedSum: [Int] = []

    init(spec: SyntheticDataset) {
        self.spec = spec
        for m in 0..<spec.monthCount {
            let year = spec.firstYear + m / 12, through = m % 12 + 1
            periods.append(P(index: m, year: year, through: through, id: String(format: "%04d-%02d", year, through)))
            if !years.contains(year) { years.append(year) }
        }
        completedSum = Array(repeating: 0, count: periods.count)
    }

    static let gen = "gen"

    mutating func run(_ rng: inout SplitMix64) {
        writeDataset()
        writeSourcesHeader()
        writeTypes()
        let counties = chooseCounties(&rng)
        let entityIDs = writeEntities(&rng, counties: counties)
        writeTowns(&rng, counties: counties, entityIDs: entityIDs)
        writeTotals()
    }

    // MARK: dataset.toml, sources.toml, types.toml

    mutating func writeDataset() {
        var s = """
        # Synthetic dataset, generated by `\(spec.command)`.
        # Not real data: names of counties are real, every town, entity and figure is made up.
        # Same format as the bundled Data/ (each bundled file documents its fields; README.md).

        [dataset]
        name_zh = "合成数据：\(spec.townCount)个小镇 × \(spec.monthCount)个月（种子 \(spec.seed)）"
        name_en = "Synthetic: \(spec.townCount) towns x \(spec.monthCount) months (seed \(spec.seed))"
        region_zh = "浙江省"
        region_en = "Zhejiang"
        unit = "亿元"
        synthetic = true

        # One reporting period per month; completed figures are cumulative from January.

        """
        s.reserveCapacity(periods.count * 100)
        for p in periods {
            let zh: String, en: String
            switch p.through {
            case 1: zh = "\(p.year)年1月"; en = "\(p.year) Jan"
            case 12: zh = "\(p.year)年全年"; en = "\(p.year) full year"
            default: zh = "\(p.year)年1-\(p.through)月"; en = "\(p.year) Jan-\(SyntheticNames.monthsEN[p.through - 1])"
            }
            s += "\n[[period]]\nid = \"\(p.id)\"\nlabel_zh = \"\(zh)\"\nlabel_en = \"\(en)\"\nyear = " +
                "\(p.year)\nthrough = \(p.through)\n"
        }
        dataset = s
    }

    mutating func writeSourcesHeader() {
        let note = "Generated by towns generate with seed \(spec.seed) (SplitMix64). Every town, entity, date and "
            + "figure is made up; only the county names are real. Not for any real use."
        sourcesHeader = """
        # Sources. Every figure of this synthetic dataset cites `gen`, the generator.

        [[source]]
        id = "gen"
        title = \(TOMLText.string("合成数据 synthetic data: \(spec.command)"))
        note = \(TOMLText.string(note))

        """
    }

    mutating func writeTypes() {
        let names = [
            ("创意设计—商务休闲—时尚游娱", "Creative design — business leisure — fashion entertainment"),
            ("乡村休闲—文创体验—工业旅游", "Rural leisure — cultural-creative experience — industrial tourism"),
            ("产业集聚—商务休闲—生活驿站", "Industry cluster — business leisure — living station"),
            ("设计研发—装备制造—工业旅游", "Design and R&D — equipment manufacturing — industrial tourism"),
        ]
        var s = "# The four development types (Jiaxing's, reused for the synthetic towns).\n"
        for (i, n) in names.enumerated() {
            s += "\n[[type]]\nnumber = \(i + 1)\nname_zh = \(TOMLText.string(n.0))\nname_en = " +
                "\(TOMLText.string(n.1))\nsource = \"gen\"\n"
        }
        types = s
    }

    // MARK: Counties and entities

    /// The counties towns are placed in, most-used first, with weights that fall off.
    func chooseCounties(_ rng: inout SplitMix64) -> [(county: SyntheticNames.County, weight: Double)] {
        var all = SyntheticNames.counties
        for i in stride(from: all.count - 1, to: 0, by: -1) {
            all.swapAt(i, rng.int(in: 0...i))
        }
        let n = min(all.count, max(1, (spec.townCount + 2) / 3))
        return all.prefix(n).enumerated().map { ($1, 1 / (1 + 0.08 * Double($0))) }
    }

    mutating func writeEntities(_ rng: inout SplitMix64,
        counties: [(county: SyntheticNames.County, weight: Double)]) -> [String] {
        let count = max(1, spec.townCount * 3 / 10)
        let weights = counties.map(\.weight)
        var ids: [String] = []
        var seen = Set<String>()
        var s = "# Operating entities (运营主体), made up. The first few run many towns.\n"
        s.reserveCapacity(count * 160)
        for j in 0..<count {
            let county = counties[rng.weighted(weights)].county
            let industry = rng.pick(SyntheticNames.industries)
            let word = rng.pick(industry.words)
            let ending = rng.pick(SyntheticNames.entityEndings)
            var zh = county.short + word.0 + ending.0
            var en = "\(county.en) \(word.1) \(ending.1)"
            if !seen.insert(zh).inserted { zh += "（\(j + 1)）"; en += " (\(j + 1))" }
            let id = String(format: "e%05d", j + 1)
            ids.append(id)
            s += "\n[[entity]]\nid = \"\(id)\"\nname_zh = \(TOMLText.string(zh))\nname_en = \(TOMLText.string(en))\n"
            if let kind = ending.2 { s += "kind = \"\(kind)\"\n" }
            s += "source = \"gen\"\n"
        }
        entities = s
        return ids
    }

    // MARK: Towns and their figures

    mutating func writeTowns(_ rng: inout SplitMix64, counties: [(county: SyntheticNames.County, weight: Double)],
        entityIDs: [String]) {
        var t = """
        # Towns, made up (fields as in the bundled Data/towns.toml). County names are real.

        """
        t.reserveCapacity(spec.townCount * 330)
        var f = """
        # Figures per town, made up (fields as in the bundled Data/figures.toml). A figure no
        # report gives is absent (unknown). Amounts in 亿元; completed is cumulative Jan..period.

        """
        f.reserveCapacity(spec.townCount * periods.count * 30 + 1024)
        let weights = counties.map(\.weight)
        let industryWeights = SyntheticNames.industries.map(\.weight)
        var nameCount: [String: Int] = [:]
        let lastYear = years.last ?? spec.firstYear
        for i in 0..<spec.townCount {
            let id = String(format: "t%05d", i + 1)
            let county = counties[rng.weighted(weights)].county
            let industry = SyntheticNames.industries[rng.weighted(industryWeights)]
            let word = rng.pick(industry.words)
            let stem = county.short + word.0
            let n = (nameCount[stem] ?? 0) + 1
            nameCount[stem] = n
            let nameZH = stem + "小镇" + (n > 1 ? "\(n)号" : "")
            let nameEN = "\(county.en) \(word.1) Town" + (n > 1 ? " No. \(n)" : "")
            let type = rng.chance(0.75) ? industry.type : rng.int(in: 1...4)
            let listYear = min(lastYear, spec.firstYear + rng.weighted([0.5, 0.3, 0.2]))
            let stage = ["creation", "cultivation", "named"][rng.weighted([0.7, 0.2, 0.1])]
            // Entities: skewed towards the first ones, so those are shared by many towns.
            var mine: [String] = []
            for _ in 0..<rng.weighted([0.12, 0.45, 0.25, 0.12, 0.06]) {
                for _ in 0..<8 {
                    let e = entityIDs[min(entityIDs.count - 1, Int(Double(entityIDs.count) * pow(rng.unit(), 2.2)))]
                    if !mine.contains(e) { mine.append(e); break }
                }
            }
            let mode: String? = mine.count >= 2 ? (rng.chance(0.6) ? "joint" : "group-led")
                : mine.count == 1 ? (rng.chance(0.8) ? "group-led" : nil) : nil
            let lowerTier = ["information", "tourism", "finance", "classic"].contains(industry.id)

            t += "\n[[town]]\nid = \"\(id)\"\nname_zh = \(TOMLText.string(nameZH))\nname_en = " +
                "\(TOMLText.string(nameEN))\n"
            t += "county_zh = \"\(county.zh)\"\ncounty_en = \(TOMLText.string(county.en))\ntype = \(type)\n"
            if !rng.chance(0.04) { t += "industry = \"\(industry.id)\"\n" }
            t += "list = \"\(stage)\"\nlist_date = \"\(SyntheticNames.listDate(year: listYear))\"\nlist_source = " +
                "\"gen\"\n"
            t += "entities = [" + mine.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
            if let mode { t += "mode = \"\(mode)\"\n" }
            if !rng.chance(0.1) { t += "accelerated_county = \(county.accelerated)\n" }

            func figure(_ measure: String, _ period: String?, _ value: String, bound: Bool = false,
                derived: String? = nil) {
                f += "\n[[figure]]\ntown = \"\(id)\"\nmeasure = \"\(measure)\"\n"
                if let period { f += "period = \"\(period)\"\n" }
                f += (bound ? "more_than = " : "value = ") + value + "\n"
                if let derived { f += "derived = \(TOMLText.string(derived))\n" } else { f += "source = \"gen\"\n" }
            }

            // Creation-period plan (hundredths of 亿元) and projects.
            let planTotal = (lowerTier ? rng.int(in: 3000...9000) : rng.int(in: 5000...16000))
            planTotalSum += planTotal
            switch rng.weighted([0.75, 0.10, 0.15]) {
            case 0: figure("plan_total", nil, TOMLText.fixed((planTotal + 5) / 10, scale: 1))
            case 1: figure("plan_total", nil, String(planTotal / 1000 * 10), bound: true)
            default: break
            }
            let projectsPlanned = rng.int(in: 12...80)
            projectsPlannedSum += projectsPlanned
            if rng.chance(0.6) { figure("projects_planned", nil, String(projectsPlanned)) }
            if rng.chance(0.4) {
                let area = industry.id == "tourism" ? rng.int(in: 20...80) : rng.int(in: 10...45)
                figure("area_planned", nil, TOMLText.fixed(area, scale: 1))
            }
            if rng.chance(0.2) { figure("area_built", nil, TOMLText.fixed(rng.int(in: 5...15), scale: 1)) }

            // Reporting rhythm: the months of the year this town reports.
            let rhythm: [Int] = [Array(1...12), [3, 6, 9, 12], [6, 12], [12],
                []][rng.weighted([0.03, 0.18, 0.35, 0.34, 0.10])]
            let startFraction = rng.double(in: 0.7...1.0)

            for year in years where year >= listYear {
                let planYear = max(100, Int(Double(planTotal) * rng.double(in: 0.2...0.4)))
                planYearSum[year, default: 0] += planYear
                switch rng.weighted([0.42, 0.08, 0.5]) {
                case 0: figure("plan_year", String(year), TOMLText.fixed(planYear, scale: 2))
                case 1: figure("plan_year", String(year), TOMLText.fixed(planYear, scale: 2),
                               derived: "synthetic: 3-year plan × " +
                                   "\(TOMLText.fixed(planYear * 1000 / max(1, planTotal), scale: 1))%")
                default: break
                }
                // Cumulative share of the year's plan done by the end of each month.
                let final = rng.double(in: 0.45...1.25)
                var weightsByMonth = (1...12).map { _ in 0.5 + rng.unit() }
                weightsByMonth[11] *= 1.5
                let total = weightsByMonth.reduce(0, +)
                var cumulative = 0.0
                for p in periods where p.year == year {
                    cumulative += weightsByMonth[p.through - 1]
                    let completed = Int((Double(planYear) * final * cumulative / total).rounded())
                    completedSum[p.index] += completed
                    guard rhythm.contains(p.through) else { continue }
                    var rate = (completed * 2000 + planYear) / (2 * planYear)  // tenths of a percent
                    if rng.chance(0.004) { rate += rng.int(in: 20...60) }       // a misprint
                    switch rng.weighted([0.62, 0.12, 0.08, 0.18]) {
                    case 0: figure("completed", p.id, TOMLText.fixed(completed, scale: 2))
                    case 1:
                        figure("completed", p.id, TOMLText.fixed(completed, scale: 2))
                        figure("completion_rate", p.id, TOMLText.fixed(rate, scale: 1))
                    case 2: figure("completion_rate", p.id, TOMLText.fixed(rate, scale: 1))
                    default: break
                    }
                    if p.through % 6 == 0 {
                        let progress = min(1, (Double(year - listYear) + Double(p.through) / 12) / 3) * startFraction
                        let started = Int(Double(projectsPlanned) * progress)
                        switch rng.weighted([0.25, 0.04, 0.71]) {
                        case 0: figure("projects_started", p.id, String(started))
                        case 1: figure("start_rate", p.id, TOMLText.fixed(started * 1000 / projectsPlanned, scale: 1))
                        default: break
                        }
                    }
                    if p.through == 12 && rng.chance(0.12) {
                        figure("featured_share", p.id, TOMLText.fixed(rng.int(in: 550...950), scale: 1))
                    }
                }
            }
        }
        towns = t
        figures = f
    }

    // MARK: totals.toml

    mutating func writeTotals() {
        var s = """
        # The province's totals: sums of the true values of every town (most of which the towns'
        # own figures leave unknown; `towns check` reports what is unaccounted for).

        """
        func total(_ measure: String, _ period: String?, _ value: String) {
            s += "\n[[total]]\nmeasure = \"\(measure)\"\n"
            if let period { s += "period = \"\(period)\"\n" }
            s += "value = \(value)\nsource = \"gen\"\n"
        }
        total("plan_total", nil, TOMLText.fixed((planTotalSum + 5) / 10, scale: 1))
        total("projects_planned", nil, String(projectsPlannedSum))
        for year in years {
            guard let plan = planYearSum[year], plan > 0 else { continue }
            total("plan_year", String(year), TOMLText.fixed(plan, scale: 2))
            total("plan_share", String(year),
                TOMLText.fixed((plan * 2000 + planTotalSum) / (2 * planTotalSum), scale: 1))
        }
        for p in periods where p.through % 3 == 0 {
            guard let plan = planYearSum[p.year], plan > 0 else { continue }
            total("completed", p.id, TOMLText.fixed(completedSum[p.index], scale: 2))
            total("completion_rate", p.id, TOMLText.fixed((completedSum[p.index] * 2000 + plan) / (2 * plan), scale: 1))
        }
        totals = s
    }
}

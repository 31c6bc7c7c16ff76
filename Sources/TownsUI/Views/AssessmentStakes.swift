import Foundation
import TownsCore

extension AppState {
    /// The assessment view's lines under the table (issue 14 point 6): its column headers in
    /// words (each rule's short title and what it says), what is at stake for the towns shown
    /// with a ✗ or a ? under the rules that state a consequence (grouped by what follows, with
    /// how many towns and which), that the other rules state none of their own, and the rules'
    /// sources on a line of their own. The towns are named in full where `wholeNames` or
    /// `printed`; else as many as 60 cells hold, then how many more (a note under the table).
    func assessmentStakeNotes(_ positions: [Int], wholeNames: Bool = false) -> [CellText] {
        let rules = dataset.rules
        guard !rules.isEmpty else { return [] }
        var notes: [CellText] = []
        let columns = rules.map { rule in
            (language == .zh ? rule.shortZH : Self.ruleShortEN(rule)) + " " + Self.columnKey(rule, language)
        }
        // Every town's stakes: stored in the snapshot for the whole city (a note names the
        // towns that fit in 60 cells: not for the notes page, which names every town), else
        // worked out here.
        let stored = filter.isEmpty && !printed && !wholeNames && positions.count == dataset.townCount
            ? period.flatMap { facts.derived?.views.stakes(period: $0.id, language: language.rawValue) } : nil
        let stakes = stored.flatMap { $0.rules.count == rules.count ? $0 : nil }
            ?? stakeGroups(positions, languages: [language])[0]
        var silent: [String] = []
        var cited: [Rule] = []
        for (rule, ruleStakes) in zip(rules, stakes.rules) {
            let short = language == .zh ? rule.shortZH : Self.ruleShortEN(rule)
            if ruleStakes.groups.isEmpty {
                if ruleStakes.anyStake { silent.append(short) }
                continue
            }
            cited.append(rule)
            for group in ruleStakes.groups {
                let mark: Mark = group.notMet ? .notMet : group.notYetDue ? .notYetDue : .undetermined
                let who = tr(Catalogue.stakeTowns("\(group.count)")) + " "
                    + nameList(group.first, count: group.count, width: printed || wholeNames ? Int.max : 60)
                // Chinese: the full-width colon after Chinese names (`海盐核电小镇：若未完成…`).
                notes.append("\(CellText(short)) \(mark) \(CellText(who + tr(Catalogue.noteColon)))\(CellText(group.text))")
            }
        }
        if stakes.noQuota { notes.append(CellText(tr(Catalogue.stakesNoQuota))) }
        if !silent.isEmpty {
            let rules = CellText(silent.joined(separator: tr(Catalogue.listSeparator)))
            let marks: CellText = "\(Mark.notMet)/\(Mark.undetermined)/\(Mark.notYetDue)"
            notes.append("\(rules) \(marks)\(CellText(tr(Catalogue.stakesNoneStated)))")
        }
        notes.append(CellText(tr(Catalogue.assessmentColumns) + columns.joined(separator: tr(Catalogue.listSeparator))))
        let sources = cited.map { rule -> String in
            var s = (language == .zh ? rule.shortZH : Self.ruleShortEN(rule)) + " "
            if case let .reported(source, at, _, _) = rule.provenance { s += source + (at.map { " " + sectionText($0) } ?? "") }
            if let o = rule.origin { s += " [\(dataset.dataPath(o.file)):\(o.line)]" }
            return s
        }
        if !sources.isEmpty { notes.append(CellText(tr(Catalogue.stakeSources) + sources.joined(separator: tr(Catalogue.listSeparator)))) }
        return notes
    }

    /// Where the city's page opened at its checks starts (the overview's checks row): at the
    /// checks' heading (`Catalogue.checksTownsCheck`), or as near as the page's end allows; at
    /// the top when the city has no checks of its own.
    func checksScroll() -> Int {
        let lines = pageLines(.cityTotals, width: Renderer.bodyRect(width: width, height: height).width)
        let header = tr(Catalogue.checksTownsCheck)
        guard let at = lines.firstIndex(where: { $0.text() == header }) else { return 0 }
        return min(at, max(0, lines.count - Renderer.visibleLines(self)))
    }

    /// What is at stake for the towns at `positions` (in `dataset.towns`) in the period shown,
    /// grouped as the assessment's notes group them, in each of `languages` (the words differ,
    /// so may the groups): for each rule, whether any town has a stake, and the towns by the
    /// words of what follows and their mark, in the order first met, every town kept. Each
    /// town is judged by each rule once, whatever the number of languages (`Assessment.stake`).
    func stakeGroups(_ positions: [Int], languages: [Language]) -> [DerivedStakes] {
        stakeGroupsCounted(positions, languages: languages).stakes
    }

    /// `stakeGroups`, and each rule's towns at `positions` by status (the overview's rule counts,
    /// `overviewOrders`), from the one judgement of each town by each rule that both need: the
    /// snapshot's write (`derivedPeriod`) judged every town twice per period without it.
    func stakeGroupsCounted(_ positions: [Int], languages: [Language])
        -> (stakes: [DerivedStakes], counts: [DerivedOverview.RuleCounts])
    {
        // No formula is written: the notes show verdicts and amounts, never how a figure was worked out.
        let assessment = Assessment(metrics: metrics.withoutFormulas)
        var noQuota = false
        var perLanguage = languages.map { _ in [DerivedStakes.RuleStakes]() }
        // The words of the last few distinct stakes, per language: most towns share theirs.
        var words: [(stake: Stake, texts: [String])] = []
        let towns = dataset.towns  // not `dataset` (a copy from the facts) for each of 10,000 towns
        let rules = dataset.rules
        // Each town taken once and judged by every rule (a town copied out of the array costs a
        // retain per text it holds: twice per rule it was ~6% of the write at 10,000 x 14); each rule's
        // groups, counts and stakes kept apart, filled in the towns' order as before.
        var groups = rules.map { _ in languages.map { _ in [DerivedStakes.Group]() } }
        var anyStake = rules.map { _ in false }
        var counts = rules.map { _ in DerivedOverview.RuleCounts() }
        for position in positions {
            let town = towns[position]
            for (r, rule) in rules.enumerated() {
                let status = assessment.evaluate(rule, town, asOf: period).status
                counts[r].add(status)
                guard let stake = assessment.stake(rule, town, asOf: period, judged: status) else { continue }
                anyStake[r] = true
                guard stake.consequence != .noneStated else { continue }
                if stake.quotaUsed == nil { noQuota = true }
                let texts: [String]
                if let known = words.lastIndex(where: { $0.stake == stake }) {
                    texts = words[known].texts
                } else {
                    texts = languages.map { l in
                        var s = self
                        s.language = l
                        return s.stakeText(stake, sayNoQuota: false)
                    }
                    words.append((stake, texts))
                    if words.count > 16 { words.removeFirst() }
                }
                let notMet = stake.notMet, due = !stake.notMet && stake.notYetDue
                for l in languages.indices {
                    if let i = groups[r][l].firstIndex(where: {
                        $0.text == texts[l] && $0.notMet == notMet && $0.notYetDue == due
                    }) {
                        groups[r][l][i].count += 1
                        groups[r][l][i].first.append(position)
                    } else {
                        groups[r][l].append(DerivedStakes.Group(text: texts[l], notMet: notMet, notYetDue: due,
                                                                count: 1, first: [position]))
                    }
                }
            }
        }
        for r in rules.indices {
            for l in languages.indices {
                perLanguage[l].append(DerivedStakes.RuleStakes(anyStake: anyStake[r], groups: groups[r][l]))
            }
        }
        return (perLanguage.map { DerivedStakes(rules: $0, noQuota: noQuota) }, counts)
    }

    /// Where a town's page opened from `screen` starts: from the assessment, at the town's
    /// rules (the page's assessment header, or as near as the page's end allows); else at the top.
    func openingScroll(_ target: Screen.Kind, from screen: Screen.Kind) -> Int {
        guard screen == .assessment, case .townPage = target else { return 0 }
        let lines = pageLines(target, width: Renderer.bodyRect(width: width, height: height).width)
        let header = tr(Catalogue.assessmentAgainstTheProvinceS)
        guard let at = lines.firstIndex(where: { $0.text() == header }) else { return 0 }
        return min(at, max(0, lines.count - Renderer.visibleLines(self)))
    }
}

extension AppState {
    /// What a rule's column means, as the "Columns:" line says it: the rule's title, or for the
    /// land reward its shares from the rule's numbers (`Catalogue.landRewardColumn`; the Chinese
    /// title names 50% alone, where a higher-share industry's town is rewarded at 60%).
    /// The first-year and creation-period minimums name their lower tier too, where the rule has
    /// one (`lower_minimum`): "(6 for some industries and counties: see each town)" (wave 23, F21:
    /// the key gave 10 alone, where Nanhu and Jiashan are judged against 6).
    static func columnKey(_ rule: Rule, _ language: Language) -> String {
        func pct(_ name: String) -> String {
            let v = rule.number(name)
            return DecimalMath.text(v, scale: max(0, -v.exponent))
        }
        if rule.kind == .yearOneMinimum || rule.kind == .creationMinimum, let lower = rule.numbers["lower_minimum"],
           lower != rule.number("minimum")
        {
            let words = Catalogue.lowerTier(pct("lower_minimum"), counties: rule.lowerInAcceleratedCounties)
            return language == .zh ? rule.titleZH + words.zh : rule.titleEN + words.en
        }
        guard rule.kind == .landReward else { return language == .zh ? rule.titleZH : rule.titleEN }
        let words = Catalogue.landRewardColumn(percent: pct("percent"), higher: pct("higher_percent"))
        return language == .zh ? words.zh : words.en
    }
}

extension AppState {
    /// The lines a report, an export and a copy (`y`) add under a view's table to say what its
    /// columns mean: the towns table's computed columns (`Catalogue.townsColumnsKey`), the
    /// overview's assessment short names with their rules (`Land+ Land-`, `columnKey`); none for
    /// the other views (their notes say it).
    public func columnNotes() -> [String] {
        switch screen.kind {
        case .townList:
            return [tr(Catalogue.townsColumnsKey)]
        case .overview where !dataset.rules.isEmpty:
            let items = dataset.rules.map { rule in
                (language == .zh ? rule.shortZH : Self.ruleShortEN(rule)) + " " + Self.columnKey(rule, language)
            }
            return [tr(Catalogue.overviewRulesKey) + items.joined(separator: tr(Catalogue.listSeparator))]
        default:
            return []
        }
    }
}

extension DerivedOverview.RuleCounts {
    /// One more town judged `status` by the rule counted (`Assessment.evaluate`).
    mutating func add(_ status: RuleResult.Status) {
        switch status {
        case .met: met += 1
        case .notMet: notMet += 1
        case .unknown: unknown += 1
        case .info: info += 1
        case .notYetDue: due += 1
        }
    }
}

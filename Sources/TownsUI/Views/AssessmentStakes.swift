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
            (language == .zh ? rule.shortZH : Self.ruleShortEN(rule)) + " " + tr(rule.titleZH, rule.titleEN)
        }
        let assessment = Assessment(metrics: metrics)
        let towns = positions.map { dataset.towns[$0] }
        var silent: [String] = []
        var noQuota = false
        var cited: [Rule] = []
        for rule in rules {
            // Towns by what follows for them, in the order first met.
            var groups: [(text: String, mark: Mark, towns: [Int])] = []
            var anyStake = false
            for (town, position) in zip(towns, positions) {
                guard let stake = assessment.stake(rule, town, asOf: period) else { continue }
                anyStake = true
                guard stake.consequence != .noneStated else { continue }
                let text = stakeText(stake, sayNoQuota: false)
                if stake.quotaUsed == nil { noQuota = true }
                let mark: Mark = stake.notMet ? .notMet : stake.notYetDue ? .notYetDue : .undetermined
                if let i = groups.firstIndex(where: { $0.text == text && $0.mark == mark }) {
                    groups[i].towns.append(position)
                } else {
                    groups.append((text, mark, [position]))
                }
            }
            let short = language == .zh ? rule.shortZH : Self.ruleShortEN(rule)
            if groups.isEmpty {
                if anyStake { silent.append(short) }
                continue
            }
            cited.append(rule)
            for group in groups {
                let mark = group.mark
                let who = tr(Catalogue.stakeTowns("\(group.towns.count)")) + " "
                    + nameList(group.towns, width: printed || wholeNames ? Int.max : 60)
                notes.append("\(CellText(short)) \(mark) \(CellText(who)): \(CellText(group.text))")
            }
        }
        if noQuota { notes.append(CellText(tr(Catalogue.stakesNoQuota))) }
        if !silent.isEmpty {
            let rules = CellText(silent.joined(separator: tr(Catalogue.listSeparator)))
            let marks: CellText = "\(Mark.notMet)/\(Mark.undetermined)/\(Mark.notYetDue)"
            notes.append("\(rules) \(marks)\(CellText(tr(Catalogue.stakesNoneStated)))")
        }
        notes.append(CellText(tr(Catalogue.assessmentColumns) + columns.joined(separator: tr(Catalogue.listSeparator))))
        let sources = cited.map { rule -> String in
            var s = (language == .zh ? rule.shortZH : Self.ruleShortEN(rule)) + " "
            if case let .reported(source, at, _, _) = rule.provenance { s += source + (at.map { " \($0)" } ?? "") }
            if let o = rule.origin { s += " [\(fileName(o.file)):\(o.line)]" }
            return s
        }
        if !sources.isEmpty { notes.append(CellText(tr(Catalogue.stakeSources) + sources.joined(separator: "; "))) }
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

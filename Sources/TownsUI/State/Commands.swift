import TownsCore

/// The command line (`:`): what each command does, completion and history.
///
/// Commands (words separated by spaces; Chinese view names work too):
/// - `view overview|towns|types|entities|assessment|province|reference|changes` (or `0`-`7`, 概览 小镇
///   类型 运营主体 考核 全省 参考 变化), as the top views' digits
/// - `town NAME` opens a town's page (id, Chinese or English name, pinyin, initials)
/// - `period ID|next|prev`, `theme NAME|next`, `lang zh|en`
/// - `filter county NAME | type N | stage cultivation|creation|named | behind | problem ID | clear`
/// - `sort COLUMN [asc|desc]` (a title in either language or a unique start of one, any case,
///   or its number among the titled columns, 1-based; `sort none`)
/// - `search TEXT`, `export [text|csv|md|json] [PATH] [bom] [--force]`, `help`, `quit`
/// - `messages` lists this session's status messages with their time (`MessageLog`)
/// - `columns` lists the list's columns, which the window's width hides and from what width (`ColumnsList`)
/// - `ref TOPIC` opens a reference page of the paper's passages (a topic, or its title's start)
/// - `changes FROM` shows what changed from period FROM to the one shown (`changes prev`: the
///   previous period of the same year, as at start)
public enum Commands {
    /// Command names, for completion and the help.
    public static let names = [
        "view", "town", "period", "theme", "lang", "filter", "sort", "search", "export", "help", "quit",
        "present", "follow", "cycle", "ref", "changes", "messages", "columns",
    ]

    static let views: [(names: [String], kind: Screen.Kind)] = [
        (["overview", "0", "概览"], .overview), (["towns", "1", "小镇"], .townList), (["types", "2", "类型"], .typeList),
        (["entities", "3", "运营主体"], .entityList),
        (["assessment", "4", "考核"], .assessment), (["province", "5", "全省"], .province),
        (["reference", "ref", "6", "参考"], .reference), (["changes", "7", "变化"], .changes),
    ]

    /// Every view `:view` takes, each with its digit, as a miss lists them: `0 overview 1 towns …
    /// 7 changes` (in Chinese each with its Chinese name too: `0 overview/概览`).
    static func viewList(_ language: Language) -> String {
        views.map { v in
            let digit = v.names.first { $0.count == 1 && $0.first!.isNumber } ?? ""
            let zh = language == .zh ? v.names.last.map { "/" + $0 } ?? "" : ""
            return "\(digit) \(v.names[0])\(zh)"
        }.joined(separator: " ")
    }

    /// The command names that fit in `width` display columns after `lead`, cut at a word: where
    /// not all fit, the last shown is followed by `cut` (`…`, `$` in ASCII), so no name is cut.
    static func namesFitting(_ lead: String, width: Int, cut: String) -> String {
        var line = lead
        for (i, name) in names.enumerated() {
            let word = (i == 0 ? "" : " ") + name
            let last = i == names.count - 1
            if DisplayWidth.of(line + word + (last ? "" : " " + cut)) > width {
                // The whole list except the ones left out: say that more follow.
                return line + (i == 0 ? "" : " ") + cut
            }
            line += word
        }
        return line
    }

    /// Candidates for the word being typed: command names, then each command's arguments.
    static func candidates(_ state: AppState, words: [String]) -> [String] {
        if words.count <= 1 { return names }
        switch words[0] {
        case "view": return views.map { $0.names[0] }
        case "town":
            // The city's names too (`:town 嘉兴市` / `jiaxing` opens its totals page, `namesTheCity`);
            // a name with a space is not one word of the command line.
            let city = [state.dataset.regionZH, state.dataset.regionEN.lowercased()].filter {
                !$0.isEmpty && !$0.contains(" ")
            }
            return city + state.dataset.towns.flatMap { [$0.id, $0.nameZH] }
        case "ref": return state.dataset.reference?.topics ?? []
        case "changes": return state.dataset.periods.map(\.id) + ["prev"]
        case "period": return state.dataset.periods.map(\.id) + ["next", "prev"]
        case "theme": return state.themeNames + ["next"]
        case "lang": return Language.allCases.map(\.rawValue)
        case "filter":
            if words.count == 2 { return ["county", "type", "stage", "behind", "problem", "clear"] }
            switch words[1] {
            case "county": return Array(Set(state.dataset.towns.map(\.countyZH))).sorted()
            case "type": return state.dataset.types.map { String($0.number) }
            case "stage": return ListStage.allCases.map(\.rawValue)
            case "problem": return state.dataset.problems?.problems.map(\.id) ?? []
            default: return []
            }
        case "sort":
            if words.count == 2 {
                // The titles in the session's language, then the other language's (`:sort` reads
                // both, `sortColumn(named:in:)`): `:sort Do<Tab>` completes `Done%` in Chinese too.
                var other = state
                other.language = state.language == .zh ? .en : .zh
                let mine = state.sortableColumns(state.screen.kind).map(\.title)
                let theirs = other.sortableColumns(state.screen.kind).map(\.title).filter {
                    !mine.contains($0) && !$0.contains(" ")
                }
                return mine + theirs + ["none"]
            }
            return ["asc", "desc"]
        case "export":
            return words.count == 2 ? ExportRequest.Format.allCases.map(\.rawValue) : ["bom"]
        default: return []
        }
    }
}

/// A key typed into the command line.
func commandKey(_ state: AppState, _ key: Key) -> AppState {
    var s = state
    guard var line = s.commandLine else { return s }
    switch key {
    case let .char(c):
        line.text.append(c)
        line.historyIndex = nil
        s.completion = nil
    case .backspace, .delete:
        if line.text.isEmpty { s.commandLine = nil; return s }
        line.text.removeLast()
        s.completion = nil
    case .escape:
        s.commandLine = nil
        s.completion = nil
        return s
    case .enter:
        s.commandLine = nil
        s.completion = nil
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return s }
        if s.history.last != text { s.history.append(text) }
        // A follower's commands that move around are refused as its keys are (`followerRefuses`):
        // `:sort`, `:period`, `:filter`, `:town` run locally would leave the presenter unnoticed.
        if followerRefuses(s, .runCommand(text)) { return refusedWhileFollowing(s) }
        return runCommand(s, text)
    case .up:
        guard !s.history.isEmpty else { break }
        let i = max(0, (line.historyIndex ?? s.history.count) - 1)
        line.historyIndex = i
        line.text = s.history[i]
    case .down:
        guard let i = line.historyIndex else { break }
        if i + 1 < s.history.count {
            line.historyIndex = i + 1
            line.text = s.history[i + 1]
        } else {
            line.historyIndex = nil
            line.text = ""
        }
    case .tab:
        // Complete the last word; repeated Tab cycles through the candidates.
        var words = line.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.isEmpty { words = [""] }
        let seed = s.completion?.seed ?? words[words.count - 1]
        let options = Commands.candidates(s, words: words).filter { $0.lowercased().hasPrefix(seed.lowercased()) }
        guard !options.isEmpty else { s.say(Catalogue.noCompletion); break }
        let index = s.completion.map { ($0.index + 1) % options.count } ?? 0
        words[words.count - 1] = options[index]
        line.text = words.joined(separator: " ")
        s.completion = Completion(seed: seed, index: index)
        s.commandLine = line
        s.message =
            options.count > 1 ? options.prefix(8).joined(separator: "  ") + (options.count > 8 ? " …" : "") : nil
        return s
    default:
        break
    }
    s.commandLine = line
    return s
}

/// Runs one command line; an unknown command or argument says so on the status line.
func runCommand(_ state: AppState, _ text: String) -> AppState {
    var s = state
    let words = text.split(separator: " ").map(String.init)
    guard let name = words.first?.lowercased() else { return s }
    let args = Array(words.dropFirst())
    let rest = args.joined(separator: " ")
    func fail(_ text: Bilingual) -> AppState { var t = s; t.say(text); return t }

    if ["ref", "reference", "参考"].contains(name), !rest.isEmpty {
        return openReference(s, rest)
            ?? fail(Catalogue.noReferenceTopic(rest, topics: s.dataset.reference?.topics ?? []))
    }
    if ["changes", "变化"].contains(name), !rest.isEmpty { return compareFrom(s, rest) }
    if let view = Commands.views.first(where: { $0.names.contains(name) }) {
        return advance(s, .showView(view.kind))
    }
    switch name {
    case "view":
        guard let v = Commands.views.first(where: { $0.names.contains(rest) }) else {
            return fail(Catalogue.noView(rest, Commands.viewList(s.language)))
        }
        return advance(s, .showView(v.kind))
    case "town":
        guard !rest.isEmpty else { return fail(Catalogue.usageTownName) }
        let exact = s.dataset.towns.first {
            [$0.id, $0.nameZH, $0.nameEN].contains { $0.lowercased() == rest.lowercased() }
        }
        // The city by name (嘉兴市, jiaxing): its totals page, on the towns view's totals row.
        if exact == nil && s.namesTheCity(rest) {
            // The towns view as the user left it (its sort kept), the city's page on top of it.
            if s.stack[0].kind != .townList { s = showingTopView(s, .townList) }
            s.stack = [s.stack[0], Screen(.cityTotals)]
            s.stack[0].selected = .cityTotals
            var list = s
            list.stack = [s.stack[0]]
            s.stack[0] = clamped(s.stack[0], in: list)
            return s
        }
        guard
            let town = exact
                ?? s.dataset.towns.first(where: {
                    s.searchIndex.matches(rest, [$0.nameZH, $0.nameEN, $0.id] + ($0.reading.map { [$0] } ?? []))
                })
        else {
            // A town of the province's lists without figures here: its city's list, on it.
            if let province = s.dataset.province,
               let listed = (province.listed + province.later).first(where: {
                   s.searchIndex.matches(rest, [$0.nameZH] + ($0.reading.map { [$0] } ?? []))
               }) {
                // The province's list as it was (its sort kept), when it is the view shown; from
                // another view, the city's list goes on top of it, so Esc goes back there (wave 12).
                let back = s.stack[0].kind == .province ? [s.stack[0]] : s.stack
                s.stack = back + [Screen(.city(listed.cityZH))]
                if let i = s.content(for: s.stack[1])?.rows.firstIndex(where: {
                    $0.searchTerms.first == listed.nameZH
                }) {
                    s.stack[1] = clamped(s.selecting(s.stack[1], row: i), in: s)
                }
                if let p = s.stack.lastIndex(where: { $0.kind == .province }) {
                    s.stack[p].selected = .city(listed.cityZH)
                }
                // Said: what it matched, and that this data has no figures of it (it opened a
                // city's list where a town's page was expected).
                s.say(Catalogue.townOnTheListOnly(rest, name: listed.nameZH, city: listed.cityZH))
                return s
            }
            return fail(Catalogue.noTown("\(rest)"))
        }
        s = openingTown(s, town.id)
        if exact == nil {  // a fuzzy match: say which others it matched, so "海" opening 海宁 is no surprise
            let others = s.dataset.towns.filter {
                $0.id != town.id
                    && s.searchIndex.matches(rest, [$0.nameZH, $0.nameEN, $0.id] + ($0.reading.map { [$0] } ?? []))
            }
            if !others.isEmpty {
                s.message = s.tr(Catalogue.townAlsoMatches(rest, opened: s.tr(town.nameZH, town.nameEN),
                                                           others: others.map { s.tr($0.nameZH, $0.nameEN) }))
            }
        }
        return s
    case "period":
        if rest == "next" { return advance(s, .nextPeriod) }
        if rest == "prev" { return advance(s, .previousPeriod) }
        // "2015-9" is 2015-09.
        var wanted = rest
        let parts = rest.split(separator: "-")
        if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) { wanted = String(format: "%04d-%02d", y, m) }
        guard
            let i = s.dataset.periods.firstIndex(where: { $0.id == wanted || $0.labelZH == rest || $0.labelEN == rest })
        else {
            return fail(Catalogue.noPeriod("\(rest)", "\(s.dataset.periods.map(\.id).joined(separator: " "))"))
        }
        s.periodIndex = i
        return refiltered(s)
    case "theme":
        if rest == "next" || rest.isEmpty { return advance(s, .cycleTheme) }
        guard let i = s.themeNames.firstIndex(of: rest) else {
            return fail(Catalogue.noTheme("\(rest)", "\(s.themeNames.joined(separator: " "))"))
        }
        s.themeIndex = i
        s.message = s.tr(Catalogue.theme) + rest + s.builtInWords(rest)
        return s
    case "lang", "language":
        guard let l = Language(rawValue: rest) else { return fail(Catalogue.usageLangZhEn) }
        if l == .zh && s.chineseUnavailable { return fail(Catalogue.chineseNeedsUTF8(s.localeVariable)) }
        s.language = l
        return s
    case "filter":
        return filterCommand(s, args)
    case "sort":
        return sortCommand(s, args)
    case "search":
        guard !rest.isEmpty else { return advance(s, .startSearch) }
        s.search = SearchState(query: rest, editing: false)
        return jumpToMatch(s, forward: true, includeCurrent: true)
    case "export":
        var request = ExportRequest(format: s.screen.kind.isPage ? .text : .csv, path: nil, byteOrderMark: false)
        for a in args {
            if let f = ExportRequest.Format(rawValue: a.lowercased()) {
                request.format = f
            } else if a == "bom" {
                request.byteOrderMark = true
            } else if a == "--force" {
                request.force = true
            } else if !a.contains("/") && !a.contains(".") {
                // A bare word is a format asked for, not a file name: say which exist.
                return fail(Catalogue.noExportFormatTextCsv("\(a)"))
            } else {
                request.path = a
            }
        }
        if let refusal = s.exportRefusal(request.format) { return fail(refusal) }
        s.outbox.append(.export(request))
        return s
    case "help", "?":
        s.showHelp = true
        return s
    case "messages", "mes":
        return showingMessages(s)
    case "columns", "cols", "列":
        // Whole in `:messages`; on the status line a shorter form where it does not fit (wave 30).
        // Worded in both languages, so `L` rewords it while it stands (wave 43: it kept the
        // language it was asked in; each language's answer names the columns as that language
        // lays them out).
        var zh = s, en = s
        zh.language = .zh
        en.language = .en
        var flash = Flash(Bilingual(ColumnsList.message(zh), ColumnsList.message(en)), in: s.language)
        let (shortZH, shortEN) = (ColumnsList.shorterMessages(zh), ColumnsList.shorterMessages(en))
        let forms = max(shortZH.count, shortEN.count)
        if forms > 0 {
            // The lists may differ in length (other columns hidden in the other language): the
            // shorter one's last form stands for the rest.
            flash.shorterWords = (0..<forms).map { i in
                Bilingual(shortZH[min(i, shortZH.count - 1)], shortEN[min(i, shortEN.count - 1)])
            }
        }
        s.session.flash = flash
        return s
    case "quit", "q":
        s.outbox.append(.quit)
        return s
    default:
        if let meeting = meetingCommand(s, name, args) { return meeting }
        return fail(Catalogue.unknownCommandCommands("\(name)", "\(Commands.names.joined(separator: " "))"))
    }
}

/// `state` with town `id`'s page opened as Enter opens it, over the list shown, so that Esc
/// returns to that list with its sort, narrowing and scroll (a fresh user's `:town` threw the
/// towns and types views' sorts away): pages on top give way to the list beneath them (a town's
/// page to another's); from the overview (panels, not a list of towns) the page goes over the
/// towns view, as it always did. The list's selection goes to the town's row where it has one
/// (a filter or a narrowing may leave it out), in view.
func openingTown(_ state: AppState, _ id: String) -> AppState {
    var s = state
    while s.stack.count > 1, s.screen.kind.isPage { s.stack.removeLast() }
    // From the overview, the towns view as the user left it, its sort kept (`showingTopView`;
    // wave 24's F2: Esc came back to an unsorted list, exported unsorted).
    if s.stack.count == 1, s.screen.kind == .overview { s = showingTopView(s, .townList) }
    if let list = s.list(for: s.screen), s.cache.row(of: .townPage(id), in: list, kind: s.screen.kind) != nil {
        s.screen.selected = .townPage(id)
        s.screen.plainRow = nil
        s.screen = clamped(s.screen, in: s)
    }
    s.stack.append(Screen(.townPage(id)))
    return s
}

func filterCommand(_ state: AppState, _ args: [String]) -> AppState {
    let (s, failure) = filtering(state, args)
    guard let failure else { return s }
    var t = state
    t.say(failure)
    return t
}

extension AppState {
    /// This state with `text`, a `:filter` command's argument (`county 海宁`, `type 2`, `stage
    /// creation`, `behind`, `problem ID`, `clear`), added to its filter as `:filter` adds it;
    /// or what is wrong with it (its words in both languages). `towns report --filter`.
    public func applyingFilter(_ text: String) -> (state: AppState, failure: Bilingual?) {
        filtering(self, text.split(separator: " ").map(String.init))
    }
}

/// `filterCommand`'s work: the state filtered, or why not (the state unchanged).
func filtering(_ state: AppState, _ args: [String]) -> (AppState, Bilingual?) {
    var s = state
    func fail(_ text: Bilingual) -> (AppState, Bilingual?) { (state, text) }
    guard let what = args.first else {
        return fail(Catalogue.usageFilterCountyTypeStage)
    }
    let value = args.dropFirst().joined(separator: " ")
    switch what {
    case "clear", "none":
        s.filter = TownFilter()
    case "county":
        guard !value.isEmpty else { return fail(Catalogue.usageFilterCountyName) }
        let counties = Set(s.dataset.towns.flatMap { [$0.countyZH, $0.countyEN] })
        // The exact name, else the one county whose name starts with it (海宁 -> 海宁市).
        let starting = counties.filter { $0.lowercased().hasPrefix(value.lowercased()) }
        let match =
            counties.first { $0.lowercased() == value.lowercased() }
            ?? (Set(
                starting.map { c in
                    s.dataset.towns.first { $0.countyZH == c || $0.countyEN == c }!.countyZH
                }
            ).count == 1 ? starting.first : nil)
        guard let county = match else {
            let near = starting.sorted().joined(separator: " ")
            return fail(Catalogue.noCounty("\(value)", starting.isEmpty ? "" : near))
        }
        s.filter.county = county
    case "type":
        guard let n = Int(value), s.dataset.type(n) != nil else { return fail(Catalogue.typeMustBe) }
        s.filter.type = n
    case "stage":
        guard let stage = ListStage(rawValue: value) else {
            return fail(Catalogue.stageCultivationCreationNamed)
        }
        s.filter.stage = stage
    case "behind":
        s.filter.behindSchedule = true
    case "problem":
        // By its id, or by the number a town's page gives it (`1`-`5`; wave 23, F18); a miss lists both.
        let problems = s.dataset.problems?.problems ?? []
        guard let problem = problems.first(where: { $0.id == value || "\($0.number)" == value }) else {
            return fail(Catalogue.noProblem("\(value)", known: problems.map { "\($0.number) \($0.id)" }))
        }
        s.filter.problem = problem.id
    default:
        return fail(Catalogue.cannotFilterBy("\(what)"))
    }
    s = refiltered(s)
    if s.filter.isEmpty { s.say(Catalogue.filterCleared) }
    return (s, nil)
}

func sortCommand(_ state: AppState, _ args: [String]) -> AppState {
    if let refused = sortRefused(state) { return refused }
    var s = state
    guard s.listContent(s.screen.kind) != nil else {
        s.say(Catalogue.nothingToSortOnThis); return s
    }
    guard let column = args.first else {
        s.message = s.tr(Catalogue.usageSortColumnAscDesc) + " — " + s.numberedColumns(s.screen.kind); return s
    }
    let descending = args.dropFirst().first?.lowercased() == "desc"
    if column.lowercased() == "none" { return sorted(s, column: nil, descending: false) }
    switch s.sortColumn(named: column, in: s.screen.kind) {
    case let .success(i):
        return sorted(s, column: i, descending: descending)
    case .failure(.ambiguous(let titles)):
        s.say(Catalogue.columnIsAmbiguous("\(column)", titles.joined(separator: " ")))
    case .failure(.none):
        s.message = s.tr(Catalogue.noColumn("\(column)")) + " — " + s.numberedColumns(s.screen.kind)
    }
    return s
}

import TownsCore

/// The two lines at the bottom: the message, search or command line (else the legend), and the key hints.
extension Renderer {
    /// `amounts`: whether the body draws an amount in the dataset's unit (the legend names it then).
    func drawLegend(into grid: inout Grid, _ state: AppState, amounts: Bool? = nil) {
        let y = state.height - 2
        if let line = state.commandLine {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            let x = 1 + grid.put(":" + line.text, x: 1, y: y, style: theme.style(.message), maxWidth: state.width - 2)
            grid.put(glyphs.eighths[0], x: x, y: y, style: theme.style(.message))
            // An empty prompt lists the commands, so nobody has to know them to start.
            // Cut at a word, ending with `…` where not every name fits.
            let room = max(0, state.width - x - 3)
            let m = state.message ?? (line.text.isEmpty
                ? Commands.namesFitting(state.tr(Catalogue.commandsTabCompletes), width: room, cut: glyphs.cut) : nil)
            if let m {
                grid.put(m, x: x + 3, y: y, style: theme.style(.legend), maxWidth: max(0, state.width - x - 3))
            }
            return
        }
        if let chooser = state.session.sortChooser {
            // Over the body's last rows, as a long message, when the columns need more than a line.
            let lines = Renderer.sortChooserLines(state, chooser)
            for (i, line) in lines.enumerated() {
                let row = y - (lines.count - 1) + i
                grid.fill(Rect(x: 0, y: row, width: state.width, height: 1),
                          with: Cell(text: " ", style: theme.style(.row)))
                grid.put(" " + line, x: 0, y: row, style: theme.style(.message), maxWidth: state.width)
            }
            return
        }
        if let search = state.search, search.editing {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            // The prompt says the mode: `&` keeps only the matches, `/` jumps to them (wave 21: both were `/`).
            let narrowing = state.screen.narrow != nil
            let x = 1 + grid.put((narrowing ? "&" : "/") + search.query, x: 1, y: y, style: theme.style(.message),
                                 maxWidth: state.width - 2)
            grid.put(glyphs.eighths[0], x: x, y: y, style: theme.style(.message))
            // The message (rows kept), then the keys' clauses that fit whole: at 80 columns the
            // `&` prompt's hint ended `previous/ne`. Ctrl-F, which switches the mode, after Esc.
            let enterEsc = state.tr(Catalogue.enterKeepsEscCancelsPrevious).components(separatedBy: "  ")
            let room = max(0, state.width - x - 3)
            let hint = Renderer.clausesFitting(
                (state.message.map { [$0] } ?? [])
                    + Array(enterEsc.prefix(2))
                    // Not on the overview, which does not narrow (`Screen.Kind.narrows`).
                    + (state.screen.kind.narrows ? [state.tr(narrowing ? Catalogue.ctrlFJumpsInstead
                                                                       : Catalogue.ctrlFKeepsOnlyMatches)] : [])
                    + Array(enterEsc.dropFirst(2)),
                width: room, cut: glyphs.cut)
            grid.put(hint, x: x + 3, y: y, style: theme.style(.legend), maxWidth: room)
            return
        }
        if let flash = state.session.flash {
            let style = theme.style(flash.level == .warning ? .warning : .message)
            // Worded now: `L` rewords a warning still shown (`Flash.words`, wave 29).
            drawMessage(flash.text(in: state.language), style: style, into: &grid, state,
                        shorter: flash.shorter(in: state.language))
            return
        }
        if let problem = state.reloadProblem {
            // The place and the reason first where the whole does not fit (wave 43).
            drawMessage(problem, style: theme.style(.warning), into: &grid, state,
                        shorter: state.reloadFailure?.shorterForms(state) ?? [],
                        keepingTail: state.reloadFailure.map { $0.whole ? nil : $0.tail(state) } ?? nil)
            return
        }
        if let lost = state.recordsLost {
            drawMessage(lost, style: theme.style(.warning), into: &grid, state)
            return
        }
        // Prose (`:messages`, the reference's passages) draws no marks: a dash there is punctuation.
        let shown = state.screen.kind.drawsMarks
            ? Renderer.marksShown(in: grid, rows: Renderer.bodyRect(width: state.width, height: state.height),
                                  glyphs: glyphs)
            : []
        grid.put(
            " "
                + Renderer.legend(
                    width: state.width - 1, glyphs: glyphs,
                    unit: (amounts ?? state.screen.kind.drawsAmounts) ? state.dataset.unit : nil,
                    language: state.language,
                    shown: shown, checksOnly: state.screen.kind == .cityTotals,
                    fitted: [.assessment, .assessmentNotes].contains(state.screen.kind),
                    laterPlan: !grid.marksNoted.contains(.laterPlan) ? .none
                        : grid.marksNoted.contains(.undetermined) ? .among : .only),
            x: 0, y: y, style: theme.style(.legend), maxWidth: state.width)
    }

    /// `clauses` joined by two blanks, as many whole ones as fit in `width` cells, in order: the
    /// first that does not fit is left out with those after it, so a hint is never cut mid-word.
    /// A first clause alone longer than `width` is cut at a word (`TextWrap`) and ends with `cut`.
    static func clausesFitting(_ clauses: [String], width: Int, cut: String) -> String {
        guard width > 0, let first = clauses.first else { return "" }
        guard DisplayWidth.of(first) <= width else { return cutAtWord(first, width: width, cut: cut) }
        var line = first
        for clause in clauses.dropFirst() {
            guard DisplayWidth.of(line + "  " + clause) <= width else { break }
            line += "  " + clause
        }
        return line
    }

    /// `text` within `width` cells: whole, else cut at a word (`TextWrap`'s breaks: a blank, or
    /// between CJK characters) and ending with `cut` (`…`, `$` in ASCII); a first word longer
    /// than the line is cut where it must be. A cut between two CJK characters (inside a Chinese
    /// word: `运营…` of 运营主体) moves back to the last blank or clause mark (`，；：、`) in the
    /// last two thirds of the line, as the prompts' hints cut at a clause (wave 21).
    static func cutAtWord(_ text: String, width: Int, cut: String) -> String {
        let safe = TerminalText.sanitize(text)
        if DisplayWidth.of(safe) <= width { return safe }
        guard width > 1 else { return width == 1 ? cut : "" }
        var head = TextWrap.headAtWord(safe, width: width - 1, backTo: width)
        while head.hasSuffix(" ") { head.removeLast() }
        // A line may go one over before closing punctuation (`TextWrap`): never past the room.
        while DisplayWidth.of(head) > width - 1 { head.removeLast() }
        return head + cut
    }

    /// `text` within `width` cells, as `cutAtWord`, but filling the line: cut at the last blank or
    /// between two CJK characters (at a character's display-width boundary), never moved back to an
    /// earlier blank. A failed reload's reason in Chinese has no blanks: cut at a word, it lost the
    /// reason whole, the line cut at `value:` after the field with half the line to spare (wave 43's
    /// fresh user at 100 columns: `figures.toml:80: figure[6].value:…（数据未更新）`).
    static func cutFilling(_ text: String, width: Int, cut: String) -> String {
        let safe = TerminalText.sanitize(text)
        if DisplayWidth.of(safe) <= width { return safe }
        guard width > 1 else { return width == 1 ? cut : "" }
        var head = TextWrap.wrapSanitized(safe, width: width - 1, firstLineOnly: true).first ?? ""
        while head.hasSuffix(" ") { head.removeLast() }
        while DisplayWidth.of(head) > width - 1 { head.removeLast() }
        return head + cut
    }

    /// Where a Chinese line may be cut without cutting a word: after a clause's punctuation.
    static let clauseMarks: Set<Character> = TextWrap.clauseMarks

    /// A status message on the legend's line, one line: longer than the line, it is cut at a
    /// word with `Glyphs.cut` and ends with a pointer to `:messages` (`Catalogue.wholeInMessages`),
    /// which lists it whole (every message shown is logged, `MessageLog`). It took up to three
    /// lines over the body's last rows before wave 20.
    /// A message naming a file (an export's, a copy's) keeps the file's name: the directory's
    /// middle gives way first (`Renderer.pathsShortened`), then what follows the last path.
    /// `shorter` (`Flash.shorter`): shorter forms of `text`, the first that fits with the pointer
    /// drawn rather than `text` cut.
    /// `keepingTail`: where no form fits, the last of `shorter` is cut before this end of it, kept.
    func drawMessage(_ text: String, style: Style, into grid: inout Grid, _ state: AppState, shorter: [String] = [],
                     keepingTail: String? = nil) {
        let room = max(1, state.width - 2)
        // In the ASCII set the words' `…` are `...` before the line is fitted (`Grid.foldToASCII`):
        // folded cell by cell after drawing, `working… (2000 towns` read `working  (2000 towns`,
        // a `…` before ` (` taken for one before a word (wave 43's fresh user under LANG=C).
        let fold: (String) -> String = glyphs.isASCII
            ? { Grid.foldToASCII(TerminalText.sanitize($0)) } : { TerminalText.sanitize($0) }
        let line = Renderer.messageFitting(
            // No pointer to `:messages` on `:messages`, which lists the message whole above it: the
            // line still says what stands (the data not reloaded), cut where it must be.
            fold(text), width: room,
            pointer: state.screen.kind == .messages ? "" : fold(state.tr(Catalogue.wholeInMessages)), cut: glyphs.cut,
            shorter: shorter.map(fold), keepingTail: keepingTail.map(fold))
        let y = state.height - 2
        grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
        grid.put(" " + line, x: 0, y: y, style: style, maxWidth: state.width)
    }

    /// `text` (sanitised) on one line of `width` cells, in the first form that fits: whole; its
    /// paths' directories cut in the middle (`pathsShortened`: `/home/…/exports/NAME.csv`, at
    /// last `…/NAME.csv`) with `pointer` (`:messages` holds it whole); each form, the path as
    /// written first, also through the last path's name and `cut` (what followed it left out),
    /// with `pointer`, then without it (the path matters more than the pointer: the `…` say
    /// something was cut), before the next, shorter path is tried; else cut at a word
    /// (`cutAtWord`) with `pointer`, as a message without a path.
    /// `shorter`: forms of `text` tried first, longest first: the first that fits with `pointer`;
    /// `keepingTail`: where none fits and the last of them ends with it, that form is cut
    /// (`cutFilling`: at the last blank, or at a character where Chinese has none) before this tail, which is kept, then `pointer`: a failed reload's place and
    /// reason first, `（数据未更新）` and the pointer at the end, what is cut the reason's end.
    static func messageFitting(_ text: String, width: Int, pointer: String, cut: String,
                               shorter: [String] = [], keepingTail: String? = nil) -> String {
        if DisplayWidth.of(text) <= width { return text }
        if let form = shorter.first(where: { DisplayWidth.of($0 + pointer) <= width }) { return form + pointer }
        if let tail = keepingTail, let last = shorter.last, last.hasSuffix(tail),
           case let room = width - DisplayWidth.of(tail) - DisplayWidth.of(pointer), room >= 20
        {
            return cutFilling(String(last.dropLast(tail.count)), width: room, cut: cut) + tail + pointer
        }
        let withPointer = max(1, width - DisplayWidth.of(pointer))
        // The text as written, then with its paths shorter and shorter; each with where its last path ends.
        var forms: [(String, String.Index?)] = [(text, pathsShortened(text, level: 0, cut: cut)?.1)]
        for level in 1...8 {
            guard let shortened = pathsShortened(text, level: level, cut: cut) else { break }
            forms.append(shortened)
        }
        // Each form in turn, the path as written first: a path is shortened only where even
        // through its name without the pointer it does not fit (wave 29: at 80 columns
        // `exported 4 rows to …/towns-types-….csv…` though `/work/wt-meet/` had room).
        for (i, (form, end)) in forms.enumerated() {
            if i > 0, DisplayWidth.of(form) <= withPointer { return form + pointer }
            // Cut at a word after the last path's name: what follows it as far as it fits.
            let line = cutAtWord(form, width: withPointer, cut: cut)
            guard let end else { return line + pointer }  // no path: as any message
            if line.dropLast(cut.count).count >= form.distance(from: form.startIndex, to: end) { return line + pointer }
            // Through the last path's name, without the pointer (the `…` say something was cut).
            let through = String(form[..<end]) + (form.endIndex == end ? "" : cut)
            if DisplayWidth.of(through) <= width { return through }
        }
        return cutAtWord(text, width: withPointer, cut: cut) + pointer
    }

    /// `text` with each absolute file path in it (a word starting with `/` holding another `/`)
    /// shortened at `level` (1: the first directory after the root's kept, one from the middle
    /// cut; each level cuts one more; past the last, only `cut/NAME`; 0: as written), and where
    /// the last path now ends. nil: no path, or (above 0) none shorter at this level than at the one before.
    static func pathsShortened(_ text: String, level: Int, cut: String) -> (String, String.Index)? {
        let stops: Set<Character> = [" ", "（", "）", "；", "，", "。", "：", "、", "」", "\t"]
        var out = ""
        var lastEnd: String.Index?
        var changed = false
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            let startsWord = i == text.startIndex || stops.contains(text[text.index(before: i)])
                || DisplayWidth.of(text[text.index(before: i)]) == 2
            guard ch == "/", startsWord else { out.append(ch); i = text.index(after: i); continue }
            var j = i
            while j < text.endIndex, !stops.contains(text[j]) { j = text.index(after: j) }
            var word = String(text[i..<j])
            var trail = ""
            while let last = word.last, ";,:)".contains(last) { trail = String(last) + trail; word.removeLast() }
            let parts = word.split(separator: "/", omittingEmptySubsequences: false).dropFirst()  // after the root
            if parts.count >= 2, let name = parts.last, !name.isEmpty {
                let dirs = Array(parts.dropLast())
                // The last level that shortens this path: `cut/NAME`.
                let last = max(1, dirs.count - 1)
                if level <= last { changed = true }
                if level == 0 {
                    out += word
                } else if min(level, last) < dirs.count - 1 {
                    // Keep the first directory and the last `dirs.count - 1 - level`.
                    let tail = dirs.suffix(dirs.count - 1 - level)
                    out += "/" + ([String(dirs[0]), cut] + tail.map(String.init) + [String(name)])
                        .joined(separator: "/")
                } else {
                    out += cut + "/" + name
                }
            } else {
                out += word
            }
            lastEnd = out.endIndex
            out += trail
            i = j
        }
        guard changed || level == 0, let end = lastEnd else { return nil }
        return (out, end)
    }

    /// The legend's marks (`legendSymbols`, by position) that `rect` of `drawn` shows: a cell
    /// holding the mark in this glyph set (ASCII: as folded, below) or the Unicode one. A dash
    /// right after a word's letter (a type's name 创意设计—商务休闲, a paper's title) is prose, not
    /// the unknown mark: listed, it explained an unknown no cell showed (wave 23's F8).
    static func marksShown(in drawn: Grid, rows rect: Rect, glyphs: Glyphs) -> Set<Int> {
        // The ASCII set: the marks as the screen shows them once folded (`foldPunctuationToASCII`), in
        // the ASCII set alone: a prose dash (a source's title on the province view) is `-` there, not
        // the unknown mark `_`, and a Δ is `D`, not `d` (a place lost); a prose `≈` is `~`.
        var grid = drawn
        let ascii = glyphs == .ascii
        if ascii { grid.foldPunctuationToASCII() }
        // Each mark's cell text -> the items it stands for (one pass over the cells).
        var items: [String: [Int]] = [:]
        for (i, marks) in zip(legendSymbols(glyphs), legendSymbols(.unicode)).enumerated() {
            for mark in Set(ascii ? marks.0 : marks.0 + marks.1) {
                items[String(mark.prefix(1)), default: []].append(i)
            }
        }
        var shown = Set<Int>()
        for y in rect.y..<min(grid.height, rect.maxY) {
            for x in 0..<grid.width {
                guard let found = items[grid[x, y].text] else { continue }
                // An ASCII mark that is a letter (`p`, `v`, `n`, `u`, `d`, `N`, `o`) counts only
                // standing apart from a word: the letters of a name or a word are not marks; nor
                // is an ASCII sign within a word (`&` basis in `R&D`).
                let text = grid[x, y].text
                let left = x > 0 && grid[x - 1, y].text.first?.isLetter == true
                let right = x + 1 < grid.width && grid[x + 1, y].text.first?.isLetter == true
                if text.first?.isLetter == true, left || right { continue }
                func asciiLetter(_ x: Int) -> Bool {
                    x >= 0 && x < grid.width && grid[x, y].text.first.map { $0.isASCII && $0.isLetter } == true
                }
                if text.allSatisfy(\.isASCII), asciiLetter(x - 1) && asciiLetter(x + 1) { continue }
                // A dash right after a word's letter is prose, not the unknown mark (the province
                // view's source title `…对策研究—以嘉兴市为例`: its `—` put "— unknown" in the legend
                // with no cell unknown, wave 23's F8); a wide letter's right half is skipped.
                if text == "—" {
                    var before = x - 1
                    while before >= 0, grid[before, y].isContinuation { before -= 1 }
                    if before >= 0, grid[before, y].text.last?.isLetter == true { continue }
                }
                shown.formUnion(found)
            }
        }
        return shown
    }

    /// Each legend item's marks in `glyphs` (the lower bound as `>N`, `Glyphs.boundExample`), then the rank's moves and
    /// the verdicts (✓ ✗ ? ○: the overview's rules line), listed only where shown.
    static func legendSymbols(_ glyphs: Glyphs) -> [[String]] {
        [[glyphs.derived], [glyphs.interpreted], [glyphs.basis], [glyphs.projected], [glyphs.unknown],
         [Glyphs.boundExample], ["!"],
         [glyphs.behind], [glyphs.marker], [glyphs.newSince], [glyphs.rankUp, glyphs.rankDown],
         [glyphs.met], [glyphs.notMet], [glyphs.undetermined], [glyphs.notYetDue]]
    }

    /// The markers' legend in the interface's language (no English in Chinese mode: the help
    /// gives both), spaced when `width` allows, else with shorter words. `shown`: the items (positions in `legendSymbols`) whose mark the screen
    /// draws (`marksShown`, the body's cells): only those are listed, every one of them (the words
    /// get shorter first, `Catalogue.legend`). nil (the help, tests): every item but the rank's
    /// moves and the verdicts, the items not listed giving way from the end where they do not
    /// fit. The unit is never cut; nil `unit`: a screen drawing no amount, where none is named.
    /// `checksOnly`: a page whose ✓ marks are passed consistency checks, not rules met (the city's
    /// totals page): ✓ is worded so (`Catalogue.legendCheckPassed`).
    /// `fitted`: a screen whose `≈` may mark a term resting on a fitted value (the assessment's
    /// `≈3年`), not only a figure worked out: `≈` is worded so (`Catalogue.legendDerivedOrFitted`).
    /// `laterPlan`: the screen draws a `?` for a year's plan from a later period (`Mark.laterPlan`,
    /// `Grid.marksNoted`), alone or beside other `?`: `?`'s words say so (`不能判定（计划据以后期间）`,
    /// `Catalogue.legendLaterPlan`; wave 36) where the line holds them with every mark shown, else
    /// they are the usual ones (no mark gives way to the reason).
    public static func legend(
        width: Int, glyphs: Glyphs, unit: String?, language: Language = .zh, shown: Set<Int>? = nil,
        checksOnly: Bool = false, fitted: Bool = false, laterPlan: LaterPlanMarks = .none
    ) -> String {
        let verdictIndex = legendSymbols(glyphs).count - 2
        if laterPlan != .none, shown?.contains(verdictIndex) == true {
            let word = laterPlan == .only ? Catalogue.legendLaterPlan : Catalogue.legendLaterPlanAmong
            if let line = legendLine(width: width, glyphs: glyphs, unit: unit, language: language, shown: shown,
                                     checksOnly: checksOnly, fitted: fitted, undetermined: word, whole: true) {
                return line
            }
        }
        return legendLine(width: width, glyphs: glyphs, unit: unit, language: language, shown: shown,
                          checksOnly: checksOnly, fitted: fitted, undetermined: nil, whole: false) ?? ""
    }

    /// Which `?` a screen draws for a plan from a later period (`Renderer.legend(laterPlan:)`).
    public enum LaterPlanMarks: Sendable {
        /// None (or none noted: a page's prose says why in words).
        case none
        /// Every `?` the tables draw is one.
        case only
        /// Some are, beside other `?` (a check failing, the rate's rounding, a rule not judged).
        case among
    }

    /// `legend`'s line with `undetermined` as `?`'s words (nil: the usual ones); `whole`: nil where a
    /// mark shown would give way (the caller tries the usual words then).
    static func legendLine(
        width: Int, glyphs: Glyphs, unit: String?, language: Language, shown: Set<Int>?,
        checksOnly: Bool, fitted: Bool, undetermined: Catalogue.LegendWord?, whole: Bool
    ) -> String? {
        let symbols = legendSymbols(glyphs).map { $0.joined() }
        var verdicts = Catalogue.legendVerdicts
        if checksOnly { verdicts[0] = Catalogue.legendCheckPassed }
        if let undetermined { verdicts[2] = undetermined }
        var marks = Catalogue.legend
        if fitted { marks[0] = Catalogue.legendDerivedOrFitted }
        let words = marks + [Catalogue.legendRankMoves] + verdicts
        let all = symbols.indices.filter { shown?.contains($0) ?? ($0 < Catalogue.legend.count) }
        let unitEN = unit == "亿元" ? "100M yuan" : unit ?? ""
        // A mark that is a letter (ASCII `p`, `v`, `n`) stands apart from its word ("p proj.", not "pproj.").
        func glued(_ symbol: String, _ word: String) -> String {
            symbol + (symbol.last?.isLetter == true ? " " : "") + word
        }
        func keepsBlank(_ symbol: String) -> Bool {
            guard let c = symbol.first else { return false }
            return c.isLetter || c.isNumber || "!?".contains(c)
        }
        // The forms, longest first: (an item as text, the separator, the unit's text).
        let forms: [((Int) -> String, String, String)] =
            language == .en
            ? [({ "\(symbols[$0]) \(words[$0].text.en)" }, "  ", "unit \(unitEN)"),
               ({ glued(symbols[$0], words[$0].short) }, " ", "unit \(unitEN)"),
               ({ glued(symbols[$0], words[$0].shortest) }, " ", "unit \(unitEN)"),
               // The same words, the blanks between items dropped (each starts with its mark; one
               // that is a letter in ASCII, or `!` `?`, read as the word's punctuation when glued,
               // keeps its blank): shorter words would be jargon (wave 22).
               ({ (keepsBlank(symbols[$0]) ? " " : "") + glued(symbols[$0], words[$0].shortest) },
                "", " unit \(unitEN)")]
            : [({ "\(symbols[$0]) \(words[$0].text.zh)" }, "  ", "单位 \(unit ?? "")"),
               ({ "\(symbols[$0])\(words[$0].text.zh)" }, " ", "单位\(unit ?? "")"),
               // The same words, the blanks between items dropped (`!` `?` keep theirs) before the
               // shortest words: `│预期` `!不符` where every other screen says 应完成, 核对不符 (wave 22).
               ({ (keepsBlank(symbols[$0]) ? " " : "") + "\(symbols[$0])\(words[$0].text.zh)" }, "",
                " 单位\(unit ?? "")"),
               ({ "\(symbols[$0])\(words[$0].shortestZH)" }, " ", "单位\(unit ?? "")")]
        func line(_ items: [Int], _ form: ((Int) -> String, String, String)) -> String {
            String((items.map(form.0) + (unit == nil ? [] : [form.2])).joined(separator: form.1).drop { $0 == " " })
        }
        for form in forms where DisplayWidth.of(line(all, form)) <= width { return line(all, form) }
        // Items not shown give way, from the end, in each form in turn.
        let needed = all.filter { shown?.contains($0) ?? true }
        for form in forms {
            var kept = all
            while DisplayWidth.of(line(kept, form)) > width,
                  let drop = kept.lastIndex(where: { !needed.contains($0) }) { kept.remove(at: drop) }
            if DisplayWidth.of(line(kept, form)) <= width { return line(kept, form) }
        }
        // Narrower than the marks shown need (not at 60 columns, the smallest drawn): the last ones give way.
        if whole { return nil }
        var kept = needed
        while !kept.isEmpty, DisplayWidth.of(line(kept, forms[forms.count - 1])) > width { kept.removeLast() }
        return line(kept, forms[forms.count - 1])
    }

    func drawHints(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 1
        grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.keyHint)))
        // Room for the meeting on the right (`drawMeetingBadge`).
        let badge = Renderer.meetingBadge(state, glyphs: glyphs)
        let room = state.width - (badge.map { DisplayWidth.of($0.text) + 2 } ?? 0)
        var (shown, gap, compact) = Renderer.keyHintLine(state, width: room, glyphs: glyphs)
        // A wide character just before the bottom-right cell keeps ncurses from writing that cell
        // on a terminal without bce (tmux-256color, screen: the terminal's own background showed
        // there once the overview's Chinese hints reached column 99), nor in that cell: then it
        // ends two columns short.
        if badge == nil, Renderer.lineWidth(shown, gap: gap, compact: compact) >= state.width - 1,
           let last = shown.last?.1.last, DisplayWidth.of(String(last)) == 2
        {
            (shown, gap, compact) = Renderer.keyHintLine(state, width: state.width - 2, glyphs: glyphs)
        }
        var x = 1
        for (key, label) in shown {
            if x >= state.width { break }
            x += grid.put(key, x: x, y: y, style: theme.style(.key), maxWidth: state.width - x)
            x += grid.put((compact && label.isEmpty ? "" : " " + label) + String(repeating: " ", count: gap), x: x, y: y,
                          style: theme.style(.keyHint),
                          maxWidth: state.width - x)
        }
    }
}

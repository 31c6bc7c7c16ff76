import TownsCore

/// The two lines at the bottom: the message, search or command line (else the legend), and the key hints.
extension Renderer {
    func drawLegend(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 2
        if let line = state.commandLine {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            let x = 1 + grid.put(":" + line.text, x: 1, y: y, style: theme.style(.message), maxWidth: state.width - 2)
            grid.put(glyphs.eighths[0], x: x, y: y, style: theme.style(.message))
            // An empty prompt lists the commands, so nobody has to know them to start.
            let m = state.message ?? (line.text.isEmpty ? state.tr(Catalogue.commandsTabCompletes)
                + Commands.names.joined(separator: " ") : nil)
            if let m {
                grid.put(m, x: x + 3, y: y, style: theme.style(.legend), maxWidth: max(0, state.width - x - 3))
            }
            return
        }
        if let chooser = state.session.sortChooser {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            grid.put(
                " " + Renderer.sortChooserLine(state, chooser), x: 0, y: y, style: theme.style(.message),
                maxWidth: state.width)
            return
        }
        if let search = state.search, search.editing {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            let x =
                1 + grid.put("/" + search.query, x: 1, y: y, style: theme.style(.message), maxWidth: state.width - 2)
            grid.put(glyphs.eighths[0], x: x, y: y, style: theme.style(.message))
            let hint =
                (state.message.map { $0 + "  " } ?? "")
                + state.tr(Catalogue.enterKeepsEscCancelsPrevious)
            grid.put(hint, x: x + 3, y: y, style: theme.style(.legend), maxWidth: max(0, state.width - x - 3))
            return
        }
        if let flash = state.session.flash {
            grid.put(
                " " + flash.text, x: 0, y: y, style: theme.style(flash.level == .warning ? .warning : .message),
                maxWidth: state.width)
            return
        }
        if let problem = state.reloadProblem {
            grid.put(" " + problem, x: 0, y: y, style: theme.style(.warning), maxWidth: state.width)
            return
        }
        grid.put(
            " "
                + Renderer.legend(
                    width: state.width - 1, glyphs: glyphs, unit: state.dataset.unit, language: state.language),
            x: 0, y: y, style: theme.style(.legend), maxWidth: state.width)
    }

    /// The markers' legend, bilingual when `width` allows, else Chinese only.
    public static func legend(width: Int, glyphs: Glyphs, unit: String, language: Language = .zh) -> String {
        let symbols = [
            glyphs.derived, glyphs.interpreted, glyphs.basis, glyphs.projected, glyphs.unknown, ">14", "!",
            glyphs.behind, glyphs.marker, glyphs.newSince,
        ]
        let items = zip(symbols, Catalogue.legend).map { (symbol: $0, word: $1) }
        // The unit is never cut (issue 15 point 8): markers at the end give way first; the help lists every one.
        func fitted(_ parts: [String], _ unit: String) -> String {
            var kept = parts
            while !kept.isEmpty, DisplayWidth.of((kept + [unit]).joined(separator: " ")) > width { kept.removeLast() }
            return (kept + [unit]).joined(separator: " ")
        }
        if language == .en {
            let unitEN = unit == "亿元" ? "100M yuan" : unit
            let long = items.map { "\($0.symbol) \($0.word.text.en)" }.joined(separator: "  ") + "  unit \(unitEN)"
            if DisplayWidth.of(long) <= width { return long }
            // Every marker's first word, so that none is cut off at 80 columns.
            // A mark that is a letter (ASCII `p`, `v`, `n`) stands apart from its word ("p proj.", not "pproj.").
            func glued(_ symbol: String, _ word: String) -> String {
                symbol + (symbol.last?.isLetter == true ? " " : "") + word
            }
            let shorter = items.map { glued($0.symbol, $0.word.short) }.joined(separator: " ") + " unit \(unitEN)"
            if DisplayWidth.of(shorter) <= width { return shorter }
            // Narrower still (80 columns with every marker): a few letters each; the help spells them out.
            return fitted(items.map { glued($0.symbol, $0.word.shortest) }, "unit \(unitEN)")
        }
        let long =
            items.map { "\($0.symbol) \($0.word.text.zh) \($0.word.text.en)" }.joined(separator: "  ")
            + "  单位 \(unit)"
        if DisplayWidth.of(long) <= width { return long }
        return fitted(items.map { "\($0.symbol)\($0.word.text.zh)" }, "单位\(unit)")
    }

    func drawHints(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 1
        grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.keyHint)))
        // Room for the meeting on the right (`drawMeetingBadge`).
        let room = state.width - (Renderer.meetingBadge(state).map { DisplayWidth.of($0.text) + 2 } ?? 0)
        let shown = Renderer.keyHints(state, width: room, glyphs: glyphs)
        var x = 1
        for (key, label) in shown {
            if x >= state.width { break }
            x += grid.put(key, x: x, y: y, style: theme.style(.key), maxWidth: state.width - x)
            x += grid.put(" " + label + "  ", x: x, y: y, style: theme.style(.keyHint), maxWidth: state.width - x)
        }
    }
}

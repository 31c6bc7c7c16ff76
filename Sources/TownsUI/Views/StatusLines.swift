import TownsCore

/// The two lines at the bottom: the message, search or command line (else the legend), and the key hints.
extension Renderer {
    func drawLegend(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 2
        if let line = state.commandLine {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            let x = 1 + grid.put(":" + line.text, x: 1, y: y, style: theme.style(.message), maxWidth: state.width - 2)
            grid.put(glyphs.eighths[0], x: x, y: y, style: theme.style(.message))
            if let m = state.message {
                grid.put(m, x: x + 3, y: y, style: theme.style(.legend), maxWidth: max(0, state.width - x - 3))
            }
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
        let items: [(String, String, String)] = [
            (glyphs.derived, "推算", "derived"), (glyphs.interpreted, "解读", "interpreted"),
            (glyphs.basis, "口径不同", "other basis"), (glyphs.projected, "预测", "projected"),
            (glyphs.unknown, "未知", "unknown"), (">14", "下限", "lower bound"),
            ("!", "核对不符", "fails a check"), (glyphs.behind, "落后", "behind schedule"),
            (glyphs.marker, "应完成", "expected by now"),
        ]
        if language == .en {
            let unitEN = unit == "亿元" ? "100M yuan" : unit
            let long = items.map { "\($0.0) \($0.2)" }.joined(separator: "  ") + "  unit \(unitEN)"
            if DisplayWidth.of(long) <= width { return long }
            // Every marker's first word, so that none is cut off at 80 columns.
            let short = [
                "interpreted": "interp.", "other basis": "basis", "lower bound": "bound", "fails a check": "check",
                "behind schedule": "behind", "expected by now": "expected",
            ]
            return items.map { "\($0.0)\(short[$0.2] ?? $0.2)" }.joined(separator: " ") + " unit \(unitEN)"
        }
        let long = items.map { "\($0.0) \($0.1) \($0.2)" }.joined(separator: "  ") + "  单位 \(unit)"
        if DisplayWidth.of(long) <= width { return long }
        return items.map { "\($0.0)\($0.1)" }.joined(separator: " ") + " 单位\(unit)"
    }

    func drawHints(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 1
        grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.keyHint)))
        // Each hint names the first key the key map binds to its action, so a rebinding in the
        // configuration shows here too.
        func key(_ action: Action, _ fallback: String) -> String {
            state.keyMap.bindings.first { $0.action == action }?.keys.first.map(KeyMap.name) ?? fallback
        }
        let zh = state.language == .zh
        let hints: [(String, String)] =
            state.showHelp
            ? [
                ("Esc/" + key(.toggleHelp, "?"), state.tr(Catalogue.closeHelp)),
                (key(.quit, "q"), state.tr(Catalogue.quit)),
            ]
            : [
                (key(.moveUp, "↑") + key(.moveDown, "↓"), zh ? "移动" : "move"),
                (key(.open, "Enter"), zh ? "打开" : "open"),
                (key(.back, "Esc"), zh ? "返回" : "back"), (key(.nextView, "Tab"), zh ? "视图" : "view"),
                (key(.previousPeriod, "[") + " " + key(.nextPeriod, "]"), zh ? "期间" : "period"),
                (key(.startSearch, "/"), zh ? "搜索" : "search"), (key(.startCommand, ":"), zh ? "命令" : "command"),
                (key(.toggleHelp, "?"), zh ? "帮助" : "help"), (key(.quit, "q"), zh ? "退出" : "quit"),
            ]
        // Drop whole hints from the right until they fit, but keep help and quit.
        var shown = hints
        func width(_ h: [(String, String)]) -> Int {
            h.reduce(1) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 }
        }
        while width(shown) > state.width, shown.count > 2 {
            shown.remove(at: shown.count - 3)
        }
        var x = 1
        for (key, label) in shown {
            if x >= state.width { break }
            x += grid.put(key, x: x, y: y, style: theme.style(.key), maxWidth: state.width - x)
            x += grid.put(" " + label + "  ", x: x, y: y, style: theme.style(.keyHint), maxWidth: state.width - x)
        }
    }
}

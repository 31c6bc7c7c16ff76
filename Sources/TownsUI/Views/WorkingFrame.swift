/// The frame shown while the first real frame of a large dataset is worked out: at 10,000
/// towns the overview's first frame works out every town's progress and takes seconds (README,
/// "Known gaps"), and a blank screen cannot be told from a hang.
extension Renderer {
    /// Datasets of at least this many towns, read from the text (no derived tables), get the
    /// working frame before their first frame (below it, or from a snapshot with its derived
    /// tables, the first frame comes within a few tens of milliseconds).
    public static let workingFrameTowns = 1_000

    /// One line in the page's colours, in the language shown: what is being worked out and for
    /// how many towns. Drawn once; the first real frame replaces it whole.
    public func workingFrame(_ state: AppState) -> Grid {
        var frame = self
        frame.theme = themes[min(max(0, state.themeIndex), themes.count - 1)]
        var grid = Grid(width: state.width, height: state.height,
                        fill: Cell(text: " ", style: frame.theme.style(.background)))
        let count = state.dataset.townCount
        let words = state.language == .zh
            ? "towns · 正在计算第一屏（\(count) 个小镇）…"
            : "towns · working out the first screen (\(count) towns)…"
        _ = grid.put(glyphs.isASCII ? Grid.foldToASCII(words) : words, x: 0, y: 0, style: frame.theme.style(.title), maxWidth: state.width)
        if glyphs == .ascii { grid.foldPunctuationToASCII() }
        return grid
    }
}

extension Renderer {
    /// The frame drawn before a large dataset's export is written (at least `workingFrameTowns`
    /// towns): the screen as it is, its status line saying the export is being written and that
    /// keys wait. Writing 10,000 rows takes seconds (wave 33's fresh user: 24-44 s of a debug
    /// build at 3,000 towns, 11 s of a release build at 10,000 with the machine loaded), and a
    /// screen that does not move cannot be told from a hang. The state is not changed: the
    /// export's own message (`Action.exportFinished`) replaces this one.
    public func exportingFrame(_ state: AppState) -> Grid {
        var s = state
        s.say(Catalogue.exportWorking)
        return render(s)
    }
}

extension Renderer {
    /// The frame drawn while a key's work at national scale has taken longer than
    /// `KeyWork.busyAfter`: the screen as it is (the state before the key), its status line
    /// saying the dashboard is working out the key's answer for how many towns, and that keys
    /// wait. The state is not changed: the key's own frame replaces this one when it is made.
    public func keyWorkingFrame(_ state: AppState) -> Grid {
        var s = state
        s.say(Catalogue.keyWorking(state.dataset.townCount))
        return render(s)
    }
}

extension Catalogue {
    /// The busy line of `Renderer.keyWorkingFrame`: `count` towns.
    static func keyWorking(_ count: Int) -> Bilingual {
        Bilingual("正在计算…（\(count) 个小镇；其间按键稍后执行）",
                  "working… (\(count) towns; keys wait until it is done)")
    }
    static let exportWorking = Bilingual("正在导出…（表大，需数秒；其间按键稍后执行）",
                                         "exporting… (a large table: seconds; keys wait until it is written)")
}

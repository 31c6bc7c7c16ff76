/// What the user asked for, independent of the key that asked. `KeyMap` maps keys to
/// actions; `update` applies them.
public enum Action: Equatable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    /// Open the selected row (drill down).
    case open
    /// Go back one level (Esc, Backspace).
    case back
    /// Next / previous top view (Tab, Shift-Tab).
    case nextView, previousView
    /// Go straight to a top view.
    case showView(Screen.Kind)
    /// Next / previous reporting period.
    case nextPeriod, previousPeriod
    case toggleHelp
    /// Open the page of this session's status messages (`:messages`, `M`; `MessageLog`).
    case showMessages
    /// Next theme (`t`).
    case cycleTheme
    /// Switch the interface language zh <-> en (`L`).
    case toggleLanguage
    /// Start an incremental search (`/`); next / previous match (`n`, `N`).
    case startSearch, nextMatch, previousMatch
    /// Start a search that keeps only the matching rows (`&`, as `less`; Ctrl-F while typing
    /// a search switches between the two); Esc clears it.
    case startNarrowing
    /// Sort by the next column (`s`); reverse the order (`S`).
    case sortNextColumn, sortReverse
    /// Open the sort chooser: the next key names the column, sorted largest first (`>`) or
    /// smallest first (`<`); a key typed while it is open.
    case chooseSort(descending: Bool), sortChooserKey(Key)
    /// Show only towns behind schedule, or all again (`b`).
    case toggleBehindFilter
    /// Clear the filter and the search (`c`).
    case clearFilter
    /// Open the command line (`:`).
    case startCommand
    /// Export the current view as CSV (`e`); `:export` chooses the format and path.
    case export
    /// Copy the view or page to the clipboard as tab-separated text (`y`).
    case copy
    /// A copy (`Effect.copy`) went to the terminal (`refusal` nil), or could not: why;
    /// `saved`: the file it was also written to, else `notSaved`: why not (nil, nil: no file tried).
    case copied(rows: Int, refusal: String?, saved: String? = nil, notSaved: String? = nil)
    /// A key typed into the search or the command line.
    case searchKey(Key), commandKey(Key)
    /// Run a command line (as typed after `:`).
    case runCommand(String)
    /// A mouse event: a click selects the row under it, a double-click opens it, the wheel scrolls.
    case mouse(MouseEvent)
    /// Text pasted: typed into the search or the command line, else ignored (`pasted`).
    case paste(String)
    case quit
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Start-up settings from the command line and the configuration file.
    case configure(Settings)
    /// The data files changed and loaded: the new facts, when the files last changed (as
    /// `AppState.dataChangedAt` shows it) and how many warnings the load gave. The session
    /// is kept whole (`reloaded`).
    /// `lost`: a file shrank and lost records the data shown had (which, for the status line), in
    /// English; `lostChinese`: the same in Chinese (nil: `lost` in both languages).
    case dataReloaded(Facts, changedAt: String?, warnings: Int, lost: String? = nil, lostChinese: String? = nil)
    /// The data files changed and do not load: the first problem (`FILE:LINE: field:
    /// problem`, relative to the data folder) and how many more; the data shown stays.
    /// `chinese`: the first problem's Chinese words (nil: the same words in both languages);
    /// the status line words it in the language it is drawn in, not the one of the failure.
    /// `brief`: the first problem in brief, the reason first (`LoadIssue.briefDescription`), for a
    /// status line too narrow for the whole (nil: none briefer).
    case reloadFailed(String, more: Int, chinese: String? = nil, brief: Bilingual? = nil)
    /// The data files are as they were when the data shown loaded (a failed change undone).
    case dataUnchanged
    /// The data files changed and are being read (a poll running for more than a second): said
    /// once a reload; the data shown stays until the new data has loaded.
    case reloading
    /// A key bound to nothing (says so, and which key opens the help).
    case unboundKey(Key)
    /// An export (`Effect.export`) finished: what to say (where it went, or why it was not
    /// written), and whether it failed.
    case exportFinished(String, failed: Bool)
    /// Presenting or following a meeting, and its keys (`Follow.swift`).
    case meeting(MeetingAction)
    /// `blocks` blocks of the snapshot the data was read from were found damaged (after the
    /// first frame, `DerivedTables.damagedBlocks`): the tables in them are worked out from the
    /// data instead, and the snapshot is rebuilt in the background. Said once, as a warning.
    case snapshotDamaged(blocks: Int)
    /// The snapshot rebuilt in the background (`towns snapshot --if-idle` in a child) could not
    /// be written: `status` its exit status (3: the cache folder read-only or the disk full), `command`
    /// the command that says why. Said once, as a warning: later starts read the text too.
    case snapshotNotRebuilt(status: Int32, command: String)
}

/// Key bindings: which key does what. Every binding is listed in the help screen
/// (`bindings`), so the help can never disagree with the keys.
public struct KeyMap: Equatable, Sendable {
    /// A row of the help screen: the keys, and what they do.
    public struct Binding: Equatable, Sendable {
        public var keys: [Key]
        /// What the keys do (`Catalogue+Chrome`): the Chinese half is bilingual, as the help shows it.
        public var label: Bilingual
        public var action: Action
    }

    public var bindings: [Binding]

    public static let standard = KeyMap(bindings: [
        Binding(keys: [.up, .char("k")], label: Catalogue.keyMoveUp, action: .moveUp),
        Binding(keys: [.down, .char("j")], label: Catalogue.keyMoveDown, action: .moveDown),
        Binding(keys: [.pageUp, .ctrl("b")], label: Catalogue.keyPageUp, action: .pageUp),
        Binding(keys: [.pageDown, .ctrl("f"), .char(" ")], label: Catalogue.keyPageDown, action: .pageDown),
        Binding(keys: [.home, .char("g")], label: Catalogue.keyFirstRow, action: .first),
        Binding(keys: [.end, .char("G")], label: Catalogue.keyLastRow, action: .last),
        Binding(keys: [.enter, .right, .char("l")], label: Catalogue.keyOpen, action: .open),
        Binding(keys: [.escape, .backspace, .left, .char("h")], label: Catalogue.keyBack, action: .back),
        Binding(keys: [.tab], label: Catalogue.keyNextView, action: .nextView),
        Binding(keys: [.backTab], label: Catalogue.keyPreviousView, action: .previousView),
        Binding(keys: [.char("0")], label: Catalogue.keyOverview, action: .showView(.overview)),
        Binding(keys: [.char("1")], label: Catalogue.keyTownsView, action: .showView(.townList)),
        Binding(keys: [.char("2")], label: Catalogue.keyTypesView, action: .showView(.typeList)),
        Binding(keys: [.char("3")], label: Catalogue.keyEntitiesView, action: .showView(.entityList)),
        Binding(keys: [.char("4")], label: Catalogue.keyAssessmentView, action: .showView(.assessment)),
        Binding(keys: [.char("5")], label: Catalogue.keyProvinceView, action: .showView(.province)),
        Binding(keys: [.char("6")], label: Catalogue.keyReference, action: .showView(.reference)),
        Binding(keys: [.char("7")], label: Catalogue.keyChangesView, action: .showView(.changes)),
        Binding(keys: [.char("]"), .char("p")], label: Catalogue.keyNextPeriod, action: .nextPeriod),
        Binding(keys: [.char("[")], label: Catalogue.keyPreviousPeriod, action: .previousPeriod),
        Binding(keys: [.char("/")], label: Catalogue.keySearch, action: .startSearch),
        Binding(keys: [.char("&")], label: Catalogue.keyNarrow, action: .startNarrowing),
        Binding(keys: [.char("n")], label: Catalogue.keyNextMatch, action: .nextMatch),
        Binding(keys: [.char("N")], label: Catalogue.keyPreviousMatch, action: .previousMatch),
        Binding(keys: [.char(">")], label: Catalogue.keySortLargestFirst,
                action: .chooseSort(descending: true)),
        Binding(keys: [.char("<")], label: Catalogue.keySortSmallestFirst,
                action: .chooseSort(descending: false)),
        Binding(keys: [.char("s")], label: Catalogue.keySortByNextColumn, action: .sortNextColumn),
        Binding(keys: [.char("S")], label: Catalogue.keyReverseSort, action: .sortReverse),
        Binding(keys: [.char("b")], label: Catalogue.keyBehind, action: .toggleBehindFilter),
        Binding(keys: [.char("c")], label: Catalogue.keyClearFilter, action: .clearFilter),
        Binding(keys: [.char(":")], label: Catalogue.keyCommandLine, action: .startCommand),
        Binding(keys: [.char("e")], label: Catalogue.keyExport, action: .export),
        Binding(keys: [.char("P")], label: Catalogue.keyPresentationLayout, action: .meeting(.togglePresentation)),
        Binding(keys: [.char("f")], label: Catalogue.keyFollow, action: .meeting(.toggleFollow)),
        Binding(keys: [.char("y")], label: Catalogue.keyCopy, action: .copy),
        Binding(keys: [.char("t")], label: Catalogue.keyNextTheme, action: .cycleTheme),
        Binding(keys: [.char("L")], label: Catalogue.keyLanguageBoth, action: .toggleLanguage),
        Binding(keys: [.char("?"), .function(1)], label: Catalogue.keyHelp, action: .toggleHelp),
        Binding(keys: [.char("M")], label: Catalogue.keyMessages, action: .showMessages),
        Binding(keys: [.char("q")], label: Catalogue.keyQuit, action: .quit),
    ])

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// How a key is written in the help and the key-hint line.
    public static func name(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        case .paste: return "paste"
        }
    }
}

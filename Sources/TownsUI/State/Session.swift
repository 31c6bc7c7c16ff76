import TownsCore

/// What the user did, and nothing else: the navigation stack, the period, the filter, the
/// search, the language, the theme, the help, the command line and its history, and the
/// message on the status line. A plain value (no reference inside): it can be compared
/// (tests), saved (resume) and sent (a meeting's followers). Only `update` changes it.
///
/// Screens name their subject by id (a town's id, a type's number, an entity's id, a city's
/// Chinese name), and each list screen names its selected row by what the row opens
/// (`Screen.selected`), so a session stays meaningful when the data changes under it.
///
/// ```swift
/// let data = try JSONEncoder().encode(state.session)
/// let back = try JSONDecoder().decode(Session.self, from: data)   // == state.session
/// ```
public struct Session: Codable, Equatable, Sendable {
    /// Navigation stack; the first element is one of the top views (`AppState.topViews`).
    public var stack: [Screen]
    /// The id of the period shown (`Period.id`, "2015-09"); nil for a dataset without periods.
    public var periodID: String?
    /// Which towns the town lists show.
    public var filter = TownFilter()
    /// The incremental search (`/`), while typing and after.
    public var search: SearchState?
    /// The screen as it was when the search began: Esc returns to its selected row.
    public var searchOrigin: Screen?
    /// Interface language: labels, and town names where the data has both.
    public var language: Language = .zh
    /// The theme drawn, by name (`AppState.themeNames`).
    public var themeName = "default"
    public var showHelp = false
    /// First line of the help shown (the help scrolls when the screen is short).
    public var helpScroll = 0
    /// The command line (`:`), while open.
    public var commandLine: CommandLineState?
    /// Commands entered, oldest first (Up/Down in the command line).
    public var history: [String] = []
    /// Tab completion in progress in the command line.
    public var completion: Completion?
    /// The sort chooser (`>` `<`), while open.
    public var sortChooser: SortChooser?
    /// A one-line message on the status line, cleared by the next action.
    public var flash: Flash?
    /// The presentation layout (`P`, for a projector): the towns view's bars kept before every
    /// column but the town's, the completed figures, and at least `presentationBarWidth` columns
    /// wide; the columns that then do not fit left out. This
    /// terminal's own, like the theme: a follower keeps its own.
    public var presentation = false
    /// The changes view's earlier period, by id (`:changes 2015-08`); nil: the previous period
    /// of the same year before the one shown, so `[` `]` move the pair.
    public var changesFrom: String?
    /// Each top view's sort while another view is shown (`1` `2` `1`, Tab: the towns view comes
    /// back sorted as it was left, as the filter stays); nil: none kept. Optional so a session
    /// saved, or sent by a presenter, before wave 19 still reads.
    public var viewSorts: [ViewSort]?

    /// A session opens on the overview (`Screen.Kind.overview`), the meeting's first screen
    /// (issue 14); `towns --view towns` or key 1 shows the towns view.
    public init(stack: [Screen] = [Screen(.overview)], periodID: String? = nil) {
        self.stack = stack
        self.periodID = periodID
    }
}

/// A top view's sort kept while another view is shown (`Session.viewSorts`).
public struct ViewSort: Codable, Equatable, Sendable {
    /// The top view (`Screen.Kind`, e.g. `.townList`).
    public var kind: Screen.Kind
    /// The sorted column's index in the view's list (nil: the data's order).
    public var column: Int?
    /// Largest first.
    public var descending: Bool
}

/// A message on the status line, with how much it matters.
public struct Flash: Codable, Equatable, Sendable {
    public enum Level: String, Codable, Sendable {
        /// What a key did ("sorted by …", "period: …"): drawn as a message.
        case info
        /// Something the user should act on (a bad configuration line, a failed export):
        /// drawn as a warning.
        case warning
    }
    /// The words as they were shown first, in the language of that moment (what `:messages` logs).
    public var text: String
    public var level: Level
    /// The words in both languages where they came from the catalogue: the status line words them
    /// when drawn (`text(in:)`), so `L` rewords a warning still shown at once, as the "not reloaded"
    /// problem since wave 11 (wave 29: a warning kept the language it came in after `L`). Nil: a
    /// text in one language (a path, a configuration line), shown as it is.
    public var words: Bilingual?
    /// Shorter forms of `text`, longest first: where `text` does not fit on the status line, the
    /// first that fits with the pointer to `:messages` is drawn there instead of `text` cut (wave 30:
    /// `:columns` at 80 columns showed `共 13 列，5 列因窗口宽度未显示（次要的列先让位）：…`, none of its
    /// list). `:messages` logs `text` whole. Nil: `text` is cut (`Renderer.messageFitting`).
    public var shorter: [String]?
    /// Shorter forms in both languages, longest first, worded when drawn as `words` is (`L`
    /// rewords them): a meeting's end keeps the way back and shortens its cause (wave 43).
    /// Used before `shorter`. Nil: none.
    public var shorterWords: [Bilingual]?
    public init(_ text: String, level: Level = .info) { self.text = text; self.level = level }
    /// A message worded from `words`, first shown in `language`.
    public init(_ words: Bilingual, in language: Language, level: Level = .info) {
        self.init(language == .zh ? words.zh : words.en, level: level)
        self.words = words
    }
    /// The words in `language`: `words`' where it has them, else `text`.
    public func text(in language: Language) -> String {
        words.map { language == .zh ? $0.zh : $0.en } ?? text
    }
    /// The shorter forms in `language`: `shorterWords`' where there are any, else `shorter`.
    public func shorter(in language: Language) -> [String] {
        shorterWords.map { $0.map { language == .zh ? $0.zh : $0.en } } ?? shorter ?? []
    }
}

/// Tab completion in the command line: the word as typed, and the candidate shown.
public struct Completion: Codable, Equatable, Sendable {
    public var seed: String
    public var index: Int
    public init(seed: String, index: Int) { self.seed = seed; self.index = index }
}

/// The list stage a filter keeps, written as its raw value ("creation").
extension ListStage: Codable {}

import TownsCore

/// One screen on the navigation stack, with its own selection and scroll offset.
public struct Screen: Equatable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Home: every town, one row each, with the city's totals.
        case towns
        /// The four development types.
        case types
        /// The towns of one development type (1-4), with subtotals.
        case type(Int)
        /// The operating entities.
        case entities
        /// The towns of one entity; nil id: towns whose source names no entity.
        case entity(String?)
        /// One town's every field with its source or formula.
        case town(String)
        /// Every town against every province rule: met, not met, unknown.
        case assessment
        /// The provincial list by city, a bar per city.
        case province
        /// The listed towns of one city (by its Chinese name).
        case city(String)
        /// The city's reported totals, each with its source, and the checks on them.
        case cityTotals

        /// Whether this screen is a page of lines (a town's, the city totals') rather than a list.
        public var isPage: Bool {
            switch self {
            case .town, .cityTotals: return true
            default: return false
            }
        }
    }
    public var kind: Kind
    /// Selected row (0-based) of a list; for a detail page, unused.
    public var selection: Int
    /// First visible row (lists) or line (detail pages).
    public var scroll: Int
    /// The column the list is sorted by (index into its columns), nil for the data's order.
    public var sortColumn: Int?
    public var sortDescending: Bool

    public init(_ kind: Kind, selection: Int = 0, scroll: Int = 0, sortColumn: Int? = nil, sortDescending: Bool = false) {
        self.kind = kind
        self.selection = selection
        self.scroll = scroll
        self.sortColumn = sortColumn
        self.sortDescending = sortDescending
    }
}

/// The whole state of the dashboard. Only `update(_:_:)` changes it, so every key press is
/// a unit test: state in, action, state out.
public struct AppState: Sendable {
    public let dataset: Dataset
    public let metrics: Metrics
    let checker: Checker
    /// Lists, pages and findings worked out so far; shared by the states `update` makes.
    var cache = ViewCache()
    /// Consistency findings (`Checker`), computed the first time they are asked for (the
    /// views need only a few of them, found without running every check: `flagged`).
    public var findings: [Finding] { cache.findings { checker.run() } }
    /// Navigation stack; the first element is one of the top views (towns, types, entities).
    public var stack: [Screen]
    /// Index into `dataset.periods` of the period shown.
    public var periodIndex: Int
    public var showHelp: Bool
    /// First line of the help shown (the help scrolls when the screen is short).
    public var helpScroll = 0
    /// Screen size in cells (columns, rows).
    public var width: Int
    public var height: Int
    /// A one-line message on the status line, cleared by the next key.
    public var message: String?
    /// When the data shown last changed, as the clock shows it (`14:02:11`, or a date and
    /// time when not today); shown in the title as `数据更新 14:02:11`. Set by whoever loads
    /// the data (the view reads no files); nil: not shown.
    public var dataChangedAt: String?
    /// Why changed data files were not reloaded (the first error, `FILE:LINE: field: problem`);
    /// shown on the status line, as a warning, until a reload succeeds. The data shown is
    /// the last that loaded.
    public var reloadProblem: String?
    public var quit: Bool
    /// Which towns the town lists show.
    public var filter = TownFilter()
    /// The incremental search (`/`), while typing and after.
    public var search: SearchState?
    /// The selection when the search began (Esc returns to it).
    public var searchOrigin = 0
    /// The command line (`:`), while open.
    public var commandLine: CommandLineState?
    /// Commands entered, oldest first (Up/Down in the command line).
    public var history: [String] = []
    /// Tab completion in progress: the word as typed, and the candidate shown.
    public var completion: (seed: String, index: Int)?
    /// An export the front end should write (`e`, `:export`); it clears it when done.
    public var pendingExport: ExportRequest?
    /// Interface language: labels, and town names where the data has both.
    public var language: Language = .zh
    /// Pinyin forms for search and sorting, computed on first use.
    public let searchIndex = SearchIndex()
    /// Index of the theme drawn (`Renderer.themes`); `themeNames` lists them for messages.
    public var themeIndex: Int = 0
    public var themeNames: [String] = ["default"]
    /// The top views Tab cycles through.
    public static let topViews: [Screen.Kind] = [.towns, .types, .entities, .assessment, .province]

    /// A state showing the towns view for the latest period in which some town has a
    /// completion rate or an exact completed amount (Jiaxing: Jan-Sep 2015, not the full year,
    /// for which only lower bounds are known), else the latest with any completed figure, else
    /// the latest period.
    public init(dataset: Dataset, width: Int = 80, height: Int = 24) {
        self.dataset = dataset
        self.metrics = Metrics(dataset: dataset)
        self.checker = Checker(dataset: dataset)
        self.stack = [Screen(.towns)]
        let withTownProgress = dataset.periods.indices.last { i in
            let id = dataset.periods[i].id
            return dataset.towns.contains {
                $0.figures[FigureKey(.completionRate, id)]?.quantity.exactValue != nil
                    || $0.figures[FigureKey(.completed, id)]?.quantity.exactValue != nil
            }
        }
        let withCompletion = withTownProgress ?? dataset.periods.indices.last { i in
            let id = dataset.periods[i].id
            return dataset.totals[FigureKey(.completed, id)] != nil
                || dataset.towns.contains { $0.figures[FigureKey(.completed, id)] != nil || $0.figures[FigureKey(.completionRate, id)] != nil }
        }
        self.periodIndex = withCompletion ?? max(0, dataset.periods.count - 1)
        self.showHelp = false
        self.width = width
        self.height = height
        self.message = nil
        self.dataChangedAt = nil
        self.reloadProblem = nil
        self.quit = false
    }

    public var screen: Screen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    /// The period shown, or nil for a dataset with no periods.
    public var period: Period? {
        dataset.periods.indices.contains(periodIndex) ? dataset.periods[periodIndex] : nil
    }
}

/// The incremental search: its query, and whether the user is still typing it.
public struct SearchState: Equatable, Sendable {
    public var query: String
    public var editing: Bool
    public init(query: String = "", editing: Bool = true) { self.query = query; self.editing = editing }
}

/// The command line opened with `:`.
public struct CommandLineState: Equatable, Sendable {
    public var text: String
    /// Position in `AppState.history` while browsing it with Up/Down.
    public var historyIndex: Int?
    public init(text: String = "", historyIndex: Int? = nil) { self.text = text; self.historyIndex = historyIndex }
}

/// What to export: the current view as a table in `format`, to `path` (nil: a file name
/// made from the view and the time, in the current directory).
public struct ExportRequest: Equatable, Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, csv, md, json }
    public var format: Format
    public var path: String?
    public var byteOrderMark: Bool
    /// Replace a regular file already at `path` (`:export … --force`); without it nothing is replaced.
    public var force: Bool
    public init(format: Format, path: String? = nil, byteOrderMark: Bool = false, force: Bool = false) {
        self.format = format; self.path = path; self.byteOrderMark = byteOrderMark; self.force = force
    }
}

/// Interface language.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

extension AppState {
    /// `zh` or `en` by the interface language.
    public func tr(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A town's name in the interface language.
    public func name(_ town: Town) -> String { language == .zh ? town.nameZH : town.nameEN }

    /// A town's county in the interface language.
    public func county(_ town: Town) -> String { language == .zh ? town.countyZH : town.countyEN }

    /// A period's label in the interface language.
    public func label(_ period: Period) -> String { language == .zh ? period.labelZH : period.labelEN }
}

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
    }
    public var kind: Kind
    /// Selected row (0-based) of a list; for a detail page, unused.
    public var selection: Int
    /// First visible row (lists) or line (detail pages).
    public var scroll: Int

    public init(_ kind: Kind, selection: Int = 0, scroll: Int = 0) {
        self.kind = kind
        self.selection = selection
        self.scroll = scroll
    }
}

/// The whole state of the dashboard. Only `update(_:_:)` changes it, so every key press is
/// a unit test: state in, action, state out.
public struct AppState: Sendable {
    public let dataset: Dataset
    public let metrics: Metrics
    let checker: Checker
    /// Lists, pages and findings worked out so far; shared by the states `update` makes.
    let cache = ViewCache()
    /// Consistency findings (`Checker`), computed the first time they are asked for (the
    /// views need only a few of them, found without running every check: `flagged`).
    public var findings: [Finding] { cache.findings { checker.run() } }
    /// Navigation stack; the first element is one of the top views (towns, types, entities).
    public var stack: [Screen]
    /// Index into `dataset.periods` of the period shown.
    public var periodIndex: Int
    public var showHelp: Bool
    /// Screen size in cells (columns, rows).
    public var width: Int
    public var height: Int
    /// A one-line message on the status line, cleared by the next key.
    public var message: String?
    public var quit: Bool
    /// The top views Tab cycles through.
    public static let topViews: [Screen.Kind] = [.towns, .types, .entities, .assessment, .province]

    /// A state showing the towns view for the latest period that has a completed figure
    /// (town or city), else the latest period.
    public init(dataset: Dataset, width: Int = 80, height: Int = 24) {
        self.dataset = dataset
        self.metrics = Metrics(dataset: dataset)
        self.checker = Checker(dataset: dataset)
        self.stack = [Screen(.towns)]
        let withCompletion = dataset.periods.indices.last { i in
            let id = dataset.periods[i].id
            return dataset.totals[FigureKey(.completed, id)] != nil
                || dataset.towns.contains { $0.figures[FigureKey(.completed, id)] != nil || $0.figures[FigureKey(.completionRate, id)] != nil }
        }
        self.periodIndex = withCompletion ?? max(0, dataset.periods.count - 1)
        self.showHelp = false
        self.width = width
        self.height = height
        self.message = nil
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

import TownsCore

/// One screen on the navigation stack, with its own selection and scroll offset.
public struct Screen: Codable, Equatable, Sendable {
    public enum Kind: Codable, Hashable, Sendable {
        /// The meeting's first screen: the city, the towns behind, the types, the changes, the
        /// checks and the assessment in panels (`AppState.overviewTable`).
        case overview
        /// Home: every town, one row each, with the city's totals.
        case townList
        /// The four development types.
        case typeList
        /// The towns of one development type (1-4), with subtotals.
        case townsOfType(Int)
        /// The operating entities.
        case entityList
        /// The towns of one entity; nil id: towns whose source names no entity.
        case townsOfEntity(String?)
        /// One town's every field with its source or formula.
        case townPage(String)
        /// Every town against every province rule: met, not met, unknown.
        case assessment
        /// The provincial list by city, a bar per city.
        case province
        /// The listed towns of one city (by its Chinese name).
        case city(String)
        /// The city's reported totals, each with its source, and the checks on them.
        case cityTotals
        /// The paper's reference passages by topic (`Dataset.reference`), one row a topic.
        case reference
        /// One topic's passages, each with its section, quoted (`ReferenceText.passages(about:)`).
        case referencePage(String)
        /// What changed between the previous period of the same year and the period shown
        /// (`AppState.changesTable`).
        case changes
        /// The assessment's notes as a page (the city's first-year test, the legend, what is at
        /// stake, the columns, the sources): scrolled as pages are, so none is cut at 80x24 or 60x14.
        case assessmentNotes
        /// This session's status messages with their time, newest last (`:messages`, `MessageLog`).
        case messages

        /// Whether this screen can draw an amount in the dataset's unit (亿元), so that the
        /// legend names the unit: not the reference passages (quoted words) nor `:messages`.
        /// Nor the entities (kinds, models and counts of towns), nor the province's lists by city
        /// (counts of towns), whose legend was `单位 亿元` beside no amount.
        public var drawsAmounts: Bool {
            switch self {
            case .reference, .referencePage, .messages, .entityList, .province, .city: return false
            default: return true
            }
        }

        /// Whether this screen draws marks (≈ — ! ✓ …) as marks, so that the legend lists those
        /// its body shows: not the reference passages nor `:messages`, whose words are prose (a
        /// dash there is punctuation, not `— unknown`).
        public var drawsMarks: Bool {
            switch self {
            case .reference, .referencePage, .messages: return false
            default: return true
            }
        }

        /// Whether the screen's rows can be sorted: a list's, but not the overview's (its rows
        /// are panels: headings, and detail lines under their row, that a sort would scramble).
        public var sorts: Bool { self != .overview && !isPage }

        /// Whether `&` (keep only the rows that match) works on this screen: not on the overview,
        /// whose rows are panels under their headings (narrowed, they left an empty screen, and
        /// `e`, `y` and a follower's overview empty with it: wave 31's fresh user's F1); `/` finds
        /// its rows there. A saved or sent session's narrowing of the overview is not shown.
        public var narrows: Bool { self != .overview }

        /// Whether this screen is a page of lines (a town's, the city totals') rather than a list.
        public var isPage: Bool {
            switch self {
            case .townPage, .cityTotals, .referencePage, .assessmentNotes, .messages: return true
            default: return false
            }
        }
    }
    public var kind: Kind
    /// What the selected row of a list opens (`.townPage("haining-leather")`, `.townsOfType(2)`,
    /// `.cityTotals` for the totals row): the selection is held by the row's identity only,
    /// and its position worked out from it when drawing or moving (`AppState.selection`), so
    /// a sort, a filter, a reload or a presenter's session keeps the same row wherever it now
    /// stands. Nil on pages, and for a row that opens nothing (`plainRow`).
    public var selected: Kind?
    /// A selected row that opens nothing (an overview panel's title, a listed town without
    /// figures here), which has no identity to keep: its position in the list as shown. Nil
    /// whenever `selected` names the row. Neither set: the first row.
    public var plainRow: Int?
    /// Where several rows of a list open `selected` (the overview's detail lines under their row,
    /// a town in two panels; the changes view's measures of one town), which of them: counted
    /// from 0 in the list's order; nil for the first. So a presenter walking such rows changes
    /// the session and its followers see the move (wave 25, F1: the followers' selection stayed
    /// on the panel's first line, and their joining message stayed for want of a move). Found
    /// through an index of the list's targets made once per list (`ViewCache.targetRows`), so a
    /// list of any length counts them (wave 26: lists over 2,048 rows, the changes view at
    /// 10,000 towns, sent no move between rows opening the same town).
    public var occurrence: Int?
    /// First visible row (lists) or line (detail pages).
    public var scroll: Int
    /// The column the list is sorted by (index into its columns), nil for the data's order.
    public var sortColumn: Int?
    public var sortDescending: Bool
    /// Only the rows matching this search are listed (`&`, or Ctrl-F while typing a search,
    /// as k9s's `/`); "" while a narrowing search is begun; nil: every row.
    public var narrow: String?
    /// A page's scroll by content, as sent to a meeting's followers (`AppState.sessionForFollowers`):
    /// they scroll to the same line at their own width and language. Nil otherwise.
    public var anchor: PageAnchor?

    public init(
        _ kind: Kind, selected: Kind? = nil, scroll: Int = 0, sortColumn: Int? = nil, sortDescending: Bool = false
    ) {
        self.kind = kind
        self.selected = selected
        self.scroll = scroll
        self.sortColumn = sortColumn
        self.sortDescending = sortDescending
    }
}

/// The incremental search: its query, and whether the user is still typing it.
public struct SearchState: Codable, Equatable, Sendable {
    /// Longest query kept, in characters: a paste of more is cut here (the rest could match
    /// nothing a name holds, and each key would cost the whole text again).
    public static let maximumLength = 200
    public var query: String
    public var editing: Bool
    public init(query: String = "", editing: Bool = true) { self.query = query; self.editing = editing }
}

/// The command line opened with `:`.
public struct CommandLineState: Codable, Equatable, Sendable {
    public var text: String
    /// Position in `Session.history` while browsing it with Up/Down.
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
public enum Language: String, Codable, Sendable, CaseIterable {
    case zh, en
}

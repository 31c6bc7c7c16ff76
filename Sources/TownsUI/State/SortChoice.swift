import TownsCore

/// The sort chooser opened by `>` (largest first) or `<` (smallest first), as htop's sort
/// keys: the status line numbers the list's columns, and one more key (`1`-`9`, then `a`-`z`;
/// `0` the data's order) sorts by that column. So any column is two keys away; `S` reverses.
public struct SortChooser: Codable, Equatable, Sendable {
    /// Whether the column chosen sorts largest first (`>`).
    public var descending: Bool
    public init(descending: Bool) { self.descending = descending }

    /// The keys naming the list's titled columns in the chooser, in order.
    public static let keys: [Character] = Array("123456789abcdefghijklmnopqrstuvwxyz")
}

extension AppState {
    /// The columns a sort can choose (index into the list's columns, title), in order: every
    /// column with a title (a bar without one, and blank columns, sort by nothing shown).
    /// Their chooser keys and `:sort N` number them from 1.
    public func sortableColumns(_ kind: Screen.Kind) -> [(index: Int, title: String)] {
        guard let content = listContent(kind) else { return [] }
        return content.columns.indices.filter { !content.columns[$0].title.isEmpty }.map {
            ($0, content.columns[$0].title)
        }
    }

    /// The list's sortable columns as the chooser and `:sort`'s miss list them: `1 小镇  2 县市 …`.
    /// `compact`: `1小镇 2县市区 …`, for a narrow status line.
    public func numberedColumns(_ kind: Screen.Kind, compact: Bool = false) -> String {
        sortableColumns(kind).enumerated().map {
            "\(SortChooser.keys[$0.offset])\(compact ? "" : " ")\($0.element.title)"
        }.joined(separator: compact ? " " : "  ")
    }

    /// The column `word` names in the list `kind` shows: its number (`sortableColumns`, from
    /// 1), or its title in either language (`完成率`, `Done%`), in any case, or any start of
    /// a title that only one column's titles have. `.failure` says why not (the columns listed).
    func sortColumn(named word: String, in kind: Screen.Kind) -> Result<Int, SortColumnMiss> {
        let mine = sortableColumns(kind)
        if let n = Int(word) {
            guard n >= 1, n <= mine.count else { return .failure(.none) }
            return .success(mine[n - 1].index)
        }
        var other = self
        other.language = language == .zh ? .en : .zh
        let theirs = other.sortableColumns(kind)
        // Both languages' titles of each column (the lists have the same columns in each).
        var titles = mine.map { [$0.title.lowercased()] }
        for (i, t) in theirs.enumerated() where titles.indices.contains(i) && t.index == mine[i].index {
            titles[i].append(t.title.lowercased())
        }
        let w = word.lowercased()
        if let i = titles.firstIndex(where: { $0.contains(w) }) { return .success(mine[i].index) }
        let starting = titles.indices.filter { i in titles[i].contains { $0.hasPrefix(w) } }
        if starting.count == 1 { return .success(mine[starting[0]].index) }
        return .failure(starting.isEmpty ? .none : .ambiguous(starting.map { mine[$0].title }))
    }
}

/// Why `:sort WORD` found no column: none has it, or it starts several (their titles).
enum SortColumnMiss: Error, Equatable {
    case none
    case ambiguous([String])
}

/// The list shown sorted by `column` (nil: the data's order), the selection back at the top,
/// and the status line saying so.
func sorted(_ state: AppState, column: Int?, descending: Bool) -> AppState {
    var s = state
    if let refused = sortRefused(s) { return refused }
    guard let content = s.listContent(s.screen.kind) else {
        s.say(Catalogue.nothingToSortOnThis)
        return s
    }
    var sc = s.screen
    sc.sortColumn = column.flatMap { content.columns.indices.contains($0) ? $0 : nil }
    sc.sortDescending = descending
    sc.scroll = 0
    s.screen = clamped(s.selecting(sc, row: 0), in: s)
    if let c = sc.sortColumn {
        s.message =
            s.tr(Catalogue.sortedBy("\(content.columns[c].title)"))
            + (descending ? s.tr(Catalogue.descending) : s.tr(Catalogue.ascending))
    } else {
        s.say(Catalogue.dataOrder)
    }
    return s
}

/// `state` saying why it does not sort, for a screen that is a list but never sorts (the
/// overview: `Screen.Kind.sorts`); nil where sorting goes on.
func sortRefused(_ state: AppState) -> AppState? {
    guard state.screen.kind == .overview else { return nil }
    var s = state
    s.session.sortChooser = nil
    s.say(Catalogue.overviewDoesNotSort)
    return s
}

/// Opens the sort chooser (`>` `<`) on a list.
func openSortChooser(_ state: AppState, descending: Bool) -> AppState {
    var s = state
    if let refused = sortRefused(s) { return refused }
    guard s.listContent(s.screen.kind) != nil else {
        s.say(Catalogue.nothingToSortOnThis)
        return s
    }
    s.session.sortChooser = SortChooser(descending: descending)
    return s
}

/// A key typed while the sort chooser is open: a column's key sorts by it, `0` the data's
/// order, `>` `<` change the direction, Esc closes it; any other key closes it and says so.
func sortChooserKey(_ state: AppState, _ key: Key) -> AppState {
    var s = state
    guard let chooser = s.session.sortChooser else { return s }
    switch key {
    case .resize:
        return s
    case .char(">"), .char("<"):
        s.session.sortChooser = SortChooser(descending: key == .char(">"))
        return s
    case .escape:
        s.session.sortChooser = nil
        return s
    case .char("0"):
        s.session.sortChooser = nil
        return sorted(s, column: nil, descending: false)
    case let .char(c):
        let columns = s.sortableColumns(s.screen.kind)
        s.session.sortChooser = nil
        guard let i = SortChooser.keys.firstIndex(of: Character(c.lowercased())), i < columns.count else {
            s.message = s.tr(Catalogue.noColumn("\(c)")) + " — " + s.numberedColumns(s.screen.kind)
            return s
        }
        return sorted(s, column: columns[i].index, descending: chooser.descending)
    default:
        s.session.sortChooser = nil
        return s
    }
}

extension Renderer {
    /// The most lines the sort chooser takes (its last on the legend's line, the others over
    /// the body's last rows, as a long message).
    static let sortChooserMostLines = 3

    /// The sort chooser's lines, the last drawn on the legend's line: the direction, every
    /// sortable column with its key, `0` for the data's order and Esc. One line where a form
    /// fits (with `0` and Esc, else without, else compact `▼ 1小镇 2县市区 …`: the hint line names
    /// `0` and Esc), else the columns wrap onto the lines above
    /// (spaced, then compact `1小镇 2县市区`), a column's key never parted from its title: every
    /// column's key shows (at 80 columns the towns view's `c` Δ完成率 and `d` 名次 too).
    static func sortChooserLines(_ state: AppState, _ chooser: SortChooser) -> [String] {
        let arrow = SortMark.of(descending: chooser.descending)
        let kind = state.screen.kind
        let room = max(1, state.width - 2)
        let head = state.tr(Catalogue.sortChooser(arrow))
        let end = state.tr(Catalogue.sortChooserEnd)
        let oneLine = [head + state.numberedColumns(kind) + "  " + end, head + state.numberedColumns(kind),
                       arrow + " " + state.numberedColumns(kind, compact: true)]
        if let line = oneLine.first(where: { DisplayWidth.of($0) <= room }) { return [line] }
        let columns = state.sortableColumns(kind).enumerated().map { ($0.offset, $0.element.title) }
        func entries(compact: Bool) -> [String] {
            columns.map { "\(SortChooser.keys[$0.0])\(compact ? "" : " ")\($0.1)" }
        }
        let forms = [(head, entries(compact: false) + [end], "  "), (head, entries(compact: false), "  "),
                     (arrow + " ", entries(compact: true) + [end], " "), (arrow + " ", entries(compact: true), " ")]
        var last: [String] = []
        for (first, items, separator) in forms {
            last = packed(first, items, separator: separator, width: room)
            if last.count <= sortChooserMostLines { return last }
        }
        return Array(last.prefix(sortChooserMostLines))
    }

    /// `items` after `first`, as many to a line as `width` takes, parted by `separator`; an
    /// item is never split (one wider than the line is put alone on its own).
    static func packed(_ first: String, _ items: [String], separator: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = first
        var holdsItem = false  // whether `line` holds an item yet (the first always goes on)
        for item in items {
            let candidate = line + (holdsItem ? separator : "") + item
            if !holdsItem || DisplayWidth.of(candidate) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = item
            }
            holdsItem = true
        }
        lines.append(line)
        return lines
    }
}

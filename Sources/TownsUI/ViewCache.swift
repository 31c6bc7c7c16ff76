import Foundation
import TownsCore

/// What the views work out from a state's dataset, kept between keys and frames: the rows
/// of the lists shown recently (per view, period and glyphs) with their column widths, town
/// pages, the consistency findings, and which towns each entity operates.
///
/// Every `AppState` made by `update` from another shares its cache (the dataset is fixed for
/// a state's life, so what is cached stays right); a key that only moves the selection then
/// redraws the visible rows without rebuilding the list. Lists and pages are kept for the
/// last few views only (`capacity`), so memory stays bounded at province scale.
final class ViewCache: @unchecked Sendable {
    struct ListKey: Hashable {
        var kind: Screen.Kind
        var period: Int
        var glyphs: Glyphs
        var filter: TownFilter
        var language: Language
        var sortColumn: Int? = nil
        var sortDescending = false
    }

    struct DetailKey: Hashable {
        var town: String
        var width: Int
        var period: Int
        var glyphs: Glyphs
        var language: Language
    }

    /// A list's content, and its columns' natural widths once a frame has needed them.
    final class List {
        let content: ListContent
        var naturalWidths: [Int]?
        init(_ content: ListContent) { self.content = content }
    }

    /// Lists and town pages kept, each (most recently used last).
    static let capacity = 6
    private let lock = NSLock()
    private var lists = Recent<ListKey, List>(capacity: ViewCache.capacity)
    private var details = Recent<DetailKey, [DetailLine]>(capacity: ViewCache.capacity)
    private var findings: [Finding]?
    private var townsByEntity: [String: [Town]]?
    private var townIndex: [String: Int]?

    /// The cached list for `key`, made with `make` when absent.
    func list(_ key: ListKey, make: () -> ListContent?) -> List? {
        if let hit = withLock({ lists.get(key) }) { return hit }
        guard let content = make() else { return nil }
        let list = List(content)
        withLock { lists.put(key, list) }
        return list
    }

    /// The natural widths of `list`'s columns over all its rows and summary (what a table
    /// layout starts from), computed once.
    func naturalWidths(_ list: List) -> [Int] {
        if let known = withLock({ list.naturalWidths }) { return known }
        let widths = TableLayout.naturalWidths(columns: list.content.columns, rows: [list.content.rows, list.content.summary])
        withLock { list.naturalWidths = widths }
        return widths
    }

    func detail(_ key: DetailKey, make: () -> [DetailLine]) -> [DetailLine] {
        if let hit = withLock({ details.get(key) }) { return hit }
        let lines = make()
        withLock { details.put(key, lines) }
        return lines
    }

    func findings(_ make: () -> [Finding]) -> [Finding] {
        if let known = withLock({ findings }) { return known }
        let all = make()
        withLock { findings = all }
        return all
    }

    /// The towns each entity operates, in file order (`Dataset.towns(operatedBy:)` for every
    /// entity at once).
    func townsByEntity(_ dataset: Dataset) -> [String: [Town]] {
        if let known = withLock({ townsByEntity }) { return known }
        var index: [String: [Town]] = [:]
        for town in dataset.towns {
            for id in Set(town.entityIDs) { index[id, default: []].append(town) }
        }
        withLock { townsByEntity = index }
        return index
    }

    /// The position of each town in `dataset.towns`, by id (the first, should ids repeat).
    func townIndex(_ dataset: Dataset) -> [String: Int] {
        if let known = withLock({ townIndex }) { return known }
        var index: [String: Int] = [:]
        for (i, town) in dataset.towns.enumerated() where index[town.id] == nil { index[town.id] = i }
        withLock { townIndex = index }
        return index
    }

    private func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

import Foundation

/// The body rows of a list, each made when first read and then kept: a list of 10,000 towns
/// formats only the rows a frame shows (and those a sort, search or export reads), not every
/// row on every period switch.
///
/// Shape: `count` rows, indices `0..<count`; `rows[i]` is the row at position `i` in the
/// list's order. Made either from an array (`init(_:)`) or from a function of the row's
/// position in the unsorted list (`init(count:make:)`); a sorted list is the same rows
/// `reordered` (positions mapped through the sort's order), so rows already made are reused.
/// Safe to read from several threads (a lock guards the rows made so far).
public struct Rows: RandomAccessCollection, Sendable {
    /// `@unchecked Sendable`: `given` and `made` are read and written only under `lock`.
    final class Storage: @unchecked Sendable {
        let make: @Sendable (Int) -> TableRow
        let count: Int
        /// Rows given in full, or (made when read) only the rows made so far: a list of
        /// 10,000 rows of which a frame shows 30 keeps 30 and its width sample.
        private var given: [TableRow]?
        private var made: [Int: TableRow] = [:]
        private let lock = NSLock()

        init(count: Int, make: @escaping @Sendable (Int) -> TableRow) {
            self.make = make
            self.count = count
        }

        init(_ rows: [TableRow]) {
            make = { _ in TableRow([]) }
            count = rows.count
            given = rows
        }

        func row(_ i: Int) -> TableRow {
            if let given { return given[i] }
            lock.lock()
            if let row = made[i] { lock.unlock(); return row }
            lock.unlock()
            let row = make(i)
            lock.lock()
            made[i] = row
            lock.unlock()
            return row
        }

        /// Makes the rows not made yet, on every core.
        func makeAll() {
            guard given == nil else { return }
            lock.lock()
            let missing = (0..<count).filter { made[$0] == nil }
            lock.unlock()
            guard !missing.isEmpty else { return }
            let (positions, rows) = concurrentMap(missing) { i in (i, make(i)) }
            lock.lock()
            for (i, row) in zip(positions, rows) { made[i] = row }
            lock.unlock()
        }
    }

    let storage: Storage
    /// Positions in `storage` of the rows, in this list's order; nil: storage order.
    let order: [Int]?

    /// Rows given in full.
    public init(_ rows: [TableRow] = []) {
        storage = Storage(rows)
        order = nil
    }

    /// `count` rows, row `i` made by `make(i)` when first read. `make` must depend on `i`
    /// only (it may run on any thread, at most once per row).
    public init(count: Int, make: @escaping @Sendable (Int) -> TableRow) {
        storage = Storage(count: count, make: make)
        order = nil
    }

    private init(storage: Storage, order: [Int]?) {
        self.storage = storage
        self.order = order
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order?.count ?? storage.count }
    public subscript(position: Int) -> TableRow { storage.row(order?[position] ?? position) }

    /// The row at `position` of the unsorted list (whatever this list's order).
    func unsortedRow(_ position: Int) -> TableRow { storage.row(position) }

    /// The position in the unsorted list of the row at `position` here.
    public func source(_ position: Int) -> Int { order?[position] ?? position }

    /// These rows in another order: `order[i]` is the position here of the new row `i`.
    public func reordered(_ order: [Int]) -> Rows {
        Rows(storage: storage, order: order.map(source))
    }

    /// Every row, made on every core first when rows are missing (an export, a report).
    public var all: [TableRow] {
        storage.makeAll()
        return Array(self)
    }
}

/// What Enter opens on each row of a list (same count and order as its `Rows`), worked out
/// when asked: `targets[i]` is the target of the row at position `i`; nil where the row opens
/// nothing.
public struct Targets: RandomAccessCollection, Sendable {
    private let total: Int
    private let make: @Sendable (Int) -> Screen.Kind?
    /// Positions in the unsorted list, in this list's order; nil: unsorted.
    private let order: [Int]?

    /// Targets given in full.
    public init(_ targets: [Screen.Kind?] = []) {
        self.init(count: targets.count) { targets[$0] }
    }

    /// `count` targets, target `i` (of the row at position `i` of the unsorted list) given by
    /// `make(i)`.
    public init(count: Int, make: @escaping @Sendable (Int) -> Screen.Kind?) {
        total = count
        self.make = make
        order = nil
    }

    private init(total: Int, make: @escaping @Sendable (Int) -> Screen.Kind?, order: [Int]?) {
        self.total = total
        self.make = make
        self.order = order
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order?.count ?? total }
    public subscript(position: Int) -> Screen.Kind? { make(order?[position] ?? position) }

    /// These targets in another order: `order[i]` is the position here of the new target `i`.
    public func reordered(_ order: [Int]) -> Targets {
        Targets(total: total, make: make, order: order.map { self.order?[$0] ?? $0 })
    }
}

extension RandomAccessCollection {
    /// The index of the first element for which `belongs` holds, the elements being
    /// partitioned (all that fail it first); `endIndex` when none holds. Binary search.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) { count = half } else { low = index(after: middle); count -= half + 1 }
        }
        return low
    }
}

import Foundation

/// A town's figures by measure and period (`FigureKey`), as `Town.figures` holds them.
///
/// Held in memory (the loader's, a test's), or read from a snapshot's figure area when asked
/// (`FigureArea`: one period of one town is a few bytes found through an offset table, so a
/// dashboard showing one period of 10,000 towns decodes that period's figures, not all 60
/// periods'). Both forms answer alike: `Figures` compares, hashes and reflects as the
/// dictionary of every figure (`all`). Writing a figure turns a mapped set into a held one.
public struct Figures: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomReflectable {
    enum Storage: Sendable {
        case held([FigureKey: Figure])
        case mapped(FigureArea, town: Int)
    }

    private(set) var storage: Storage

    /// The figures of a dictionary.
    public init(_ figures: [FigureKey: Figure] = [:]) { storage = .held(figures) }

    public init(dictionaryLiteral elements: (FigureKey, Figure)...) {
        storage = .held(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The figures of the town at `town` (its position in the snapshot's towns) in `area`.
    init(area: FigureArea, town: Int) { storage = .mapped(area, town: town) }

    /// The figure for `key`, or nil when the data has none (unknown).
    public subscript(key: FigureKey) -> Figure? {
        get {
            switch storage {
            case let .held(figures): return figures[key]
            case let .mapped(area, town): return area.figure(town: town, key)
            }
        }
        set {
            var figures: [FigureKey: Figure]
            switch storage {
            case let .held(held): figures = held
            case let .mapped(area, town): figures = area.figures(town: town)
            }
            storage = .held([:])  // so that `figures` is the only reference: changed in place
            figures[key] = newValue
            storage = .held(figures)
        }
    }

    /// Every figure, by key (a mapped set decodes every period's).
    public var all: [FigureKey: Figure] {
        switch storage {
        case let .held(figures): return figures
        case let .mapped(area, town): return area.figures(town: town)
        }
    }

    public var keys: Dictionary<FigureKey, Figure>.Keys { all.keys }
    public var values: Dictionary<FigureKey, Figure>.Values { all.values }
    public var count: Int { all.count }
    public var isEmpty: Bool {
        switch storage {
        case let .held(figures): return figures.isEmpty
        case let .mapped(area, town): return area.periods(town: town).isEmpty
        }
    }

    /// The periods with at least one figure: period ids, years ("2015", a year's plan) and nil
    /// (figures of no period), each once, in no fixed order. A mapped set answers from its
    /// offsets alone, without decoding a figure.
    public var periods: [String?] {
        switch storage {
        case let .held(figures): return Array(Set(figures.keys.map(\.period)))
        case let .mapped(area, town): return area.periods(town: town)
        }
    }

    public func makeIterator() -> Dictionary<FigureKey, Figure>.Iterator { all.makeIterator() }

    /// The figures for which `isIncluded` holds, as a dictionary (as `Dictionary.filter`).
    public func filter(_ isIncluded: ((key: FigureKey, value: Figure)) throws -> Bool) rethrows
        -> [FigureKey: Figure]
    {
        try all.filter(isIncluded)
    }

    /// Each figure transformed, by key (as `Dictionary.mapValues`).
    public func mapValues<T>(_ transform: (Figure) throws -> T) rethrows -> [FigureKey: T] {
        try all.mapValues(transform)
    }

    /// Whether these figures are read from a snapshot's figure area (not held in a dictionary).
    var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    /// The identity of held figures' dictionary storage, or nil for mapped figures. Two values
    /// with the same identity hold the same figures: a dictionary's storage is never changed
    /// while another value shares it (copy on write). Used while the storage is kept alive by
    /// the caller (`YearPlanMemo` by its metrics' dataset), so an identity is never reused.
    var heldIdentity: ObjectIdentifier? {
        guard case let .held(figures) = storage,
              MemoryLayout<[FigureKey: Figure]>.size == MemoryLayout<AnyObject>.size else { return nil }
        // A native dictionary is one reference to its storage (no bridging on Linux).
        return ObjectIdentifier(unsafeBitCast(figures, to: AnyObject.self))
    }

    /// The snapshot's figure area these figures are read from, if any (tests).
    var snapshotArea: FigureArea? {
        if case let .mapped(area, _) = storage { return area }
        return nil
    }

    /// Whether both are the same town's figures in the same figure area (the same figures,
    /// told without reading one); false for figures held in a dictionary.
    func sharesStorage(with other: Figures) -> Bool {
        if case let .mapped(x, i) = storage, case let .mapped(y, j) = other.storage { return x === y && i == j }
        return false
    }

    public static func == (a: Figures, b: Figures) -> Bool {
        if case let .mapped(x, i) = a.storage, case let .mapped(y, j) = b.storage, x === y, i == j { return true }
        return a.all == b.all
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(all) }

    /// Reflected as the dictionary of every figure, whichever the storage.
    public var customMirror: Mirror {
        Mirror(self, unlabeledChildren: Array(all), displayStyle: .dictionary)
    }
}

extension Dataset {
    /// For each period id (a year, for figures of a year such as its plan; "" for figures of no
    /// period), the positions in `towns` of the towns with a figure of it, ascending. Towns read
    /// from one snapshot are indexed from its offsets alone, without a figure decoded or a
    /// period's name hashed per town.
    public func townsWithFigures() -> [String: [Int]] {
        if let area = sharedArea() { return area.townsBySlot() }
        var index: [String: [Int]] = [:]
        for (i, town) in towns.enumerated() {
            for period in town.figures.periods where index[period ?? ""]?.last != i {
                index[period ?? "", default: []].append(i)
            }
        }
        return index
    }

    /// The figure area every town's figures are read from, each at its own position, if any.
    private func sharedArea() -> FigureArea? {
        guard case let .mapped(area, _)? = towns.first?.figures.storage, area.townCount == towns.count else {
            return nil
        }
        for (i, town) in towns.enumerated() {
            guard case let .mapped(other, position) = town.figures.storage, other === area, position == i else {
                return nil
            }
        }
        return area
    }
}


import Foundation
import TownsCore

/// How a cell sorts: by number, by text (Chinese by its pinyin), new since the previous
/// period (`✦`: no change to compare; after every figure, before the unknowns, both ways), or
/// unknown (always last).
public enum SortKey: Sendable {
    case number(Double)
    case text(String)
    /// `✦`: a figure new since the previous period (a Δ): nothing to compare, so it sorts with
    /// the unknowns, before them, both directions (a place given for the first time, `3 ✦`, is a number).
    case new
    case unknown

    /// The key of a cell as shown: markers (≈ > ! ▼ % + ✓) stripped and the first number
    /// read; `—`, `-` alone, `?` and empty cells are unknown; other text sorts by pinyin.
    public static func of(_ cell: TableCell, index: SearchIndex) -> SortKey {
        switch cell {
        case let .bar(fraction, _, _):
            return fraction.map { .number($0) } ?? .unknown
        case let .text(cellText, _):
            // Marks sort as the Unicode set draws them, so the order is the same in every set.
            var trimmed = Substring(cellText.text(.unicode))
            while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
            while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
            let t = String(trimmed)
            if t.isEmpty || t == "—" || t == "-" || t == "?" || t.hasPrefix("—") || t.hasPrefix("?") { return .unknown }
            // A figure new since the previous period (✦) has no change to sort by; a place given for
            // the first time (`3 ✦`, `≈3 ✦` on a derived rate) is a place, and sorts by it (wave 23, F13).
            if t.contains("✦"), t.drop(while: { $0 == "≈" }).first?.isNumber != true { return .new }
            var number = ""
            var started = false
            for ch in t {
                if ch.isASCII && (ch.isNumber || ch == "." || (ch == "-" && !started)) {
                    number.append(ch)
                    started = true
                } else if started {
                    break
                } else if "≈>~+".contains(ch) {
                    continue
                } else {
                    break
                }
            }
            if started, let v = Double(number) { return .number(v) }
            return .text(index.forms(t).pinyin)
        }
    }
}

extension SortKey {
    /// The key of a figure's cell (`FigureText.value`/`percent`) without writing the cell:
    /// the value (exact values are shown with all their decimals), a bound's bound as shown
    /// (whole number, `>14`), unknown when there is no figure.
    public static func of(_ figure: ShownFigure?) -> SortKey {
        switch figure?.quantity {
        // As shown: to the digits the cell writes (a derived ≈15.0 sorts as 15.0, not 14.98).
        case let .exact(v, d)?: return .number(DecimalMath.double(DecimalMath.rounded(v, scale: d)))
        case let .moreThan(b)?: return .number(DecimalMath.double(DecimalMath.rounded(b, scale: 0)))
        case nil: return .unknown
        }
    }
}

/// Sorting rows by one column: stable, new (`✦`) then unknown values last in both directions.
public enum TableSort {
    /// The order of `rows` (indices) sorted by `column`.
    public static func order(_ rows: [TableRow], column: Int, descending: Bool, index: SearchIndex) -> [Int] {
        order(
            keys: rows.map { column < $0.cells.count ? SortKey.of($0.cells[column], index: index) : .unknown },
            descending: descending)
    }

    /// The order of `content`'s rows sorted by `column`: by `content.sortKey` where it gives
    /// a key (no row is made), else by the cell as shown. Keys are worked out on every core.
    public static func order(_ content: ListContent, column: Int, descending: Bool, index: SearchIndex) -> [Int] {
        let rows = content.rows
        if let stored = content.sortKeys?(column), stored.count == rows.count {
            return order(keys: rows.indices.map { stored[rows.source($0)] }, descending: descending)
        }
        let keys = concurrentMapped(Array(rows.indices), minimumPerSlice: 1024) { i -> SortKey in
            if let key = content.sortKey?(rows.source(i), column) { return key }
            let cells = rows[i].cells
            return column < cells.count ? SortKey.of(cells[column], index: index) : .unknown
        }
        return order(keys: keys, descending: descending)
    }

    /// Positions sorted by `keys`: stable, numbers before text ascending (texts first
    /// descending), then the new (`✦`) in the list's order, then the unknown (`—`) in the
    /// list's order, in both directions.
    static func order(keys: [SortKey], descending: Bool) -> [Int] {
        // Numbers, texts and unknowns sorted apart (ties by position, so the sort is
        // stable), then joined: ascending numbers before texts, descending texts before
        // numbers, unknowns last both ways.
        var numbers: [(Double, Int)] = [], texts: [(String, Int)] = [], new: [Int] = [], unknown: [Int] = []
        for (i, key) in keys.enumerated() {
            switch key {
            case let .number(x): numbers.append((x, i))
            case let .text(t): texts.append((t, i))
            case .new: new.append(i)
            case .unknown: unknown.append(i)
            }
        }
        if descending {
            numbers.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            texts.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            return texts.map(\.1) + numbers.map(\.1) + new + unknown
        }
        numbers.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        texts.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return numbers.map(\.1) + texts.map(\.1) + new + unknown
    }
}

import Foundation

/// How a cell sorts: by number, by text (Chinese by its pinyin), or unknown (always last).
public enum SortKey: Sendable {
    case number(Double)
    case text(String)
    case unknown

    /// The key of a cell as shown: markers (≈ > ! ▼ % + ✓) stripped and the first number
    /// read; `—`, `-` alone, `?` and empty cells are unknown; other text sorts by pinyin.
    public static func of(_ cell: TableCell, index: SearchIndex) -> SortKey {
        switch cell {
        case let .bar(fraction, _, _):
            return fraction.map { .number($0) } ?? .unknown
        case let .text(s, _):
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t == "—" || t == "-" || t == "?" || t.hasPrefix("—") || t.hasPrefix("?") { return .unknown }
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

/// Sorting rows by one column: stable, unknown values last in both directions.
public enum TableSort {
    /// The order of `rows` (indices) sorted by `column`.
    public static func order(_ rows: [TableRow], column: Int, descending: Bool, index: SearchIndex) -> [Int] {
        let keys = rows.map { column < $0.cells.count ? SortKey.of($0.cells[column], index: index) : .unknown }
        return rows.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case (.unknown, .unknown): return a < b
            case (.unknown, _): return false
            case (_, .unknown): return true
            case let (.number(x), .number(y)):
                if x == y { return a < b }
                return descending ? x > y : x < y
            case let (.text(x), .text(y)):
                if x == y { return a < b }
                return descending ? x > y : x < y
            case (.number, .text): return descending ? false : true
            case (.text, .number): return descending ? true : false
            }
        }
    }
}

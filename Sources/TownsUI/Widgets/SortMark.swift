/// The mark after the title of the column a list is sorted by: `↓` largest first, `↑` smallest
/// first. Arrows, not triangles: `▼` is the behind-schedule mark and `▲`/`▽` a rank's move, so a
/// header `ΔDone▼` read as a verdict. `--ascii` writes them `>` and `<`, as the keys that choose
/// them (`Grid.foldPunctuationToASCII`; `v` would be the behind mark there).
enum SortMark {
    static let descending = "↓"
    static let ascending = "↑"

    /// The mark for a direction.
    static func of(descending: Bool) -> String { descending ? Self.descending : ascending }

    /// Whether a column title ends with a sort mark.
    static func ends(_ title: String) -> Bool { title.hasSuffix(descending) || title.hasSuffix(ascending) }

    /// `title` without its sort mark.
    static func removed(from title: String) -> String { ends(title) ? String(title.dropLast()) : title }
}

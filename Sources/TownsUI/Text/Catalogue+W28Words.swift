/// Texts of wave 28's command-line findings.
extension Catalogue {
    /// `towns report`'s text wider than `--width` (`width`): `widest`, the display width of its
    /// widest printed line; `least`, the width a table is never laid out narrower than.
    public static func reportWiderThanWidth(_ widest: Int, _ width: Int, _ least: Int) -> Bilingual {
        Bilingual("最宽的一行有 \(widest) 列，超过 --width \(width)（至少 \(least) 列；数字、名称和标题行不截断）",
                  "the widest line is \(widest) columns wide, more than --width \(width) (\(least) at least; numbers, "
                      + "names and the heading are never cut)")
    }
}

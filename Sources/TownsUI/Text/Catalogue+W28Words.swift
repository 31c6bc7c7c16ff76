/// Texts of wave 28's command-line findings.
extension Catalogue {
    /// `towns report`'s text wider than `--width` (`width`: below the least, since wave 31, when names are cut
    /// and the heading wrapped to fit): `widest`, the display width of its
    /// widest printed line; `least`, the width a table is never laid out narrower than.
    public static func reportWiderThanWidth(_ widest: Int, _ width: Int, _ least: Int) -> Bilingual {
        Bilingual("最宽的一行有 \(widest) 列，超过 --width \(width)（表格至少 \(least) 列；数字不截断）",
                  "the widest line is \(widest) columns wide, more than --width \(width) (a table is "
                      + "\(least) at least; numbers are never cut)")
    }
}

import TownsCore

/// The catalogue's texts for wave 25's words: the units an export's column titles carry.
extension Catalogue {
    /// The unit of a schedule variance or of a change of rate in a column's title: percentage points.
    static let pointsUnit = Bilingual("百分点", "points")
    /// The overview's figures column's units in an export's title: its amounts and its variances.
    static func overviewFiguresUnits(_ amount: Bilingual) -> Bilingual {
        Bilingual("金额：\(amount.zh)，进度差与完成率变化：百分点",
                  "amounts in \(amount.en); variances and changes of rate in points")
    }
}

extension AppState {
    /// A column's title with the unit of its figures, as an export writes it where the cells do
    /// not (`ListContent.exportTitles`): `年计划（亿元）`, `Year plan (100M yuan)`, `进度差（百分点）`, as
    /// the statistics office's sheets head theirs and `towns import` demands of its input (wave 24's
    /// fresh user, F10: a CSV forwarded alone read 13.56 with no unit).
    func titleWithUnit(_ title: String, _ unit: Bilingual) -> String {
        language == .zh ? "\(title)（\(unit.zh)）" : "\(title) (\(unit.en))"
    }

    /// The export titles of `columns` (by index): those in `amounts` with the dataset's unit (亿元),
    /// those in `points` with percentage points; the others as shown.
    func exportTitles(_ columns: [Column], amounts: [Int], points: [Int] = []) -> [Int: String] {
        var out: [Int: String] = [:]
        for i in amounts where columns.indices.contains(i) {
            out[i] = titleWithUnit(columns[i].title, Catalogue.amountUnit(dataset.unit))
        }
        for i in points where columns.indices.contains(i) { out[i] = titleWithUnit(columns[i].title, Catalogue.pointsUnit) }
        return out
    }
}

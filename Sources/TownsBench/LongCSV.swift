import Foundation
import TownsCore

/// Every figure of every period of every town as one long CSV table (RFC 4180): one row a
/// figure as the data files hold it (town, measure, period, value, decimals, source), so that
/// VisiData opens what `towns` loads, not only the one period the towns view shows
/// (`towns bench` prints the ratio against both tables).
public enum LongCSV {
    /// The table's text; rows in town order, then measure and period.
    public static func text(_ dataset: Dataset) -> String {
        var out = "town_id,name_zh,measure,period,value,decimals,provenance\n"
        out.reserveCapacity(dataset.towns.reduce(0) { $0 + $1.figures.count } * 60)
        for town in dataset.towns {
            let keys = town.figures.keys.sorted {
                ($0.measure.rawValue, $0.period ?? "") < ($1.measure.rawValue, $1.period ?? "")
            }
            for key in keys {
                let figure = town.figures[key]!
                let value: String, decimals: String
                switch figure.quantity {
                case let .exact(v, d): value = DecimalMath.text(v, scale: d); decimals = String(d)
                case let .moreThan(b): value = ">" + DecimalMath.text(b, scale: 0); decimals = ""
                }
                let provenance: String
                switch figure.provenance {
                case let .reported(source, _, _, _): provenance = source
                case .derived: provenance = "derived"
                case .interpreted: provenance = "interpreted"
                }
                let cells = [town.id, town.nameZH, key.measure.rawValue, key.period ?? "", value, decimals, provenance]
                out += cells.map(TownsCSV.field).joined(separator: ",") + "\n"
            }
        }
        return out
    }
}

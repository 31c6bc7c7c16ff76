import Foundation
import TownsCore

/// The towns table of one period as CSV (RFC 4180): what the towns view shows, one row per
/// town, for opening the same towns in another tool (`towns bench` times VisiData on it).
/// Unknown figures are empty cells; derived ones are plain numbers; lower bounds keep `>`.
public enum TownsCSV {
    public static func text(_ dataset: Dataset, period: Period?) -> String {
        let metrics = Metrics(dataset: dataset)
        let p = period?.id ?? ""
        let year = period.map { String($0.year) } ?? ""
        var out = "id,name_zh,name_en,county,type,industry,plan_year,completed,completion_rate,"
            + "projects_started,projects_planned,start_rate\n"
        out.reserveCapacity(dataset.townCount * 120)
        func value(_ f: Figure?) -> String {
            switch f?.quantity {
            case let .exact(v, d)?: return DecimalMath.text(v, scale: f!.isDerived ? 2 : d)
            case let .moreThan(b)?: return ">" + DecimalMath.text(b, scale: 0)
            case nil: return ""
            }
        }
        for town in dataset.towns {
            let cells = [
                town.id, town.nameZH, town.nameEN, town.countyZH, String(town.type), town.industry ?? "",
                value(metrics.figure(town, FigureKey(.planYear, year))),
                value(metrics.figure(town, FigureKey(.completed, p))),
                value(metrics.figure(town, FigureKey(.completionRate, p))),
                value(metrics.figure(town, FigureKey(.projectsStarted, p))),
                value(metrics.figure(town, FigureKey(.projectsPlanned))),
                value(metrics.figure(town, FigureKey(.startRate, p))),
            ]
            out += cells.map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

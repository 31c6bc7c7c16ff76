import Foundation
import TOMLKit

extension GuardedTOML {
    /// The (town id, measure) of every `[[figure]]` of the monthly file at `path` (a month's
    /// import, `monthly/YYYY-MM.toml`), in file order; nil when the file cannot be read or parsed
    /// (the caller then says nothing of it). Used by `towns import` to name the figures of an
    /// earlier import of the month that a new sheet no longer gives (wave 24, fresh user F11).
    public static func figureKeys(inMonthlyFile path: String) -> [(town: String, measure: String)]? {
        guard let text = try? readSmallFile(path, maximumBytes: 64 << 20),
              let table = try? parse(text, file: path) else { return nil }
        guard let figures = table["figure"]?.array else { return [] }
        return figures.compactMap { value in
            guard let figure = value.table, let town = figure["town"]?.string,
                  let measure = figure["measure"]?.string else { return nil }
            return (town, measure)
        }
    }
}

import Foundation
import TownsCore

/// Wave 12 (w12-words): words of a fresh user's findings on languages and search.
extension Catalogue {
    /// A command line's `--period` the data lacks; `ids`: the data's periods, space-separated.
    public static func notAPeriodOption(_ id: String, _ ids: String) -> Bilingual {
        Bilingual("--period \(id)：数据中没有这一期（\(ids)）",
                  "--period \(id): not a period of the data (\(ids))")
    }
}

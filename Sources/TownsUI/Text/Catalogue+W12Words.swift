import Foundation
import TownsCore

/// Wave 12 (w12-words): words of a fresh user's findings on languages and search.
extension Catalogue {
    /// A command line's `--period` the data lacks; `ids`: the data's periods, space-separated.
    public static func notAPeriodOption(_ id: String, _ ids: String) -> Bilingual {
        Bilingual("--period \(id)：数据中没有这一期（\(ids)）",
                  "--period \(id): not a period of the data (\(ids))")
    }

    /// `t` on a terminal with one theme only (no colour, or one theme file): named, in one language.
    static func onlyTheme(_ name: String) -> Bilingual {
        Bilingual("主题：只有 \(name)（此终端无颜色，或只有一个主题）",
                  "theme: only \(name) (no colour on this terminal, or one theme)")
    }
}

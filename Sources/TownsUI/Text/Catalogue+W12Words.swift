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

    /// `--resume` without a saved session; `path`: where one is saved on quit.
    public static func noSavedSession(_ path: String) -> Bilingual {
        Bilingual("--resume：还没有保存的会话（退出时保存于 \(path)）",
                  "--resume: no saved session yet (one is saved on quit: \(path))")
    }
    /// `--resume` with a session file that does not read.
    public static func savedSessionUnreadable(_ path: String) -> Bilingual {
        Bilingual("--resume：保存的会话读不出，未用（\(path)，退出时替换）",
                  "--resume: the saved session does not read; ignored (\(path), replaced on quit)")
    }
    /// `--resume` with another data folder's session; `data`: that folder.
    public static func savedSessionOfOtherData(_ data: String) -> Bilingual {
        Bilingual("--resume：保存的会话属于另一份数据（\(data)），未用",
                  "--resume: the saved session is of other data (\(data)); ignored")
    }

    /// `L` or `:lang zh` under a locale that is not UTF-8 (LANG=C): refused, saying why, naming
    /// `variable`, the one that chose the locale (LC_ALL overrides LANG: wave 23, F20).
    static func chineseNeedsUTF8(_ variable: String) -> Bilingual {
        Bilingual(
            "此终端的区域设置不是 UTF-8，中文会显示为 ??：请设 \(variable)=C.UTF-8 后重新打开",
            "Chinese needs a UTF-8 locale (this one is not: it would show as ??): set \(variable)=C.UTF-8 and reopen")
    }

    /// `:town QUERY` matching only a town of the province's lists that has no figures in this
    /// data: its city's list is opened on it, and this says so.
    static func townOnTheListOnly(_ query: String, name: String, city: String) -> Bilingual {
        Bilingual("「\(query)」：\(name) 在全省名单上，本数据没有它的数字；打开 \(city) 的名单",
                  "\"\(query)\": \(name) is on the province's list, with no figures in this data; "
                    + "\(city)'s list opened")
    }
}

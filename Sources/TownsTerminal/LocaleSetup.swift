import CNcursesw
import Glibc

extension Terminal {
    /// Chooses the locale for the whole process; call it first thing, before `open`.
    ///
    /// Runs `setlocale(LC_ALL, "")`. If the resulting encoding (`nl_langinfo(CODESET)`) is not
    /// UTF-8 but the environment asked for UTF-8 (the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is
    /// set contains "UTF-8" or "utf8", e.g. `zh_CN.UTF-8` when that locale is not installed),
    /// falls back to `setlocale(LC_CTYPE, "C.UTF-8")`.
    /// - Throws: `TerminalError.localeNotUTF8` if the encoding is still not UTF-8 (e.g. `LANG=C`).
    public static func prepareLocale() throws {
        setlocale(LC_ALL, "")
        if localeIsUTF8 { return }
        let (variable, value) = localeSetting
        if let value, isUTF8Name(value) {
            setlocale(LC_CTYPE, "C.UTF-8")
            if localeIsUTF8 { return }
        }
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "unknown"
        throw TerminalError.localeNotUTF8(current: current, variable: variable, value: value)
    }

    /// After `prepareLocale` failed (or instead of it): nil when the locale is UTF-8, else
    /// the notice for a dashboard opened in ASCII and English under it, naming the variable
    /// and its value, the encoding (GB18030 by name), and what to set for Chinese.
    public static func nonUTF8Notice() -> String? {
        if localeIsUTF8 { return nil }
        if (try? prepareLocale()) != nil { return nil }
        let (variable, value) = localeSetting
        let codeset = towns_codeset().map { String(cString: $0) } ?? "unknown"
        return nonUTF8Notice(variable: variable, value: value, codeset: codeset)
    }

    /// The cells the status line holds at 80 columns: the notice fits them where it can.
    public static let noticeWidth = 78

    /// The notice's words for `variable` set to `value` (nil: unset) and the C library's
    /// `codeset`, in ASCII: the first form within `noticeWidth` (80 columns: under LANG=C its
    /// advice was cut, wave 28's fresh user): with the encoding where it says more than the
    /// setting (not the C locale's ASCII, `ANSI_X3.4-1968`; a GB18030 locale by that name), then
    /// without it, then advising `C.UTF-8` (shorter; `zh_CN.UTF-8` falls back to it where not
    /// installed, `prepareLocale`), then `ASCII, English`; else that last form.
    public static func nonUTF8Notice(variable: String, value: String?, codeset: String) -> String {
        let setting = value.map { "\(variable)=\($0)" } ?? "\(variable) unset"
        // A GB18030 locale is named as such, installed (codeset GB18030) or not (the C codeset).
        let encoding = (codeset + " " + (value ?? "")).uppercased().contains("GB18030") ? "GB18030" : codeset
        let named = ["ANSI_X3.4-1968", "ASCII", "US-ASCII"].contains(encoding.uppercased())
            || (value ?? "").uppercased().contains(encoding.uppercased())
            ? nil : encoding
        // The advice first (wave 34): the status line at 80 columns keeps it when a pointer to more
        // notices follows and the rest is cut (`(whole in :messages)`).
        func notice(_ encoding: String?, _ locale: String, _ shown: String = "ASCII and English") -> String {
            "for Chinese set \(variable)=\(locale) (\(setting)\(encoding.map { " (\($0))" } ?? "") is not UTF-8: "
                + "\(shown))"
        }
        let forms = (named.map { [notice($0, "zh_CN.UTF-8")] } ?? [])
            + [notice(nil, "zh_CN.UTF-8"), notice(nil, "C.UTF-8"), notice(nil, "C.UTF-8", "ASCII, English")]
        return forms.first { $0.count <= noticeWidth } ?? forms[forms.count - 1]
    }

    /// Whether the environment's locale is UTF-8 as the dashboard takes it (`prepareLocale` would
    /// succeed: LANG=C.UTF-8 yes, LANG=C, POSIX or zh_CN.GB18030 no), leaving the process's locale
    /// as it was. `towns check` and `towns report` choose their default language by it.
    public static var environmentIsUTF8: Bool {
        let saved = setlocale(LC_ALL, nil).map { String(cString: $0) }
        defer { if let saved { setlocale(LC_ALL, saved) } }
        return (try? prepareLocale()) != nil
    }

    /// True when the process's current character encoding is UTF-8.
    static var localeIsUTF8: Bool {
        guard let codeset = towns_codeset() else { return false }
        return isUTF8Name(String(cString: codeset))
    }

    /// The environment variable that chooses the character encoding (LC_ALL, LC_CTYPE or LANG, by
    /// POSIX precedence; LANG when none is set): what a message asking for a UTF-8 locale names.
    public static var localeVariable: String { localeSetting.variable }

    /// The environment variable that chooses the character encoding, by POSIX precedence, and
    /// its value: the first non-empty of LC_ALL, LC_CTYPE, LANG; ("LANG", nil) if none is set.
    private static var localeSetting: (variable: String, value: String?) {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(name), value.pointee != 0 { return (name, String(cString: value)) }
        }
        return ("LANG", nil)
    }

    /// Whether a locale or codeset name says UTF-8 ("UTF-8", "utf8", any case).
    static func isUTF8Name(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}

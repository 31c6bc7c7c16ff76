/// Why the terminal could not be set up. `description` is one line that says what to do.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    /// The locale's character encoding is not UTF-8, even after falling back to C.UTF-8.
    /// `current` is the locale in effect (e.g. "C"); `variable` the environment variable that
    /// chose it (the first set of LC_ALL, LC_CTYPE, LANG; "LANG" if none is) and `value` its
    /// value (nil if unset).
    case localeNotUTF8(current: String, variable: String, value: String?)
    /// Standard input or standard output is not a terminal (piped or redirected).
    case notATerminal
    /// The `TERM` environment variable is unset or empty.
    case termNotSet
    /// `TERM` names a terminal type this machine has no terminfo entry for.
    case unknownTerminal(term: String)
    /// The terminal type cannot move the cursor (no `cup` capability), e.g. `TERM=dumb`.
    case cannotAddressCursor(term: String)

    /// The refusal in the interface's language: `description` (English), or in Chinese when
    /// `chinese` (the dashboard's words language; the setting's names and values stay as typed).
    public func text(chinese: Bool) -> String {
        /// The words of the language asked for: one table, each refusal in both languages.
        func say(_ english: @autoclosure () -> String, _ zh: @autoclosure () -> String) -> String {
            chinese ? zh() : english()
        }
        switch self {
        case let .localeNotUTF8(current, variable, value):
            let setting =
                value.map { value in
                    Terminal.isUTF8Name(value)
                        ? say("\(variable)=\(value) is not installed", "未安装 \(variable)=\(value)")
                        : "\(variable)=\(value)"
                } ?? say("\(variable) is not set", "未设置 \(variable)")
            return say(
                "towns needs a UTF-8 locale, but the current one is \(current) (\(setting)): "
                    + "set \(variable)=C.UTF-8 (or another installed UTF-8 locale, see `locale -a`)",
                "towns 需要 UTF-8 语言环境，当前为 \(current)（\(setting)）："
                    + "请设置 \(variable)=C.UTF-8（或其他已安装的 UTF-8 语言环境，见 `locale -a`）")
        case .notATerminal:
            return say(
                "towns needs an interactive terminal, but standard input or output is "
                    + "redirected: run it directly in a terminal",
                "towns 需要交互式终端，但标准输入或输出被重定向：请直接在终端中运行")
        case .termNotSet:
            return say(
                "TERM is not set, so the terminal type is unknown: set it, e.g. TERM=xterm-256color",
                "未设置 TERM，终端类型未知：请设置，例如 TERM=xterm-256color")
        case let .unknownTerminal(term):
            return say(
                "no terminfo entry for TERM=\(term) on this machine: install one "
                    + "(e.g. the ncurses-term package) or run with TERM=xterm-256color",
                "本机没有 TERM=\(term) 的 terminfo 条目：请安装（例如 ncurses-term 软件包），"
                    + "或以 TERM=xterm-256color 运行")
        case let .cannotAddressCursor(term):
            return say(
                "TERM=\(term) cannot move the cursor, which towns needs: run it in a full-screen "
                    + "terminal or set TERM=xterm-256color",
                "TERM=\(term) 不能移动光标，而 towns 需要：请在全屏终端中运行，或设置 TERM=xterm-256color")
        }
    }

    /// The refusal in English (`text(chinese: false)`).
    public var description: String { text(chinese: false) }
}

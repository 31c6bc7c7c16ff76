import Foundation
import TownsTerminal
import TownsUI

// Everything the commands write to standard output and standard error goes through these
// two functions, which sanitise it (`TerminalText.sanitizeLines`): a control character or
// escape sequence in the data (a town's name, a note, a period label), in a config value or
// in a path never reaches the terminal, however the text was put together. Text that was
// sanitised already comes through unchanged.

/// Writes `text` and a newline (or `terminator`) to standard output, sanitised.
func printOut(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((TerminalText.sanitizeLines(text) + terminator).utf8))
}

/// Writes `text` and a newline to standard error, sanitised.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.sanitizeLines(text) + "\n").utf8))
}

/// Writes `text` and a newline to standard error, sanitised, each of its lines broken at words
/// to the terminal's width when standard error is a terminal (`atWords`): the data's errors
/// before the dashboard opens, `towns check`'s (wave 38's fresh user saw the terminal wrap them
/// mid-word). Into a pipe or a log, exactly as `printError`: one line each.
func printErrorAtWords(_ text: String) {
    printError(atWords(text, width: isatty(STDERR_FILENO) == 1 ? Terminal.columns(of: STDERR_FILENO) : nil))
}

/// `text`'s lines each broken at words (`TextWrap.wrapAtWords`: a Chinese character is two
/// cells, a word longer than the width is cut at it) into lines of at most `width` cells, those
/// after a line's first indented by two blanks (`TextWrap.wrapHanging`; not below 4 columns);
/// `text` as it is when `width` is nil (not a terminal) or not positive.
func atWords(_ text: String, width: Int?) -> String {
    guard let width, width > 0 else { return text }
    return text.components(separatedBy: "\n")
        .flatMap { $0.isEmpty ? [""] : TextWrap.wrapHanging($0, width: width, indent: 2) }
        .joined(separator: "\n")
}

/// A usage error's frame (`Error: `, `Usage: `, `See '…' for more information.`, as
/// ArgumentParser writes it) in Chinese when the error's own words are Chinese (a meeting name
/// refused, a period the data does not hold, in Chinese): `错误：…`, `用法：…`, `详见 '…'。`
/// (wave 21: `Error: 会议名称无效…`). An English message keeps the English frame.
func usageFrameInMessagesLanguage(_ message: String) -> String {
    var lines = message.components(separatedBy: "\n")
    guard let first = lines.first, first.hasPrefix("Error: "),
          first.dropFirst(7).unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) })
    else { return message }
    lines[0] = "错误：" + first.dropFirst(7)
    for i in lines.indices.dropFirst() {
        if lines[i].hasPrefix("Usage: ") { lines[i] = "用法：" + lines[i].dropFirst(7) }
        let see = lines[i].trimmingCharacters(in: .whitespaces)
        if see.hasPrefix("See '"), see.hasSuffix("' for more information.") {
            let command = see.dropFirst(4).dropLast(" for more information.".count)
            lines[i] = String(lines[i].prefix { $0 == " " }) + "详见 \(command)。"
        }
    }
    return lines.joined(separator: "\n")
}

/// ArgumentParser's own error line (after `Error: `) in Chinese, for a user whose words are
/// Chinese (`towns --x` printed `Error: Unknown option '--x'` under a Chinese interface, wave
/// 21's fresh user): the parser's fixed sentences, the names and values they quote kept as
/// typed. Nil for a line that is not one of them (it is then left as it is).
///
/// The sentences are those of swift-argument-parser 1.x's `ErrorMessageGenerator`.
func argumentParserLineInChinese(_ line: String) -> String? {
    func between(_ text: Substring, _ start: String, _ end: String) -> Substring? {
        guard text.hasPrefix(start), text.hasSuffix(end), text.count >= start.count + end.count else { return nil }
        return text.dropFirst(start.count).dropLast(end.count)
    }
    let text = Substring(line)
    // "Unknown option '--widht'. Did you mean '--width'?" (wave 23's F14: left in English).
    if let rest = between(text, "Unknown option '", "'?"), let cut = rest.range(of: "'. Did you mean '") {
        return "未知选项 '\(rest[..<cut.lowerBound])'。是否要用 '\(rest[cut.upperBound...])'？"
    }
    if let name = between(text, "Unknown option '", "'") { return "未知选项 '\(name)'" }
    if let rest = between(text, "The option '", "' was specified."), let cut = rest.range(of: "' does not take any value, but '") {
        return "选项 '\(rest[..<cut.lowerBound])' 不取值，却给了 '\(rest[cut.upperBound...])'。"
    }
    if let rest = between(text, "Value to be set with ", ""), let cut = rest.range(of: " had already been set with ") {
        return "\(rest[..<cut.lowerBound]) 要设的值已由 \(rest[cut.upperBound...]) 设过"
    }
    if let value = between(text, "Unexpected argument '", "'") { return "多余的参数 '\(value)'" }
    if let what = between(text, "Missing expected argument '", "'") { return "缺少参数 '\(what)'" }
    if let what = between(text, "Missing one of: '", "'") { return "缺少以下之一：'\(what)'" }
    if let what = between(text, "Missing value for '", "'") { return "'\(what)' 缺少值" }
    if text == "Missing required subcommand." { return "缺少子命令。" }
    if let option = between(text, "Invalid option: ", "") { return "无效选项：\(option)" }
    if let rest = between(text, "The value '", "") {
        // "The value 'x' is invalid for '--lang <lang>'. Please provide one of 'zh' and 'en'."
        guard let close = rest.range(of: "' is invalid") else { return nil }
        let value = rest[..<close.lowerBound]
        var after = rest[close.upperBound...]
        var target = ""
        if after.hasPrefix(" for '"), let end = after.dropFirst(6).firstIndex(of: "'") {
            target = " '" + after.dropFirst(6)[..<end] + "'"
            after = after[after.index(after: end)...]
        } else if after.hasPrefix(".") {
            after = after.dropFirst()
        }
        var said = "值 '\(value)' 对\(target.isEmpty ? "该参数" : target) 无效"
        if let list = between(after, ". Please provide one of ", ".") {
            said += "。请给出其一：" + list.replacingOccurrences(of: "' and '", with: "'、'")
                .replacingOccurrences(of: "' or '", with: "'、'").replacingOccurrences(of: "', '", with: "'、'") + "。"
        } else if after.hasPrefix(". Please provide one of the following:") {
            said += "。请给出以下其一：" + after.dropFirst(". Please provide one of the following:".count)
        } else if after.hasPrefix(": ") {
            said += "：" + after.dropFirst(2)
        } else if !after.isEmpty {
            return nil
        }
        return said
    }
    let counted = text.split(separator: " ", maxSplits: 3)
    if counted.count == 4, Int(counted[0]) != nil, counted[1] == "unexpected", counted[2] == "arguments:" {
        return "\(counted[0]) 个多余的参数：\(counted[3])"
    }
    return nil
}

/// A refusal in the interface's words (wave 23's F14: `--width 0` and others were refused in
/// English under a Chinese interface): `zh` when the command line's words are Chinese
/// (`Towns.wordsChinese`: `--lang`, else the config's, else the locale's), else `en`.
func refusal(_ zh: String, _ en: String) -> String {
    refusalChinese ? zh : en
}

/// Whether this process's refusals are in Chinese (`refusal`), read from its command line once.
let refusalChinese = Towns.wordsChinese(Array(CommandLine.arguments.dropFirst()))

/// A usage error's message in the user's language: under a Chinese interface (`chinese`),
/// ArgumentParser's own first line in Chinese (`argumentParserLineInChinese`) and then its frame
/// (`usageFrameInMessagesLanguage`); otherwise as it is.
func usageMessage(_ message: String, chinese: Bool) -> String {
    guard chinese else { return message }
    var lines = message.components(separatedBy: "\n")
    if let first = lines.first, first.hasPrefix("Error: "), let zh = argumentParserLineInChinese(String(first.dropFirst(7))) {
        // The parser's value list (". Please provide one of the following:") runs on over lines.
        lines[0] = "Error: " + zh
    }
    // The option's help the parser quotes after a bad value (`Help:  --view <view>  What to print:
    // …`): in Chinese where known, else the option alone (wave 29: it stayed English).
    for i in lines.indices where lines[i].hasPrefix("Help:  ") {
        let rest = lines[i].dropFirst("Help:  ".count)
        let cut = rest.range(of: "  ")
        let synopsis = cut.map { rest[..<$0.lowerBound] } ?? rest
        let text = cut.map { String(rest[$0.upperBound...]) } ?? ""
        lines[i] = "帮助：" + synopsis + (Catalogue.optionHelpInChinese[text].map { "  " + $0 } ?? "")
    }
    return usageFrameInMessagesLanguage(lines.joined(separator: "\n"))
}

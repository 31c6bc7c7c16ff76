import Foundation
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

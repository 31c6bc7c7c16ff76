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

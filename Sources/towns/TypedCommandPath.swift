import Foundation

/// `message` (an ArgumentParser error with its usage) with the command path a person types:
/// `present` holds the dashboard's options as a group (`follow` did until wave 28), and
/// ArgumentParser's usage and help pointer named `towns dashboard present` / `towns dashboard
/// follow`, a path no one types, whose `--help` is the dashboard's (wave 22, F15).
func typedCommandPath(_ message: String) -> String {
    var text = message
    for command in ["present", "follow"] {
        text = text.replacingOccurrences(of: "towns dashboard \(command)", with: "towns \(command)")
    }
    return text
}

import Foundation
import TownsCore
import TownsImport

/// Where a copy (`y`) is also written, whatever the terminal does with OSC 52:
/// `$XDG_STATE_HOME/towns/copied.txt` (default `~/.local/state/towns/copied.txt`), the last
/// copy's text (UTF-8, tab-separated) replacing the one before, written with `SafeWrite` (a
/// link or anything but a regular file there is refused, nothing half-written).
enum CopyFile {
    /// The file's path, from the environment.
    static func path(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = env["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/towns/copied.txt" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/state/towns/copied.txt"
    }

    /// Writes `text` to `path` (its folder made when missing, mode 0700): the path written,
    /// else why not, in Chinese when `chinese` (the system's reason too, `SystemWords`), else in
    /// English as the system and `SafeWrite` say it.
    static func write(_ text: String, to path: String = CopyFile.path(), chinese: Bool = false)
        -> (saved: String?, notSaved: String?)
    {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            let reason = ExportFile.reason(error)
            return (nil, chinese ? "\(folder)：" + SystemWords.zh(reason) : "\(folder): \(reason)")
        }
        let outcome = SafeWrite.write(Array(text.utf8), to: path, replace: true)
        let words = outcome.message(replaceHint: ("", ""))
        return outcome.isWritten ? (path, nil) : (nil, chinese ? words.zh : words.en)
    }
}

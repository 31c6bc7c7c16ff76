import Foundation
import TownsUI

/// The session saved on quit for `towns --resume`: `$XDG_STATE_HOME/towns/session.json`
/// (default `~/.local/state/towns/session.json`), the `Session` value's JSON with the
/// dataset folder it was made on. A file for another dataset, or one that does not read, is
/// ignored with a notice (never fatal).
struct SessionFile: Codable {
    /// The dataset folder, as an absolute path, the session was made on.
    var data: String
    var session: Session

    /// Where the session is kept, from the environment.
    static func path(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = env["XDG_STATE_HOME"], !xdg.isEmpty { return xdg + "/towns/session.json" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/state/towns/session.json"
    }

    /// The saved session for the dataset in `data`, or the notice saying why there is none
    /// to resume (no file, another dataset's, a file that does not read), in `language`.
    static func load(for data: String, path: String = SessionFile.path(),
                     language: Language = .en) -> (Session?, notice: String?) {
        func say(_ text: Bilingual) -> String { language == .zh ? text.zh : text.en }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            return (nil, say(Catalogue.noSavedSession(path)))
        }
        guard let file = try? JSONDecoder().decode(SessionFile.self, from: bytes) else {
            return (nil, say(Catalogue.savedSessionUnreadable(path)))
        }
        let here = URL(fileURLWithPath: data).standardizedFileURL.path
        guard file.data == here else {
            return (nil, say(Catalogue.savedSessionOfOtherData(file.data)))
        }
        return (file.session, nil)
    }

    /// Saves `session` for the dataset in `data` (folder made, file replaced atomically);
    /// throws what the file system says.
    static func save(_ session: Session, for data: String, path: String = SessionFile.path()) throws {
        var saved = session
        saved.commandLine = nil  // a half-typed command, the chooser and a message are not resumed
        saved.sortChooser = nil
        saved.flash = nil
        let file = SessionFile(data: URL(fileURLWithPath: data).standardizedFileURL.path, session: saved)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try encoder.encode(file).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

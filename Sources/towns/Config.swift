import Foundation
import TOMLKit
import TownsUI

/// The user's configuration: `$XDG_CONFIG_HOME/towns/config.toml` (default
/// `~/.config/towns/config.toml`), or `--config PATH`.
///
/// ```toml
/// view = "towns"        # towns | types | entities | assessment | province
/// period = "2015-09"    # a period id of the dataset
/// theme = "light"       # a theme in Themes/, or a path
/// language = "zh"       # zh | en
/// mouse = false         # click selects, double-click opens, wheel scrolls
///
/// [keys]                # action = [keys]; replaces that action's keys
/// moveDown = ["j", "Down", "Ctrl-N"]
/// quit = ["q", "Q"]
/// ```
/// Problems (a bad value, an unknown field, an unknown action or key, a key bound twice)
/// are reported with the file and line and the defaults stay; the dashboard still opens.
struct Config {
    var view: String?
    var period: String?
    var theme: String?
    var language: Language?
    var mouse: Bool?
    var rebindings: [KeyMap.Rebinding] = []
    var problems: [String] = []
    /// The file asked for (--config), or the default path.
    var requestedPath: String = ""
    /// The file read, or nil when there is none.
    var path: String?

    /// Where the configuration is looked for.
    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/towns/config.toml" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.config/towns/config.toml"
    }

    /// Reads `path` (nil: the default path). A missing default file is no configuration; a
    /// missing file given with --config is a problem.
    init(path explicit: String?) {
        let path = explicit ?? Config.defaultPath()
        requestedPath = path
        guard FileManager.default.fileExists(atPath: path) else {
            if explicit != nil { problems.append("\(path): no such file") }
            return
        }
        self.path = path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            problems.append("\(path): cannot be read as UTF-8 text")
            return
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            problems.append("\(path):\(e.source.begin.line):\(e.source.begin.column): TOML syntax: \(e.description)")
            return
        } catch {
            problems.append("\(path): \(error)")
            return
        }
        let lines = text.components(separatedBy: "\n")
        func line(of key: String, after header: String? = nil) -> Int {
            var start = 0
            if let header, let h = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "[\(header)]" }) { start = h + 1 }
            for i in start..<lines.count {
                let t = lines[i].trimmingCharacters(in: .whitespaces)
                if t.hasPrefix(key + " ") || t.hasPrefix(key + "=") || t.hasPrefix("\"\(key)\"") { return i + 1 }
            }
            return 0
        }
        func string(_ key: String) -> String? {
            guard let v = table[key] else { return nil }
            guard let s = v.string else { problems.append("\(path):\(line(of: key)): \(key): expected a string"); return nil }
            return s
        }
        view = string("view")
        if let v = view, !["towns", "types", "entities", "assessment", "province"].contains(v) {
            problems.append("\(path):\(line(of: "view")): view: '\(v)' is not a view (towns, types, entities, assessment, province)")
            view = nil
        }
        period = string("period")
        theme = string("theme")
        if let l = string("language") {
            language = Language(rawValue: l)
            if language == nil { problems.append("\(path):\(line(of: "language")): language: '\(l)' is not zh or en") }
        }
        if let m = table["mouse"] {
            mouse = m.bool
            if mouse == nil { problems.append("\(path):\(line(of: "mouse")): mouse: expected true or false") }
        }
        for key in table.keys.sorted() where !["view", "period", "theme", "language", "mouse", "keys"].contains(key) {
            problems.append("\(path):\(line(of: key)): \(key): unknown setting (view, period, theme, language, mouse, [keys])")
        }
        if let keys = table["keys"] {
            guard let keyTable = keys.table else {
                problems.append("\(path):\(line(of: "keys")): keys: expected a [keys] table")
                return
            }
            for action in keyTable.keys.sorted() {
                let location = "\(path):\(line(of: action, after: "keys"))"
                let value = keyTable[action]!
                var names: [String] = []
                if let s = value.string { names = [s] }
                else if let a = value.array { names = a.compactMap { $0.string } }
                else { problems.append("\(location): keys.\(action): expected a key or a list of keys"); continue }
                rebindings.append(KeyMap.Rebinding(action: action, keys: names, location: location))
            }
        }
    }
}

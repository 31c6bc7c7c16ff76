import TOMLKit
import TownsCore

/// The settings of a configuration file's text (see the executable's `Config` for the file and
/// its format): each value checked, and every problem (a bad value, an unknown field, a value
/// of the wrong type, text that is not TOML or that the guard in front of the parser refuses)
/// as `path:line: field: what is wrong`. Reads no file, so the fuzz targets can feed it text.
public struct ConfigText: Sendable {
    /// `view = …`: overview | towns | types | entities | assessment | province | reference | changes.
    public var view: String?
    /// `period = …`: a period id, checked against the data by the caller.
    public var period: String?
    /// `theme = …`: a theme name or a path, checked by the caller.
    public var theme: String?
    public var language: Language?
    public var mouse: Bool?
    /// `cycle = ["towns", "behind", "types", "assessment"]`: the wall screen's playlist
    /// (`CycleStop` names), for `towns present --cycle` and `:cycle`.
    public var cycle: [CycleStop]?
    /// `[keys]`: action = key or [keys], checked by `KeyMap.applying`.
    public var rebindings: [KeyMap.Rebinding] = []
    /// What is wrong, each naming `path` and a line, in both languages (`problems(in:)`): a wave 32
    /// fresh user read `view`, `mouse` and `keys.*` problems in English under a Chinese interface.
    public var problemWords: [Bilingual] = []
    /// `problemWords` in English.
    public var problems: [String] { problemWords.map(\.en) }
    /// `problemWords` in `language`.
    public func problems(in language: Language) -> [String] {
        problemWords.map { language == .zh ? $0.zh : $0.en }
    }
    /// The line of each top-level setting given (`period` -> 2), for problems found later
    /// against the data or the themes folder.
    public var lines: [String: Int] = [:]

    /// Reads the settings in `text`, naming `path` in problems.
    public init(_ text: String, path: String) {
        let table: TOMLTable
        do {
            table = try GuardedTOML.parse(text, file: path)  // `[中]` or a NUL: a problem with its line, not an abort
        } catch {
            let issue = error as? LoadIssue
            problemWords.append(Bilingual(issue?.description(chinese: true) ?? "\(error)",
                                          issue?.description(chinese: false) ?? "\(error)"))
            return
        }
        let lines = text.components(separatedBy: "\n")
        func line(of key: String, after header: String? = nil) -> Int {
            var start = 0
            if let header,
               let h = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "[\(header)]" }) {
                start = h + 1
            }
            for i in start..<lines.count {
                let t = lines[i].trimmingCharacters(in: .whitespaces)
                if t.hasPrefix(key + " ") || t.hasPrefix(key + "=") || t.hasPrefix("\"\(key)\"") { return i + 1 }
            }
            return 0
        }
        func string(_ key: String) -> String? {
            guard let v = table[key] else { return nil }
            guard let s = v.string else {
                problemWords.append(Bilingual("\(path):\(line(of: key)): \(key)：应为字符串",
                                              "\(path):\(line(of: key)): \(key): expected a string"))
                return nil
            }
            return s
        }
        for key in ["view", "period", "theme", "language", "mouse"] where table[key] != nil {
            self.lines[key] = line(of: key)
        }
        view = string("view")
        // The views `--view` and `:view` name (overview, towns, ..., changes).
        let views = Commands.views.map { $0.names[0] }
        if let v = view, !views.contains(v) {
            let at = "\(path):\(line(of: "view")): view"
            problemWords.append(Bilingual("\(at)：'\(v)' 不是视图（\(views.joined(separator: ", "))）",
                                          "\(at): '\(v)' is not a view (\(views.joined(separator: ", ")))"))
            view = nil
        }
        period = string("period")
        theme = string("theme")
        if let l = string("language") {
            language = Language(rawValue: l)
            if language == nil {
                let at = "\(path):\(line(of: "language")): language"
                problemWords.append(Bilingual("\(at)：'\(l)' 不是 zh 或 en", "\(at): '\(l)' is not zh or en"))
            }
        }
        if let m = table["mouse"] {
            mouse = m.bool
            if mouse == nil {
                let at = "\(path):\(line(of: "mouse")): mouse"
                problemWords.append(Bilingual("\(at)：应为 true 或 false", "\(at): expected true or false"))
            }
        }
        if let c = table["cycle"] {
            cycle = cycleStops(c, at: "\(path):\(line(of: "cycle"))")
        }
        let settings = ["view", "period", "theme", "language", "mouse", "cycle", "keys"]
        for key in table.keys.sorted() where !settings.contains(key) {
            let known = "view, period, theme, language, mouse, cycle, [keys]"
            let at = "\(path):\(line(of: key)): \(key)"
            problemWords.append(Bilingual("\(at)：未知设置（\(known)）", "\(at): unknown setting (\(known))"))
        }
        if let keys = table["keys"] {
            guard let keyTable = keys.table else {
                let at = "\(path):\(line(of: "keys")): keys"
                problemWords.append(Bilingual("\(at)：应为 [keys] 表", "\(at): expected a [keys] table"))
                return
            }
            for action in keyTable.keys.sorted() {
                let location = "\(path):\(line(of: action, after: "keys"))"
                let value = keyTable[action]!
                var names: [String] = []
                if let s = value.string { names = [s] }
                else if let a = value.array { names = a.compactMap { $0.string } }
                else if KeyNames.action(named: action) == nil {
                    // Not an action: said so first, as for a key list (`colour = 3` was told it should be
                    // a key; wave 34's second fresh user). `applyingWithWords` words it.
                    rebindings.append(KeyMap.Rebinding(action: action, keys: [], location: location))
                    continue
                } else {
                    problemWords.append(Bilingual("\(location): keys.\(action)：应为一个键或键的列表",
                                                  "\(location): keys.\(action): expected a key or a list of keys"))
                    continue
                }
                rebindings.append(KeyMap.Rebinding(action: action, keys: names, location: location))
            }
        }
    }

    /// The playlist in `value` (a list of `CycleStop` names), nil with a problem at `location`
    /// when it is not a non-empty list of them.
    mutating func cycleStops(_ value: TOMLValueConvertible, at location: String) -> [CycleStop]? {
        let names = CycleStop.allCases.map(\.rawValue).joined(separator: ", ")
        let list = value.array ?? []
        let stops = list.compactMap { $0.string.flatMap(CycleStop.init(rawValue:)) }
        guard !list.isEmpty, stops.count == list.count else {
            problemWords.append(Bilingual("\(location): cycle：应为视图的列表（\(names)）",
                                          "\(location): cycle: expected a list of views (\(names))"))
            return nil
        }
        return stops
    }
}

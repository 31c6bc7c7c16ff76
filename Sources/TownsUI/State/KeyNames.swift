/// Names of actions and keys as a configuration file writes them.
///
/// Actions: moveUp moveDown pageUp pageDown first last open back nextView previousView
/// viewOverview viewTowns viewTypes viewEntities viewAssessment viewProvince viewReference viewChanges
/// nextPeriod previousPeriod help theme language search narrow nextMatch previousMatch sort
/// sortReverse sortLargestFirst sortSmallestFirst behind clearFilter
/// command export copy quit follow presentation messages.
/// Keys: a character (`j`, `?`, `海`), or `Up Down Left Right PgUp PgDn Home End Enter Esc
/// Backspace Tab Shift-Tab Del Space F1`..`F12`, `Ctrl-A`..`Ctrl-Z`.
public enum KeyNames {
    /// Every action that can be bound, by its configuration name.
    public static let actions: [(name: String, action: Action)] = [
        ("moveUp", .moveUp), ("moveDown", .moveDown), ("pageUp", .pageUp), ("pageDown", .pageDown),
        ("first", .first), ("last", .last), ("open", .open), ("back", .back),
        ("nextView", .nextView), ("previousView", .previousView),
        ("viewOverview", .showView(.overview)), ("viewTowns", .showView(.townList)),
        ("viewTypes", .showView(.typeList)),
        ("viewEntities", .showView(.entityList)),
        ("viewAssessment", .showView(.assessment)), ("viewProvince", .showView(.province)),
        ("viewReference", .showView(.reference)), ("viewChanges", .showView(.changes)),
        ("nextPeriod", .nextPeriod), ("previousPeriod", .previousPeriod), ("help", .toggleHelp),
        ("theme", .cycleTheme), ("language", .toggleLanguage), ("search", .startSearch), ("narrow", .startNarrowing),
        ("nextMatch", .nextMatch), ("previousMatch", .previousMatch), ("sort", .sortNextColumn),
        ("sortReverse", .sortReverse),
        ("sortLargestFirst", .chooseSort(descending: true)),
        ("sortSmallestFirst", .chooseSort(descending: false)), ("behind", .toggleBehindFilter),
        ("clearFilter", .clearFilter), ("command", .startCommand), ("export", .export), ("copy", .copy),
        ("quit", .quit),
        ("follow", .meeting(.toggleFollow)), ("presentation", .meeting(.togglePresentation)),
        ("messages", .showMessages),
    ]

    public static func action(named name: String) -> Action? {
        actions.first { $0.name == name }?.action
    }

    static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "enter": .enter, "return": .enter,
        "esc": .escape, "escape": .escape, "backspace": .backspace, "tab": .tab, "shift-tab": .backTab,
        "backtab": .backTab, "del": .delete, "delete": .delete, "space": .char(" "),
    ]

    /// The key a configuration names, or nil.
    public static func key(_ name: String) -> Key? {
        if name.count == 1, let c = name.first { return .char(c) }
        let lower = name.lowercased()
        if let k = named[lower] { return k }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter { return .ctrl(c) }
        return nil
    }
}

extension KeyMap {
    /// One `action = ["key", ...]` line of a configuration's `[keys]` table.
    public struct Rebinding: Sendable {
        public var action: String
        public var keys: [String]
        /// Where it was written, for messages ("config.toml:12").
        public var location: String
        public init(action: String, keys: [String], location: String) {
            self.action = action; self.keys = keys; self.location = location
        }
    }

    /// This key map with `rebindings` applied: each replaces the keys of its action. An
    /// unknown action, an unknown key name, or a key that another action would then also
    /// have is reported (with its location) and that line is ignored: the defaults stay.
    ///
    /// Conflicts are judged on the map with every rebinding applied, so the order of the
    /// lines does not matter (`quit = ["x"]` and `search = ["q"]` work in either order): a
    /// line one of whose keys another action still has is dropped, and the map judged again,
    /// until no key has two actions. Problems are listed in the order of the lines.
    public func applying(_ rebindings: [Rebinding]) -> (KeyMap, [String]) {
        let (map, words) = applyingWithWords(rebindings)
        return (map, words.map(\.en))
    }

    /// `applying(_:)` with each problem in both languages (a wave 32 fresh user read `keys.*`
    /// problems in English under a Chinese interface).
    public func applyingWithWords(_ rebindings: [Rebinding]) -> (KeyMap, [Bilingual]) {
        var problems = [Bilingual?](repeating: nil, count: rebindings.count)
        var parsed: [(line: Int, binding: Int, keys: [(key: Key, name: String)])] = []
        for (n, r) in rebindings.enumerated() {
            guard let action = KeyNames.action(named: r.action),
                let index = bindings.firstIndex(where: { $0.action == action })
            else {
                let actions = KeyNames.actions.map(\.name).joined(separator: " ")
                problems[n] = Bilingual("\(r.location): keys.\(r.action)：未知操作；操作有：\(actions)",
                                        "\(r.location): keys.\(r.action): unknown action; actions: \(actions)")
                continue
            }
            var keys: [(key: Key, name: String)] = []
            // Every key of the line that cannot be bound is named, not only the first.
            var refused: [Bilingual] = []
            for name in r.keys {
                guard let key = KeyNames.key(name) else {
                    refused.append(Bilingual("未知键 '\(name)'", "unknown key '\(name)'"))
                    continue
                }
                if [Key.ctrl("c"), .ctrl("z"), .ctrl("s"), .ctrl("q")].contains(key) {
                    refused.append(Bilingual("'\(name)' 属于终端（中断、挂起或流控），不能绑定",
                                             "'\(name)' belongs to the terminal (interrupt, suspend or flow control) and "
                                                + "cannot be bound"))
                    continue
                }
                keys.append((key, name))
            }
            guard refused.isEmpty else {
                problems[n] = Bilingual("\(r.location): keys.\(r.action)：" + refused.map(\.zh).joined(separator: "；"),
                                        "\(r.location): keys.\(r.action): " + refused.map(\.en).joined(separator: "; "))
                continue
            }
            guard !keys.isEmpty else {
                problems[n] = Bilingual("\(r.location): keys.\(r.action)：没有键；保留默认键",
                                        "\(r.location): keys.\(r.action): no keys; keeping the defaults")
                continue
            }
            parsed.append((n, index, keys))
        }
        var active = parsed
        while true {
            var map = self
            for p in active { map.bindings[p.binding].keys = p.keys.map(\.key) }
            var dropped: Set<Int> = []
            for p in active {
                for (key, name) in p.keys {
                    guard
                        let other = map.bindings.indices.first(where: {
                            $0 != p.binding && map.bindings[$0].keys.contains(key)
                        })
                    else { continue }
                    let r = rebindings[p.line]
                    let otherName = KeyNames.actions.first { $0.action == map.bindings[other].action }?.name ?? "?"
                    problems[p.line] = Bilingual(
                        "\(r.location): keys.\(r.action)：'\(name)' 已绑定到 \(otherName)；\(r.action) 保留默认键",
                        "\(r.location): keys.\(r.action): '\(name)' is already bound to \(otherName)"
                            + "; keeping the defaults for \(r.action)")
                    dropped.insert(p.line)
                    break
                }
            }
            if dropped.isEmpty { return (map, problems.compactMap { $0 }) }
            active.removeAll { dropped.contains($0.line) }
        }
    }
}

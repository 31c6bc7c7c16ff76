import Foundation
import TownsCore
import TownsUI

/// Reads the theme files: `Themes/default.toml` first, else the same theme compiled in
/// (`Theme.builtInDefault`; every other theme falls back to it for roles it does not give), then the other `*.toml` files in name order, and a theme
/// given by path. Problems become notices shown on the first frame; the dashboard still
/// opens with plain styles where it must.
struct ThemeFiles {
    var themes: [Theme] = []
    var names: [String] = []
    /// Index of the theme chosen with --theme (or the config).
    var selected = 0
    var notices: [String] = []
    /// The problems (bad lines) of each theme of `themes`, in the same order: the roles they
    /// name are drawn as the default theme's (`Theme.parse`'s fallback).
    var problemCounts: [Int] = []
    /// Whether the theme asked for is the one drawn (`selected`): false when it is not in the
    /// folder, or its file cannot be read or parsed (the default is drawn instead).
    var choiceUsed = true
    /// The problems of the theme drawn (`problemCounts[selected]`).
    var selectedProblems: Int { problemCounts.indices.contains(selected) ? problemCounts[selected] : 0 }
    /// The default theme is the one compiled in (`Theme.builtInDefault`): no `default.toml`
    /// was found (no themes folder: a binary run outside the repository).
    var defaultBuiltIn = false
    /// The language notices are worded in.
    var language: Language = .en
    /// What each notice starts with: the setting's name and a colon in `language` (`theme: `, `theme：`).
    var label = "theme: "
    /// `theme: `, or `theme：` in Chinese (the config's problems read `view：…`, `mouse：…`).
    static func label(_ language: Language) -> String { language == .zh ? "theme：" : "theme: " }

    /// Loads the themes in `folder` (nil when no Themes/ folder was found) and selects
    /// `choice`: a name in the folder (`light`) or a path to a file (`my.toml`).
    /// Notices are worded in `language` (`Catalogue+W14Find`), after `theme: ` (the setting's name;
    /// `theme：` in Chinese, as the config's other problems read `view：…`, wave 34's fresh user).
    init(folder: String?, choice: String, language: Language = .en) {
        self.language = language
        label = ThemeFiles.label(language)
        // Without a `default.toml` (no themes folder at all: run outside the repository), the
        // default theme compiled in, the same text (wave 21: it drew without colour).
        var base = Theme.builtInDefault ?? Theme.monochrome
        var baseProblems = 0
        defaultBuiltIn = true
        var files: [String] = []
        if let folder {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            files = entries.filter { $0.hasSuffix(".toml") }.sorted()
            if let d = files.firstIndex(of: "default.toml") {
                files.remove(at: d)
                if let t = read((folder as NSString).appendingPathComponent("default.toml"), over: nil) {
                    base = t.theme
                    baseProblems = t.problems
                    defaultBuiltIn = false
                }
            } else {
                notices.append(label + Catalogue.themeNoDefault(folder).words(language))
            }
        }
        themes = [base]
        problemCounts = [baseProblems]
        names = ["default"]
        // The themes in the folder whose file could not be read or parsed (each named in a notice).
        var unusable: [String] = []
        for f in files {
            guard let folder, let t = read((folder as NSString).appendingPathComponent(f), over: base) else {
                unusable.append(String(f.dropLast(5)))
                continue
            }
            themes.append(t.theme)
            problemCounts.append(t.problems)
            names.append(String(f.dropLast(5)))
        }
        if choice == "default" { return }
        if let i = names.firstIndex(of: choice) {
            selected = i
        } else if choice.contains("/") || choice.hasSuffix(".toml") {
            if let t = read(choice, over: base) {
                themes.append(t.theme)
                problemCounts.append(t.problems)
                names.append(t.theme.name)
                selected = themes.count - 1
            } else {
                choiceUsed = false
            }
        } else if unusable.contains(choice) {
            choiceUsed = false
            notices.append(label + Catalogue.themeFileHasErrors(choice).words(language))
        } else {
            choiceUsed = false
            let words = Catalogue.themeNoSuchTheme(choice, names.joined(separator: ", "))
            notices.append(label + words.words(language))
        }
    }

    /// The theme in the file at `path` with the number of its problems (each a notice), or nil
    /// (with a notice) when it cannot be read or parsed.
    private mutating func read(_ path: String, over fallback: Theme?) -> (theme: Theme, problems: Int)? {
        let text: String
        do {
            text = try GuardedTOML.readSmallFile(path)
        } catch {
            // Not found, a FIFO or device, too large, not UTF-8: named, in the reader's language.
            notices.append(label + ((error as? LoadIssue)?.description(chinese: language == .zh) ?? "\(error)"))
            return nil
        }
        do {
            let (t, warnings) = try Theme.parse(text, file: path, fallback: fallback, language: language)
            notices += warnings.map { label + $0 }
            return (t, warnings.count)
        } catch {
            notices.append(label + "\(error)")
            return nil
        }
    }
}

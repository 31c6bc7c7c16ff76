import Foundation
import TownsCore
import TownsUI

/// Reads the theme files: `Themes/default.toml` first (every other theme falls back to it
/// for roles it does not give), then the other `*.toml` files in name order, and a theme
/// given by path. Problems become notices shown on the first frame; the dashboard still
/// opens with plain styles where it must.
struct ThemeFiles {
    var themes: [Theme] = []
    var names: [String] = []
    /// Index of the theme chosen with --theme (or the config).
    var selected = 0
    var notices: [String] = []

    /// Loads the themes in `folder` (nil when no Themes/ folder was found) and selects
    /// `choice`: a name in the folder (`light`) or a path to a file (`my.toml`).
    init(folder: String?, choice: String) {
        var base = Theme.monochrome
        var files: [String] = []
        if let folder {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            files = entries.filter { $0.hasSuffix(".toml") }.sorted()
            if let d = files.firstIndex(of: "default.toml") {
                files.remove(at: d)
                if let t = read((folder as NSString).appendingPathComponent("default.toml"), over: nil) { base = t }
            } else {
                notices.append("theme: no default.toml in \(folder); using plain styles")
            }
        } else {
            notices.append("theme: no Themes/ folder found (give --themes DIR); using plain styles")
        }
        themes = [base]
        names = ["default"]
        for f in files {
            guard let folder, let t = read((folder as NSString).appendingPathComponent(f), over: base) else { continue }
            themes.append(t)
            names.append(String(f.dropLast(5)))
        }
        if choice == "default" { return }
        if let i = names.firstIndex(of: choice) {
            selected = i
        } else if choice.contains("/") || choice.hasSuffix(".toml") {
            if let t = read(choice, over: base) {
                themes.append(t)
                names.append(t.name)
                selected = themes.count - 1
            }
        } else {
            notices.append("theme: no theme '\(choice)' (themes: \(names.joined(separator: ", "))); using default")
        }
    }

    private mutating func read(_ path: String, over fallback: Theme?) -> Theme? {
        let text: String
        do {
            text = try GuardedTOML.readSmallFile(path)
        } catch {
            notices.append("theme: \(error)")  // not found, a FIFO or device, too large, not UTF-8: named
            return nil
        }
        do {
            let (t, warnings) = try Theme.parse(text, file: path, fallback: fallback)
            notices += warnings.map { "theme: \($0)" }
            return t
        } catch {
            notices.append("theme: \(error)")
            return nil
        }
    }
}

import Foundation
import TownsCore

extension AppState {
    /// Whether `text` names the dataset's city (its region, `region_zh`/`region_en` of
    /// `dataset.toml`): the Chinese name with or without 市 (嘉兴市, 嘉兴), or the English name in
    /// any case (Jiaxing, jiaxing). `:town` and `towns report --town` then open the city's totals
    /// page (`Screen.Kind.cityTotals`), the one page that is not a town's.
    public func namesTheCity(_ text: String) -> Bool {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return false }
        let zh = dataset.regionZH, en = dataset.regionEN
        var names = [zh.lowercased(), en.lowercased()]
        if zh.hasSuffix("市") && zh.count > 2 { names.append(String(zh.dropLast())) }
        return names.contains { !$0.isEmpty && $0 == wanted.lowercased() }
    }
}

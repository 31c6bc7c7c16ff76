import TownsCore

/// Why a town's row matches a search when not by the town's own names: the search text of a town
/// holds its county's and its operating entities' names too (`ShownFacts.townTerms`), which the
/// row may not show (`&haiyan` kept 龙泉康养小镇2号, run by 海盐生命健康投资集团, with nothing on
/// the row saying why: wave 35's fresh user). The status line names the county or the entity
/// that matched (`Catalogue.matchedBy`).
extension AppState {
    /// What matched `query` in the town of row `row` of the list shown (the selected row: the
    /// words do not name the town), when its own names (Chinese, English, the data's reading) do
    /// not: its county, else its first operating entity that does, as the interface's language
    /// names it (`按县市区 海盐县 匹配`, `matched by operating entity Smile Group`). nil: the row is
    /// not a town's, the query is empty, or the town's own names match (the row shows them).
    ///
    /// ```swift
    /// state.matchReason(row: 0, query: "haiyan")   // "按运营主体 海盐生命健康投资集团 匹配"
    /// ```
    public func matchReason(row: Int, query: String) -> String? {
        guard !query.isEmpty, let content = content(for: screen), row < content.rows.count,
              case let .townPage(id)? = content.target(at: row),
              let position = facts.townPosition(id) else { return nil }
        let town = dataset.town(at: position)
        let own = [town.nameZH, town.nameEN] + (town.reading.map { [$0] } ?? [])
        if searchIndex.matches(query, own) { return nil }
        let zh = language == .zh
        if searchIndex.matches(query, [town.countyZH, town.countyEN]) {
            let name = zh || town.countyEN.isEmpty ? town.countyZH : town.countyEN
            return tr(Catalogue.matchedByCounty(name))
        }
        let entities = facts.entitiesByID
        for id in town.entityIDs {
            guard let e = entities[id], searchIndex.matches(query, [e.nameZH, e.nameEN]) else { continue }
            let name = zh || e.nameEN.isEmpty ? e.nameZH : e.nameEN
            return tr(Catalogue.matchedByEntity(name))
        }
        return nil
    }

    /// `message` with the reason the selected row matches the search shown (`matchReason`) after
    /// it, `：` or `: ` between; `message` alone when the row matches by its own names.
    func withMatchReason(_ message: String, query: String) -> String {
        guard let reason = matchReason(row: selection, query: query) else { return message }
        return message + (language == .zh ? "：" : ": ") + reason
    }
}

extension Catalogue {
    /// What matched a search in the selected row's town besides its names: its county `name`
    /// (`matchReason`). The kind first, so that a line cut at 80 columns still says why.
    static func matchedByCounty(_ name: String) -> Bilingual {
        Bilingual("按县市区 \(name) 匹配", "matched by county \(name)")
    }
    /// What matched a search in the selected row's town besides its names: its operating entity `name`.
    static func matchedByEntity(_ name: String) -> Bilingual {
        Bilingual("按运营主体 \(name) 匹配", "matched by operating entity \(name)")
    }
}

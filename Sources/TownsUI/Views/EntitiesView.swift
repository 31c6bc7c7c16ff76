import Foundation
import TownsCore

extension AppState {
    /// The operating entities, each with its kind, mode, how many towns it operates and
    /// their names; a last row for towns whose source names no entity. Rows are made when shown.
    /// With a filter, each entity's towns are those the filter keeps, and an entity with none is
    /// left out (a note under the table counts them).
    func entitiesTable() -> ListContent {
        var columns = [
            Column(tr(Catalogue.operatingEntity), priority: 100, minWidth: 8, maxWidth: 34),
            Column(tr(Catalogue.kind), priority: 40, maxWidth: 16),
            Column(tr(Catalogue.mode), priority: 60),
            Column(tr(Catalogue.count), .right, priority: 70),
            // 40 columns: with a 34-column name and the count, the list fits in 80.
            Column(tr(Catalogue.towns2), priority: 90, minWidth: 8, maxWidth: 40, names: true),
        ]
        // In print every name is whole and every town named, as wide as the page allows (`printed`).
        if printed { (columns[0].maxWidth, columns[4].maxWidth) = (Self.printedListWidth, Self.printedListWidth) }
        // Each entity's towns by its position (`Facts.entityTowns`: stored in the snapshot, no
        // town's ids hashed), with the filter applied to each entity's when there is one.
        let index = facts.entityTowns
        let allEntities = dataset.entities
        let filteredTowns: [[Int]]? =
            filter.isEmpty ? nil : allEntities.indices.map { filtered(index.towns(ofEntityAt: $0)) }
        // The entities listed, by position in `dataset.entities` (nil: every one).
        let kept: [Int]? = filteredTowns.map { lists in allEntities.indices.filter { !lists[$0].isEmpty } }
        let entities = kept.map { $0.map { allEntities[$0] } } ?? allEntities
        // The towns read in place, once (`dataset` is worked out per use; a town passed by value
        // was copied whole: an entity's row copied each of its towns, hundreds at national scale).
        let allTowns = dataset.towns
        let unnamed = filtered(index.unnamed)
        let rowState = rowContext
        let listWidth = printed ? Int.max : columns[4].maxWidth
        let rows = Rows(count: entities.count + (unnamed.isEmpty ? 0 : 1)) { i in
            guard i < entities.count else {
                return TableRow(
                    [
                        .text(CellText(rowState.tr(Catalogue.theSourceNamesNoEntity)), .unknown),
                        .mark(.unknown, .unknown),
                        .mark(.unknown, .unknown), .plain(String(unnamed.count)),
                        .plain(rowState.nameList(unnamed, width: listWidth)),
                    ],
                    searchTerms: unnamed.flatMap { [allTowns[$0].nameZH, allTowns[$0].nameEN] })
            }
            let entity = entities[i]
            let at = kept?[i] ?? i
            let positions = filteredTowns?[at] ?? index.towns(ofEntityAt: at)
            let modes = Set(positions.compactMap { allTowns[$0].mode }).sorted { $0.rawValue < $1.rawValue }
            return TableRow(
                [
                    .plain(rowState.tr(entity.nameZH, entity.nameEN)),
                    entity.kind.map {
                        .plain($0 == "central state-owned enterprise" ? rowState.tr(Catalogue.centralSoe) : $0)
                    } ?? .mark(.unknown, .unknown),
                    modes.isEmpty
                        ? .mark(.unknown, .unknown)
                        : .plain(
                            modes.map { rowState.language == .zh ? Self.modeName($0) : $0.rawValue }.joined(
                                separator: "/")),
                    .plain(String(positions.count)),
                    positions.isEmpty
                        ? .mark(.unknown, .unknown) : .plain(rowState.nameList(positions, width: listWidth)),
                ], searchTerms: [entity.nameZH, entity.nameEN]
                    + positions.flatMap { [allTowns[$0].nameZH, allTowns[$0].nameEN, allTowns[$0].countyZH] })
        }
        let targets = Targets(count: entities.count + (unnamed.isEmpty ? 0 : 1)) { i in
            i < entities.count ? .townsOfEntity(entities[i].id) : .townsOfEntity(nil)
        }
        var notes: [CellText] = []
        if entities.count < dataset.entities.count {
            notes.append(CellText(tr(Catalogue.entitiesLeftOut("\(dataset.entities.count - entities.count)"))))
        }
        var content = ListContent(
            columns: columns, rows: rows, targets: targets, summary: [],
            emptyText: filter.isEmpty ? tr(Catalogue.noOperatingEntitiesInEntities) : tr(Catalogue.noTowns),
            notes: notes)
        // The sampled rows' widths as the snapshot stores them (`storedViewSample`): none made.
        content.sampleMeasure = storedViewSample(.entityList, columns: columns.count)
        return content
    }
}

import Foundation
import TownsCore

extension AppState {
    /// The four development types, each with its towns (those the filter keeps) and their
    /// progress told straight (`GroupProgress`): plan and completed summed over the same
    /// towns, those with both, the rate and a bar over those, how many towns that covers, and
    /// how many are behind schedule. A note under the table says so.
    func typesTable() -> ListContent {
        var columns = [
            Column(tr(Catalogue.type2), .right, priority: 100),
            Column(tr(Catalogue.name), priority: 100, minWidth: 8, maxWidth: 30),
            Column(tr(Catalogue.towns2), .right, priority: 90),
            Column(tr(Catalogue.groupPlan), .right, priority: 85),
            Column(tr(Catalogue.groupDone), .right, priority: 85),
            Column(tr(Catalogue.groupRate), .right, priority: 84),
            // The bars: untitled, but named where the width leaves them out (`进度`, as the towns
            // view titles its bar): at 80x24 in English they gave way unsaid (wave 28's fresh user).
            Column("", priority: 55, minWidth: 8, maxWidth: 8).named(whenLeftOut: tr(Catalogue.progress)),
            Column(tr(Catalogue.groupCovered), .right, priority: 83),
            Column(tr(Catalogue.behind), .right, priority: 82),
            // 36 columns: two names; beside the subtotals, the list fits in 120 at province scale too.
            Column(tr(Catalogue.townList), priority: 50, minWidth: 8, maxWidth: 36, names: true),
        ]
        // In print every town is named, as wide as the page allows (`printed`).
        if printed { columns[9].maxWidth = Self.printedListWidth }
        // Every town in the cell; the table shows the whole names that fit and how many more.
        let zh = language == .zh
        columns[9].items = ItemList(separator: tr(Catalogue.text)) { n in
            zh ? Catalogue.andMore("\(n)").zh : Catalogue.andMore("\(n)").en
        } count: { n in
            zh ? Catalogue.namesCount("\(n)").zh : Catalogue.namesCount("\(n)").en
        }
        // A filter keeps only its towns; a type none of whose towns passes is left out.
        let listed = typesKept()
        let types = listed.map(\.type), kept = listed.map(\.positions)
        var rows: [TableRow] = []
        // On screen a cell holds the first names only, past what the screen can show
        // (`screenListCells`), and the list's length beside (`ItemList.listed`); in print every name.
        var lengths: [String: Int] = [:]
        for (type, positions) in zip(types, kept) {
            let g = groupCells(typeProgress(type.number, positions: positions), flagged: sumFlags(positions))
            let names: String
            if printed {
                names = nameList(positions, width: Int.max)
            } else {
                let first = firstNames(positions, pastCells: screenListCells)
                if first.count < positions.count { lengths[first.text] = positions.count }
                names = first.text
            }
            rows.append(
                TableRow([
                    .plain(String(type.number)), .plain(tr(type.nameZH, type.nameEN)), .plain(String(positions.count)),
                    g.plan, g.done, g.rate, g.bar, g.covered, g.behind,
                    .plain(names),
                ]))
        }
        if !lengths.isEmpty {
            let whole = lengths
            columns[9].items?.listed = { whole[$0] }
        }
        var content = ListContent(
            columns: columns, rows: rows, targets: types.map { .townsOfType($0.number) }, summary: [],
            emptyText: filter.isEmpty ? tr(Catalogue.noDevelopmentTypesInTypes) : tr(Catalogue.noTowns),
            notes: [CellText(tr(Catalogue.groupNote))])
        // An export's titles name the amounts' unit: 计划（亿元）, 完成（亿元）.
        content.exportTitles = exportTitles(columns, amounts: [3, 4])
        // The note's clauses on the Both (7) and Behind (8) columns only while they are shown.
        content.noteWhileHidden[0] = [
            ([7, 8], CellText(tr(Catalogue.groupNote(both: false, behind: false)))),
            ([8], CellText(tr(Catalogue.groupNote(both: true, behind: false)))),
            ([7], CellText(tr(Catalogue.groupNote(both: false, behind: true)))),
        ]
        if !filter.isEmpty, types.count < dataset.types.count {
            content.notes.append(CellText(tr(Catalogue.typesLeftOut("\(dataset.types.count - types.count)"))))
        }
        let towns = dataset.towns
        let index = searchIndex
        content.searchText = {
            { i in
                index.haystack(
                    [types[i].nameZH, types[i].nameEN]
                        + kept[i].flatMap { [towns[$0].nameZH, towns[$0].nameEN] })
            }
        }
        return content
    }
}

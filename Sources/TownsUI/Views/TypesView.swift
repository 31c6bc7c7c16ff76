import Foundation
import TownsCore

extension AppState {
    /// The four development types, each with its towns and subtotals of known figures.
    func typesTable() -> ListContent {
        let year = period.map { String($0.year) } ?? ""
        let columns = [
            Column(tr(Catalogue.type2), .right, priority: 100),
            Column(tr(Catalogue.name), priority: 100, minWidth: 8, maxWidth: 34),
            Column(tr(Catalogue.towns2), .right, priority: 90),
            Column(tr(Catalogue.planKnown("\(year)")), .right, priority: 80),
            Column(tr(Catalogue.doneKnown), .right, priority: 80),
            // 36 columns: two names; beside the subtotals, the list fits in 120 at province scale too.
            Column(tr(Catalogue.townList), priority: 50, minWidth: 8, maxWidth: 36),
        ]
        let facts = periodTable()
        let byType = self.facts.townsByType
        var rows: [TableRow] = []
        for type in dataset.types {
            let positions = byType[type.number] ?? []
            var plan = Metrics.Tally(), done = Metrics.Tally()
            for i in positions {
                plan.add(facts[i].planYear)
                done.add(facts[i].completed)
            }
            rows.append(
                TableRow([
                    .plain(String(type.number)), .plain(tr(type.nameZH, type.nameEN)), .plain(String(positions.count)),
                    subtotal(plan), subtotal(done),
                    .plain(nameList(positions, width: columns[5].maxWidth)),
                ]))
        }
        var content = ListContent(
            columns: columns, rows: rows, targets: dataset.types.map { .townsOfType($0.number) }, summary: [],
            emptyText: tr(Catalogue.noDevelopmentTypesInTypes))
        let types = dataset.types, towns = dataset.towns
        let index = searchIndex
        content.searchText = { i in
            index.haystack(
                [types[i].nameZH, types[i].nameEN]
                    + (byType[types[i].number] ?? []).flatMap { [towns[$0].nameZH, towns[$0].nameEN] })
        }
        return content
    }
}

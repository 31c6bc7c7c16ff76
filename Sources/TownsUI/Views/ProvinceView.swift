import Foundation
import TownsCore

extension AppState {
    /// The provincial list by city: towns listed, the count reported, a bar, and how many
    /// of the city's towns have figures in this dataset.
    func provinceTable() -> ListContent {
        guard let list = dataset.province else {
            return ListContent(
                columns: [Column(tr(Catalogue.city))], rows: [], targets: [], summary: [],
                emptyText: tr(Catalogue.noProvinceTomlInThe))
        }
        let columns = [
            Column(tr(Catalogue.city2), priority: 100, minWidth: 8, maxWidth: 20),
            Column(tr(Catalogue.towns2), .right, priority: 100),
            Column(tr(Catalogue.reported3), .right, priority: 50),
            Column(tr(Catalogue.provinceBarHeading), priority: 60, flexible: true, minWidth: 6),
            Column(tr(Catalogue.withFigures), .right, priority: 80),
        ]
        // A filter keeps its towns (`passes(_:)` of a listed town); a city with none is left out.
        let kept = list.cities.map { list.towns(in: $0.nameZH).filter(passes) }
        let cities = zip(list.cities, kept).filter { filter.isEmpty || !$0.1.isEmpty }
        let maxCount = max(1, cities.map { $0.1.count }.max() ?? 1)
        var rows: [TableRow] = []
        for (city, towns) in cities {
            let withFigures = towns.filter { $0.townID != nil }.count
            let reported: TableCell =
                city.reportedCount.map { n in
                    n == list.towns(in: city.nameZH).count ? .plain(String(n)) : .text("\(n)!", .warning)
                } ?? .mark(.unknown, .unknown)
            rows.append(
                TableRow(
                    [
                        .plain(language == .zh ? "\(city.nameZH) \(city.nameEN)" : city.nameEN),
                        .plain(String(towns.count)), reported,
                        .bar(fraction: Double(towns.count) / Double(maxCount), role: .barFill, marker: nil),
                        // No town with figures, also where the list names none (舟山): none, as the others say.
                        withFigures == 0
                            ? .text(CellText(tr(Catalogue.none)), .unknown)
                            : .plain(String(withFigures)),
                    ], searchTerms: [city.nameZH, city.nameEN] + Self.listedTerms(list.listedOrLater(in: city.nameZH))))
        }
        let total = TableRow(
            [
                .plain(tr(Catalogue.province)), .plain(String(kept.joined().count)),
                list.reportedCount.map { .plain(String($0)) } ?? .mark(.unknown, .unknown),
                .plain(""), .plain(String(kept.joined().filter { $0.townID != nil }.count)),
            ], role: .totals)
        var note = tr("\(list.nameZH) \(list.nameEN)", list.nameEN)
        if let d = list.date { note += " (\(d))" }
        note += tr(
            "：小镇 = province.toml 所列的小镇；报告 = 来源报告的各市数目；小镇数（比例）= 所列小镇数，"
                + "以所列最多的市为满格；有数据 = 本数据集中有数字的小镇。",
            ": Towns = listed in province.toml; Reported = the count a source reports per city"
                + "; Towns, to scale = the towns listed, the city listing most filling the bar"
                + "; With figures = towns with figures in this dataset."
        )
        var notes = [CellText(note)]
        if !filter.isEmpty {
            let untested = filterTestsOnlyCounty ? 0 : list.listed.filter { $0.townID == nil }.count
            notes.append(CellText(tr(Catalogue.provinceFiltered("\(list.cities.count - cities.count)", "\(untested)"))))
        }
        // The list's own notice and the paper that prints its date, size and counts per city.
        let cited = [list.provenance, list.alsoProvenance] + list.cities.flatMap { [$0.provenance, $0.alsoProvenance] }
        var named: [String] = []
        for case let .reported(id, at, _, _)? in cited {
            let text = (dataset.sources[id]?.title ?? id) + (at.map { " " + sectionText($0) } ?? "") + " [\(id)]"
            if !named.contains(text) { named.append(text) }
        }
        if !named.isEmpty { notes.append(CellText(tr(Catalogue.provinceSources) + named.joined(separator: "; "))) }
        return ListContent(
            columns: columns, rows: rows, targets: cities.map { .city($0.0.nameZH) }, summary: [total],
            emptyText: tr(Catalogue.noCityInProvinceToml), notes: notes)
    }

    /// What a search matches a listed town by: its name, its county and its reading as data
    /// gives it ("chang xing xin neng yuan xiao zhen": `/changxing` and `/cx` find 长兴新能源小镇).
    static func listedTerms(_ towns: [ProvinceList.Listed]) -> [String] {
        towns.flatMap { [$0.nameZH] + ($0.countyZH.map { [$0] } ?? []) + ($0.reading.map { [$0] } ?? []) }
    }

    /// The listed towns of one city; towns with figures open their pages.
    func cityTable(_ name: String) -> ListContent {
        let listed = (dataset.province?.listedOrLater(in: name) ?? []).filter(passes)
        let columns = [
            Column(tr(Catalogue.town), priority: 100, minWidth: 8, maxWidth: 30),
            Column(tr(Catalogue.county), priority: 60),
            Column(tr(Catalogue.figures), priority: 90, maxWidth: 40),
        ]
        let rows = listed.map { t in
            TableRow(
                [
                    .plain(t.nameZH), t.countyZH.map { .plain($0) } ?? .mark(.unknown, .unknown),
                    t.townID != nil
                        ? .plain(tr(printed ? Catalogue.yesPrinted : Catalogue.yesEnterOpens))
                        : .text(
                            CellText(
                                (t.listName.map { "\($0) \(t.listDate ?? ""); " } ?? "")
                                    + tr(Catalogue.noFiguresInThisDataset)), .unknown),
                ],
                searchTerms: Self.listedTerms([t]))
        }
        return ListContent(
            columns: columns, rows: rows, targets: listed.map { $0.townID.map { .townPage($0) } }, summary: [],
            emptyText: tr(Catalogue.noTownsOnTheList("\(name)")))
    }
}

extension ProvinceList {
    /// The towns of `city` on this list, then those of later lists the data names (长兴新能源小镇).
    func listedOrLater(in city: String) -> [Listed] {
        towns(in: city) + later.filter { $0.cityZH == city }
    }
}

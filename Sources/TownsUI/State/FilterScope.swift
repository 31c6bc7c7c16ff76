import TownsCore

/// Where the town filter applies (issue 14 point 5): every list of towns, and the lists made of
/// towns (types, entities, the assessment, the province's cities) count only the towns it keeps;
/// pages and the reference do not list towns, and the overview's city row and the checks are
/// the city's reported totals. The breadcrumb's chip says which.
enum FilterScope: Equatable {
    /// Every town the view lists or sums passes the filter.
    case applies
    /// The view filters its towns but shows something the filter cannot apply to; the text says what.
    case partly(Bilingual)
    /// The view lists no towns (a town's page, the city's totals, the reference, the help).
    case notApplied
}

extension AppState {
    /// Where the filter applies on a screen of `kind`.
    func filterScope(_ kind: Screen.Kind) -> FilterScope {
        switch kind {
        case .townList, .townsOfType, .townsOfEntity, .typeList, .entityList, .assessment, .assessmentNotes:
            return .applies
        case .changes:  // the towns' rows follow the filter; the city's totals are left out, with a note
            return .applies
        case .overview:
            return .partly(Catalogue.filterPartlyOverview(dataset.regionZH))
        case .province, .city:
            return filterTestsOnlyCounty ? .applies : .partly(Catalogue.filterPartlyProvince)
        case .townPage, .cityTotals, .reference, .referencePage, .messages:
            return .notApplied
        }
    }

    /// True when the filter names at most a county: a listed town without figures here can be
    /// tested by it (its county is known from the list); the other parts need the town's figures.
    var filterTestsOnlyCounty: Bool {
        var rest = filter
        rest.county = nil
        return rest.isEmpty
    }

    /// Whether a town of the province's list passes the filter: a town of this dataset as
    /// `passes(_:)` says; another only by its county, and only when the filter names nothing
    /// else (otherwise it cannot be tested and does not pass).
    func passes(_ listed: ProvinceList.Listed) -> Bool {
        if filter.isEmpty { return true }
        if let id = listed.townID, let town = town(id) { return passes(town) }
        guard filterTestsOnlyCounty, let county = filter.county else { return false }
        return listed.countyZH == county
    }

    /// The breadcrumb's chip for the filter: "筛选: 落后 (c 清除)", with where it does not
    /// apply in full ("筛选: 落后 · 此页不适用 (c 清除)").
    /// `separator` is the glyph set's (" · ", or " - " in ASCII).
    func filterChip(clearKey: String?, separator: String) -> String {
        var text = tr(Catalogue.filter) + ": " + filter.summary(tr, separator: separator, countyName: countyShown,
                                                                 problemName: problemShown)
        switch filterScope(screen.kind) {
        case .applies: break
        case let .partly(what):
            // Not where the filter left the view without a town: there is no city row, no town
            // without figures, for the clause to qualify, and at 100 columns in English it pushed
            // the view's name out of the breadcrumb (wave 43's fresh user: `Provi…  filter: …`).
            if content(for: screen)?.rows.isEmpty != true { text += separator + tr(what) }
        case .notApplied: text += separator + tr(Catalogue.filterNotApplied)
        }
        guard let clearKey else { return text }  // a follower's filter is the presenter's to clear
        return text + " (\(clearKey) " + tr(Catalogue.clears) + ")"
    }
}

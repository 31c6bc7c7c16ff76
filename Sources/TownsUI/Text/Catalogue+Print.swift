/// Texts that differ between the screen and print (exports, `towns report`, the clipboard:
/// `AppState.printed`): the screen's notes end with the keys that act on them; print names no key.
extension Catalogue {
    /// The assessment's legend line's key hint (screen only).
    static let assessmentEnterHint = Bilingual(
        "（Enter 打开小镇页：缺少的数字和后果；最后一行 Enter：本说明全文）",
        " (Enter: the town's page names the missing figure and what follows; on the last row: these notes in full)")
    /// The changes view's note's key hint (screen only).
    static let changesKeysHint = Bilingual(
        "；[ ] 换期间对，:changes 期间 选较早的一期", "; [ ] moves the pair of periods, :changes ID chooses the earlier one")
    /// After "nothing to compare with", on screen only.
    static let changePeriodHint = Bilingual("（[ ] 换期间）", " ([ ] changes the period)")
    /// After "the previous period is compared", on screen only.
    static let changesPrevHint = Bilingual("；:changes prev 恢复默认", "; :changes prev goes back to it")
    /// A listed town with figures in this dataset: on screen Enter opens it (`yesEnterOpens`).
    static let yesPrinted = Bilingual("有", "yes")
    /// How wide a printed list of names (a type's towns, an entity's) may be: wider than any
    /// screen's column, so that every name is whole where the page has room.
    static let printedListWidth = 400
}

extension AppState {
    /// How wide a printed list of names may be (`Catalogue.printedListWidth`).
    static var printedListWidth: Int { Catalogue.printedListWidth }

    /// `hint` in the interface language on screen; nothing in print (`printed`).
    func screenHint(_ hint: Bilingual) -> String { printed ? "" : tr(hint) }
}

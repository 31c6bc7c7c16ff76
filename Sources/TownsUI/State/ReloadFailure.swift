import TownsCore

/// Why changed data files were not reloaded, kept in both languages and worded when drawn
/// (wave 11): switching the language after a failed reload rewords the status line.
/// `AppState.reloadProblem` is its words in the session's language.
public struct ReloadFailure: Equatable, Sendable {
    /// The first problem in English (`FILE:LINE: field: problem`, relative to the data folder).
    public var english: String
    /// The first problem in Chinese (the same file, line and field).
    public var chinese: String
    /// How many more problems (`towns check` lists them).
    public var more: Int
    /// The words are the whole line, shown as they are (a text set on `reloadProblem`).
    public var whole: Bool = false

    public init(english: String, chinese: String, more: Int) {
        self.english = english; self.chinese = chinese; self.more = more
    }

    /// A line shown as it is, in either language.
    public init(whole text: String) {
        english = text; chinese = text; more = 0; whole = true
    }

    /// `数据未更新：PROBLEM（另有 N 个：towns check）` or `not reloaded: PROBLEM (+N more: towns check)`,
    /// in `state`'s language.
    public func words(_ state: AppState) -> String {
        let problem = state.language == .zh ? chinese : english
        if whole { return problem }
        return state.tr(Catalogue.notReloaded) + problem
            + (more > 0 ? state.tr(Catalogue.reloadMoreProblems("\(more)")) : "")
    }
}

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
    /// The first problem in brief, the reason first (`LoadIssue.briefDescription`: a TOML syntax
    /// error without `TOML syntax: Error while parsing …: `); nil: none briefer.
    public var brief: Bilingual?

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

    /// Shorter forms of `words` for the status line, longest first (`Flash.shorter`), the place
    /// and the reason first and `数据未更新` (`not reloaded`) after them: the problem whole, then in
    /// brief (`brief`), with how many more problems there are, then without; where none fits the
    /// status line cuts the last before its `tail`, which stays (`Renderer.messageFitting`'s
    /// `keepingTail`): what is cut is the reason's end, not its start (wave 43's fresh user at 100
    /// columns: `not reloaded: towns.toml:31:16: town[1].id: TOML syntax: Error while parsing…
    /// (whole in :messages)`), and the line still says the data shown is the last that loaded.
    /// None for a line shown as it is (`whole`).
    public func shorterForms(_ state: AppState) -> [String] {
        if whole { return [] }
        let problem = state.language == .zh ? chinese : english
        let more = state.tr(self.more > 0 ? Catalogue.notReloadedAfterMore("\(self.more)") : Catalogue.notReloadedAfter)
        let short = brief.map { state.tr($0) } ?? problem
        return [problem + more] + (brief == nil ? [] : [short + more]) + (self.more > 0 ? [short + tail(state)] : [])
    }

    /// What ends the last of `shorterForms`, kept where the line is cut: `（数据未更新）` / ` (not reloaded)`.
    public func tail(_ state: AppState) -> String { state.tr(Catalogue.notReloadedAfter) }
}

/// Texts of wave 24's words and layout findings (the province view, a page export's legend, the message log, a source's section).
extension Catalogue {
    /// The province view's bar column: the towns listed per city, to the scale of the city
    /// listing most (wave 23's F8: the column had no heading).
    static let provinceBarHeading = Bilingual("小镇数（比例）", "Towns, to scale")

    /// A page export's legend for `✓` under its checks (`AppState.exportFrame(page:glyphs:)`):
    /// a check passed; where rules met are marked too, both.
    static let exportMeansCheckPassed = Bilingual(
        "核对相符：数字经核对一致（见“核对”）", "check passed: the figures agree when checked (see Checks)")
    static let exportMeansMetOrCheckPassed = Bilingual(
        "符合规则；在“核对”下：核对相符", "the rule is met; under Checks: the check passed")

    /// Under the message log's heading once older messages gave way (`MessageLog.dropped`).
    static func messagesDropped(_ n: String, _ limit: String) -> Bilingual {
        Bilingual("另有 \(n) 条较早的消息已删去（只保留最近 \(limit) 条）",
                  "\(n) older message(s) dropped (only the last \(limit) are kept)")
    }
}

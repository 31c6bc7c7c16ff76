import TownsCore

/// The catalogue's texts for the w9-rules fixes: the towns a filter cannot test, counted with why
/// (an English count of one is singular: "1 town", never "1 towns").
extension Catalogue {
    /// "1 town" / "3 towns": an English count with its noun in the right number.
    static func townsEN(_ n: Int) -> String { EnglishCount.of(n, "town") }

    /// `townsEN` of a count given as text ("1" -> "1 town"; "1/2" -> "1/2 towns").
    static func townsEN(_ n: String) -> String { EnglishCount.of(n, "town") }

    /// "town" or "towns" after a count given as text.
    static func townNounEN(_ n: String) -> String { EnglishCount.words(n == "1" ? 1 : 2, "town") }

    /// The behind filter: `n` towns with no completion rate in the period shown, not judged.
    static func untestedNoProgress(_ n: Int) -> Bilingual {
        Bilingual("另 \(n) 镇无本期进度，不能判断", "\(townsEN(n)) \(n == 1 ? "has" : "have") no progress figure this "
                    + "period: not judged")
    }

    /// A problem filter: `n` towns no source attributes the problem to; `anyAttributed`: whether a
    /// source attributes it to any town at all (else the paper names it for the towns as a group only).
    static func untestedNoAttribution(_ n: Int, anyAttributed: Bool) -> Bilingual {
        anyAttributed
            ? Bilingual("另 \(n) 镇没有来源把此问题归于该镇，不能判断",
                        "\(townsEN(n)): no source attributes this problem to \(n == 1 ? "it" : "them"): not judged")
            : Bilingual("论文就小镇整体提出此问题，未归于任何一镇：\(n) 镇不能判断",
                        "the paper names this problem for the towns as a group, not for any one town: "
                            + "\(townsEN(n)) not judged")
    }
}

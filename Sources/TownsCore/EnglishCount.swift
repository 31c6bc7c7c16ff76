/// A count and its noun in English, agreeing in number: `1 row matches`, `2 rows match`,
/// `1 error`, `3 errors` (not `1 rows match`, `1 error(s)`). The one place the English words
/// choose singular or plural from a count; Chinese needs none (`1 行`, `2 行`).
public enum EnglishCount {
    /// `n` and `one` where `n` is 1, else `n` and `many` (default: `one` with `s`): the words
    /// may go on past the noun (`row matches` / `rows match`).
    public static func of(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + words(n, one, many)
    }

    /// `of` for a count already written as text (`"1"`, `"2,497"`): singular only for `1`.
    public static func of(_ n: String, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + words(n == "1" ? 1 : 2, one, many)
    }

    /// The words alone (`town` / `towns`), without the count, for a count written elsewhere.
    public static func words(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        n == 1 ? one : (many ?? one + "s")
    }
}

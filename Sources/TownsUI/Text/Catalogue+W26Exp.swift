import TownsCore

/// The catalogue's texts for wave 26's `towns report --view changes --since ID` (wave 25's second
/// fresh user, G7: a "since August" table could not be scripted).
extension Catalogue {
    /// `--since ID` naming no period of the data; `ids`: the data's periods, space-separated.
    public static func sinceNotAPeriod(_ id: String, _ ids: String) -> Bilingual {
        Bilingual("--since \(id)：数据中没有这一期（\(ids)）", "--since \(id): not a period of the data (\(ids))")
    }

    /// `--since ID` naming a period that is not of the same year before the one reported (`to`, its
    /// id); `fits`: the periods that would do, space-separated ("" for none: `to` is its year's first).
    public static func sinceNotEarlier(_ id: String, _ to: String, _ fits: String) -> Bilingual {
        Bilingual("--since \(id)：须是 \(to) 之前、同一年的一期（完成数自一月累计，跨年不可比）；"
                      + (fits.isEmpty ? "\(to) 是当年第一期，没有更早的一期" : "可用：\(fits)"),
                  "--since \(id): must be a period of the same year before \(to) (figures run from January: "
                      + "another year's do not compare); "
                      + (fits.isEmpty ? "\(to) is its year's first period, none is earlier" : "these do: \(fits)"))
    }

    /// `--since` given for a view other than the changes view.
    public static let sinceOnlyChanges = Bilingual(
        "--since 只用于 --view changes：变化视图与之比较的较早一期",
        "--since is for --view changes only: the earlier period the changes view compares with")
}

extension Catalogue {
    /// A list of towns the filter leaves empty (`b` at a period no town can be judged behind in):
    /// the filter said as the cause, `key` the key that clears it; under it the notes of the towns
    /// it could not test. A narrowing (`&`) of that list says the same, not that its query matched
    /// nothing (wave 42's fresh user).
    static func noTownsLeftByTheFilter(_ key: String) -> Bilingual {
        Bilingual("筛选后没有小镇（\(key) 清除筛选）", "no towns left by the filter (\(key) clears it)")
    }
    /// `noTownsLeftByTheFilter` as a file says it (an export's `.meta.txt`, a copy): without the key.
    static let noTownsLeftByTheFilterInFile = Bilingual("筛选后没有小镇", "no towns left by the filter")
}

import TownsCore

/// A worder of one dataset's findings in one language (`RuleWords`, `FindingWords`): the head
/// they share (code debt D2), the words picked by language and periods named by their labels.
///
/// ```swift
/// let words = FindingWords(dataset: dataset, language: .en)
/// words.period("2015-09")  // "2015 Jan-Sep" (zh: "2015年1-9月")
/// ```
public protocol DatasetWords: Sendable {
    /// The dataset whose towns and periods are named.
    var dataset: Dataset { get }
    /// The language of every word given.
    var language: Language { get }
}

extension DatasetWords {
    /// `zh` in Chinese, `en` in English.
    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A period's label in `language` from its id (the id itself when the data has no such period).
    public func period(_ id: String) -> String {
        dataset.period(id).map { t($0.labelZH, $0.labelEN) } ?? id
    }
}

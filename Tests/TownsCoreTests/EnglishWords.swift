import Foundation
import TownsCore
import TownsUI

// Code debt D4: the core gives findings and rule results as data; TownsUI's `RuleWords` and
// `FindingWords` word them, in both languages. These tests assert on the English words, as they
// did when the core worded them, through those worders. Periods and towns are named from the
// bundled data: the tests' edited copies keep its towns and periods (an id it lacks, "2017-12",
// is shown as itself, as before).

/// The bundled dataset, loaded once for wording.
private let wordingData: Dataset = try! loadBundled()

extension RuleResult {
    /// The finding in English ("completed 2015 Jan-Sep 13.56 ≥ 10").
    var detail: String { RuleWords(dataset: wordingData, language: .en).text(finding) }
    /// What is missing, in English ("completed 2015 full year").
    var missing: [String] { missingItems.map(RuleWords(dataset: wordingData, language: .en).missing) }
}

extension Finding {
    /// What the finding found, in English, as `towns check --lang en` prints it.
    var message: String { FindingWords(dataset: wordingData, language: .en).message(self) }
}

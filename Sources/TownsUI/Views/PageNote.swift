import Foundation
import TownsCore

extension AppState {
    /// A figure's source or formula as a page shows it beside the figure, in the reader's language:
    /// "报告 reported: paper 二(三) “…” — note", a formula, or an interpretation with its readings;
    /// the data file and line on a line of their own after "\n" (never mid-sentence). Adds a
    /// reported figure's source to `cited` (for the page's sources block).
    func pageNote(_ p: Provenance, origin: SourceLocation?, cited: inout [String]) -> (String, Role) {
        let at = origin.map { "\n" + tr(Catalogue.dataFileLine) + "\(dataset.dataPath($0.file)):\($0.line)" } ?? ""
        switch p {
        case let .reported(source, where_, quote, note):
            if !cited.contains(source) { cited.append(source) }
            var s = tr(Catalogue.reported2) + source
            if let where_ { s += " " + sectionText(where_) }
            if let quote { s += " “\(quote)”" }
            // The data's note in the reader's language when the data gives it (`note_zh`).
            if let note { s += " — \(dataset.note(note, chinese: language == .zh))" }
            return (s + at, .source)
        case let .derived(formula):
            return (tr(Catalogue.derived) + formula + at, .derived)
        case let .interpreted(reasoning, readings):
            let zh = language == .zh
            var s = tr(Catalogue.interpreted) + dataset.note(reasoning, chinese: zh)
            if !readings.isEmpty {
                // A reasoning that ends its sentence (。) takes the readings after it, not "。；".
                let lead = zh && s.hasSuffix("。") ? String(tr(Catalogue.readings).dropFirst()) : tr(Catalogue.readings)
                s += lead
                    + readings.map { dataset.note($0, chinese: zh) }.joined(separator: tr("；", "; "))
            }
            return (s + at, .derived)
        }
    }

    /// After the arithmetic of a figure worked out from an interpretation (`≈†`,
    /// `Figure.isWorkedFromInterpretation`): that it rests on one, and the readings; "" otherwise.
    func restsOnInterpretation(_ f: Figure) -> String {
        guard f.isWorkedFromInterpretation, case let .interpreted(_, readings) = f.provenance else { return "" }
        let zh = language == .zh
        return tr(Catalogue.restsOnInterpretation)
            + readings.map { dataset.note($0, chinese: zh) }.joined(separator: tr("；", "; "))
    }

    /// A figure's note on a page: its derivation worded in the reader's language (`explain`) when
    /// the core gives its arithmetic, else `pageNote`.
    func figureNote(_ f: Figure, cited: inout [String]) -> (String, Role) {
        if let e = f.explanation {
            let at = f.origin.map { "\n" + tr(Catalogue.dataFileLine) + "\(dataset.dataPath($0.file)):\($0.line)" } ?? ""
            return (tr(Catalogue.derived) + explain(e) + restsOnInterpretation(f) + at, .derived)
        }
        return pageNote(f.provenance, origin: f.origin, cited: &cited)
    }
}

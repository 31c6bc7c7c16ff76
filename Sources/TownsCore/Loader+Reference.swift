import Foundation
import TOMLKit

/// dataset.toml's `[[basis]]` records and reference.toml's `[[passage]]` records.
extension Loader {
    /// `[[basis]]` records of dataset.toml (id, name_zh, name_en, and optionally a source):
    /// what figures on another basis than the paper's plain amounts measure.
    mutating func readBases(_ document: TOMLDocument, sources: [String: Source]) {
        for var r in records(document, "basis", required: false) {
            r.warnUnknownKeys(allowed: ["id", "name_zh", "name_en", "source", "at", "quote", "note"])
            let id = r.string("id", required: true)
            let zh = r.string("name_zh", required: true)
            let en = r.string("name_en") ?? zh
            if let id { checkIdentifier(&r, "id", id) }
            if let id, bases[id] != nil { r.error("id", .duplicate,
                LoadMessage.duplicateRecord(.basis, id: id, firstAt: nil)) }
            let provenance = r.has("source") ? readProvenance(&r, sources: sources) : nil
            if let id, let zh, let en, bases[id] == nil {
                bases[id] = Basis(id: id, nameZH: zh, nameEN: en, provenance: provenance)
            }
            finish(r)
        }
    }

    /// reference.toml: `[[passage]]` records (id, topic, title_zh, title_en, source, at, quote,
    /// and optionally items, summary_en, towns).
    mutating func readReference(_ document: TOMLDocument, sources: [String: Source], towns: [Town]) -> ReferenceText {
        var passages: [ReferenceText.Passage] = []
        for var r in records(document, "passage") {
            r.warnUnknownKeys(allowed: [
                "id", "topic", "title_zh", "title_en", "source", "at", "quote", "items", "summary_en", "towns",
            ])
            let id = r.string("id", required: true)
            let topic = r.string("topic", required: true)
            let zh = r.string("title_zh", required: true)
            let source = r.string("source", required: true)
            let section = r.string("at", required: true)
            let quote = r.string("quote", required: true)
            if let id { checkIdentifier(&r, "id", id) }
            if let id, passages.contains(where: { $0.id == id }) {
                r.error("id", .duplicate, LoadMessage.duplicateRecord(.passage, id: id, firstAt: nil))
            }
            if let source, sources[source] == nil {
                r.error("source", .unknownReference, LoadMessage.unknownSource(source))
            }
            let townIDs = r.stringArray("towns") ?? []
            for t in townIDs where !towns.contains(where: { $0.id == t }) {
                unknownTown(&r, "towns", t)
            }
            if let id, let topic, let zh, let source, let section, let quote, sources[source] != nil {
                passages.append(
                    .init(
                        id: id, topic: topic, titleZH: zh, titleEN: r.string("title_en") ?? zh, source: source,
                        section: section, quote: quote, items: r.stringArray("items") ?? [],
                        summaryEN: r.string("summary_en"), townIDs: townIDs,
                        origin: r.line.map { SourceLocation(file: document.path, line: $0) }))
            }
            finish(r)
        }
        return ReferenceText(passages: passages)
    }
}

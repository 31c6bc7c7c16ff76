import Foundation
import TownsCore

extension AppState {
    /// The reference view: one row per topic of the paper's passages (`Dataset.reference`),
    /// with the sections its passages come from and how many there are; Enter opens the topic's
    /// page (`referenceDetail`).
    func referenceTable() -> ListContent {
        let columns = [
            Column(tr(Catalogue.referenceTopic), priority: 100, minWidth: 8, maxWidth: 30),
            Column(tr(Catalogue.referenceSection), priority: 80, maxWidth: 30),
            Column(tr(Catalogue.referencePassages), .right, priority: 60),
        ]
        guard let reference = dataset.reference else {
            return ListContent(
                columns: columns, rows: [], targets: [], summary: [], emptyText: tr(Catalogue.noReference))
        }
        var rows: [TableRow] = []
        for topic in reference.topics {
            let passages = reference.passages(about: topic)
            var sections: [String] = []
            for p in passages where !sections.contains(p.section) { sections.append(p.section) }
            rows.append(
                TableRow(
                    [.plain(referenceTopicTitle(topic)), .plain(sections.joined(separator: " ")),
                     .plain(String(passages.count))],
                    searchTerms: [topic, referenceTopicTitle(topic)] + passages.flatMap { [$0.titleZH, $0.titleEN] }))
        }
        return ListContent(
            columns: columns, rows: rows, targets: reference.topics.map { .referencePage($0) }, summary: [],
            emptyText: tr(Catalogue.noReference))
    }

    /// A topic's title in the interface language ("types" -> "发展类型 Development types").
    func referenceTopicTitle(_ topic: String) -> String {
        let titles: [String: (String, String)] = [
            "definition": ("定义", "Definition"), "features": ("四个特征", "The four features"),
            "creation": ("创建特点", "Features of creation"), "types": ("发展类型", "Development types"),
            "mechanism": ("工作机制", "Work mechanism"), "problems": ("问题", "Problems"),
            "countermeasures": ("对策", "Countermeasures"), "industries": ("产业", "Industries"),
        ]
        guard let t = titles[topic] else { return topic }
        return tr("\(t.0) \(t.1)", t.1)
    }

    /// The page of one topic: each passage's title, its source and section, the words as
    /// printed, its points, an English summary (marked as not a quote), the towns it names,
    /// and the file and line it was read from on a line of its own.
    func referenceDetail(_ topic: String, width: Int) -> [DetailLine] {
        guard let passages = dataset.reference?.passages(about: topic), !passages.isEmpty else {
            return [.text(tr(Catalogue.noReferenceTopic(topic, topics: dataset.reference?.topics ?? [])), .warning)]
        }
        var out: [DetailLine] = [.text(referenceTopicTitle(topic), .title)]
        var cited: [String] = []
        func wrapped(_ text: String, _ role: Role?, indent: String = "") {
            for l in TextWrap.wrap(text, width: max(10, width - DisplayWidth.of(indent))) {
                out.append(.text(indent + l, role))
            }
        }
        for p in passages {
            if !cited.contains(p.source) { cited.append(p.source) }
            out.append(.text(""))
            out.append(.text(tr("\(p.titleZH)  \(p.titleEN)", p.titleEN), .header))
            out.append(.text("\(p.source) \(p.section)", .source))
            wrapped("“\(p.quote)”", nil)
            for item in p.items { wrapped("· " + item, nil, indent: "  ") }
            if language == .en || p.summaryEN != nil, let summary = p.summaryEN {
                wrapped(tr(Catalogue.summaryNotQuote) + summary, .legend)
            }
            let towns = p.townIDs.map { id in town(id).map(name) ?? id }
            if !towns.isEmpty {
                wrapped(tr(Catalogue.exampleTowns) + towns.joined(separator: tr(Catalogue.text)), .label)
            }
            if let origin = p.origin { out.append(.text("[\(dataset.dataPath(origin.file)):\(origin.line)]", .source)) }
        }
        out += sourceLines(cited, width: width)
        return out
    }
}

/// Opens the reference page of `query`: a topic's id, or the start of its title in either
/// language; nil when none matches.
func openReference(_ state: AppState, _ query: String) -> AppState? {
    guard let reference = state.dataset.reference else { return nil }
    let q = query.lowercased()
    let topic =
        reference.topics.first { $0 == q }
        ?? reference.topics.first { $0.hasPrefix(q) }
        ?? reference.topics.first { t in
            var zh = state, en = state
            zh.language = .zh
            en.language = .en
            return [zh.referenceTopicTitle(t), en.referenceTopicTitle(t)].contains { $0.lowercased().hasPrefix(q) }
        }
    guard let topic else { return nil }
    var s = state
    s.stack = [Screen(.reference), Screen(.referencePage(topic))]
    s.stack[0].selected = .referencePage(topic)
    return s
}

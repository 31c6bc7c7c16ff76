import TownsCore

extension TownFilter {
    /// The filter as part of an export's file name, ASCII, words joined by `-` and filters by
    /// `_` (`county-haining-city_behind`); "" for no filter. A county is named in English.
    public func fileNamePart(_ dataset: Dataset) -> String {
        func slug(_ s: String) -> String {
            let words = s.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            return words.joined(separator: "-")
        }
        var parts: [String] = []
        if let county {
            let en = dataset.towns.first { $0.countyZH == county }?.countyEN ?? ""
            parts.append("county-" + (slug(en).isEmpty ? "\(county.unicodeScalars.count)" : slug(en)))
        }
        if let type { parts.append("type-\(type)") }
        if let stage { parts.append("list-" + slug(stage.rawValue)) }
        if behindSchedule { parts.append("behind") }
        if let problem { parts.append("problem-" + slug(problem)) }
        return parts.joined(separator: "_")
    }
}

extension Glyphs {
    /// The glyphs an export writes: as drawn, but unknown in the ASCII set `NA`, which
    /// spreadsheets and R read as missing (a lone `-` reads as zero, `_` as text).
    public var forExport: Glyphs {
        var g = self
        if g.unknown == Glyphs.ascii.unknown || g.unknown == "-" { g.unknown = "NA" }
        return g
    }
}

import TownsUI

/// Texts of wave 29's command-line findings.
extension Catalogue {
    /// The Chinese of the options' help that ArgumentParser quotes on its `Help:` line after a usage
    /// error (`towns report --view bogus`), by the English text it quotes; an option not here is named
    /// on the line without its help (`帮助：--x <x>`; `详见 'towns … --help'` follows). Wave 29: the
    /// line stayed `Help:` and English under a Chinese interface.
    static let optionHelpInChinese: [String: String] = [
        "What to print: \(ReportCommand.View.allCases.map(\.rawValue).joined(separator: ", ")).":
            "要输出的视图：" + ReportCommand.View.allCases.map(\.rawValue).joined(separator: "、") + "。",
        "Open on this view (default: overview): overview, towns, types, entities, assessment, province, "
            + "reference or changes.":
            "打开时的视图（默认 overview）：overview、towns、types、entities、assessment、province、reference 或 changes。",
        "Output format: \(ExportRequest.Format.allCases.map(\.rawValue).joined(separator: ", ")).":
            "输出格式：" + ExportRequest.Format.allCases.map(\.rawValue).joined(separator: "、") + "。",
        "Width of the text table in columns (1-\(ReportCommand.maximumWidth)).":
            "文字表格的宽度，以列计（1-\(ReportCommand.maximumWidth)）。",
        "Language of labels: zh or en (town names too, where the data has both). Default: the config's "
            + "language, else zh; under a locale that is not UTF-8 (LANG=C) en (the dashboard is then English "
            + "and ASCII whatever is chosen).":
            "标签的语言：zh 或 en（数据有两种名称时，镇名也随之）。默认：配置的 language，否则 zh；"
            + "区域设置不是 UTF-8 时（LANG=C）为 en（仪表盘此时为英文和 ASCII）。",
    ]

    /// `towns follow`'s refusal of an option the presenter chooses (`--view`, `--period`, `--town`,
    /// `--filter`, `--resume`), given with a value or without one (wave 29: `--view` alone got the
    /// parser's "missing value").
    static func followRefusesPresenterChoice(_ option: String) -> Bilingual {
        Bilingual("\(option)：跟随时显示主持人选择的视图、期间、筛选和小镇；要单独浏览，进入后按 f",
                  "\(option): a follower is shown the presenter's view, period, filter and town; to browse "
                      + "alone, press f once following")
    }
}

import ArgumentParser

/// `--config PATH`: the configuration file, declared once for every command that reads one as the
/// dashboard does (the dashboard, `present` and `follow` through `ScreenOptions`, and `meetings`,
/// whose list it words): one name, one help text (review finding D3: `towns meetings` declared a
/// copy of `ScreenOptions.config`).
///
/// ```swift
/// @OptionGroup var configuration: ConfigOption   // --config PATH
/// Config(path: configuration.config)             // nil: the default file
/// ```
struct ConfigOption: ParsableArguments {
    /// The option's help, as `--help` prints it.
    static let help =
        "Configuration file (default: $XDG_CONFIG_HOME/towns/config.toml, else ~/.config/towns/config.toml)."

    /// The file given (`--config PATH`); nil: `$XDG_CONFIG_HOME/towns/config.toml`, else
    /// `~/.config/towns/config.toml` (`Config.defaultPath`).
    @Option(name: .long, help: ArgumentHelp(ConfigOption.help, valueName: "PATH"))
    var config: String?
}

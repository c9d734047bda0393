extension Setting {
    /// The settings table of docs/configuration.md, one row per setting; a test keeps that page equal to it.
    public static func markdownTable() -> String {
        var lines = ["| key | flag | environment | type | default | meaning |", "|---|---|---|---|---|---|"]
        for setting in all {
            let cells = [
                "`\(setting.key)`", setting.flag.map { "`\($0)`" } ?? "none", "`\(setting.environmentVariable)`", setting.type,
                setting.defaultValue.map { "`\($0)`" } ?? "none", setting.help + ".",
            ]
            lines.append("| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

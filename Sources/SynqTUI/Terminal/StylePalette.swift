import CNcurses

/// A theme turned into ncurses attributes and colour pairs for the terminal at hand:
/// colours reduced to what it has (256, 16, 8), or, with none, the monochrome theme's
/// attributes only (bold, reverse…), which still tells every role apart.
struct StylePalette {
    struct Entry {
        var attributes: attr_t
        var pair: Int32
    }

    private var entries: [StyleRole: Entry] = [:]

    /// Allocates one pair per role. Call after `start_color`.
    init(theme: Theme, monochrome: Theme, colors: Int, pairs: Int, defaultColors: Bool) {
        let useColor = colors >= 8 && pairs > StyleRole.allCases.count
        for (index, role) in StyleRole.allCases.enumerated() {
            guard useColor else {
                entries[role] = Entry(attributes: Self.attributes(monochrome.style(role).attributes), pair: 0)
                continue
            }
            let style = theme.terminalStyle(role, colors: colors)
            var entry = Entry(attributes: Self.attributes(style.attributes), pair: 0)
            let pair = Int32(index + 1)
            var fg = style.foreground.map(Int32.init) ?? -1
            var bg = style.background.map(Int32.init) ?? -1
            if !defaultColors {
                // No "default" colour here: the terminal's colours for the background the theme is for.
                if fg < 0 { fg = theme.background == .dark ? 7 : 0 }
                if bg < 0 { bg = theme.background == .dark ? 0 : 7 }
            }
            if synq_init_pair(pair, fg, bg) != ERR { entry.pair = pair }
            entries[role] = entry
        }
    }

    func entry(_ role: StyleRole) -> Entry { entries[role] ?? Entry(attributes: synq_attr_normal(), pair: 0) }

    private static func attributes(_ set: Set<ThemeAttribute>) -> attr_t {
        var value = synq_attr_normal()
        for attribute in set {
            switch attribute {
            case .bold: value |= synq_attr_bold()
            case .dim: value |= synq_attr_dim()
            case .underline: value |= synq_attr_underline()
            case .reverse: value |= synq_attr_reverse()
            case .italic: value |= synq_attr_italic()
            }
        }
        return value
    }
}

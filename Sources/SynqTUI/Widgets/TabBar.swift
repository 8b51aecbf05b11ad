import SynqAPI
import SynqViewModel
import SynqText

/// The top line: the tabs (`1 Synchronizers  2 Preferences  3 Synvo keys`, the current one
/// highlighted) and, at the right, which fleet the screen acts on: a PROD or SANDBOX badge,
/// the profile and the host of the current pane's API. The fleet always shows: when space
/// is short the tabs shorten (then become bare numbers) first, then the host is cut.
enum TabBar {
    static func shortTitle(_ pane: Pane) -> String {
        switch pane {
        case .synchronizers: "Sync"
        case .preferences: "Prefs"
        case .keys: "Keys"
        case .events: "Events"
        }
    }

    /// The badge for the current pane's API: PROD for a profile named like production,
    /// SANDBOX for the demo or a loopback host; nil for anything else.
    static func badge(_ fleet: FleetIdentity, service: Service) -> (text: String, role: StyleRole)? {
        if fleet.isSandbox(service) { return ("SANDBOX", .statusInfo) }
        if fleet.isProduction { return ("PROD", .statusError) }
        return nil
    }

    /// Draws the line and returns where each tab is, for the mouse.
    @discardableResult
    static func draw(current: Pane, fleet: FleetIdentity, into grid: inout Grid, y: Int) -> HitMap {
        grid.fill(x: 0, y: y, count: grid.width, role: .tabInactive)
        let separator = grid.glyphs.unicode ? " · " : " - "
        // The Events pane has no API of its own: it names the Enterprise side, like pane 1.
        let service = current.service ?? .enterprise
        let badge = badge(fleet, service: service)
        let profile = TextLayout.truncate(Grid.displayable(fleet.profileLabel, glyphs: grid.glyphs), to: 20, ellipsis: grid.glyphs.ellipsis)
        let host = Grid.displayable(fleet.host(for: service), glyphs: grid.glyphs)
        let badgeWidth = badge.map { CharacterWidth.of($0.text) + 2 } ?? 0
        // The whole fleet text wins over long tab titles; only bare numbers cut the host.
        let fleetWidth = badgeWidth + CharacterWidth.of(profile) + CharacterWidth.of(separator) + CharacterWidth.of(host) + 1
        let styles: [(Pane) -> String] = [
            { " \($0.rawValue) \($0.title) " },
            { " \($0.rawValue) \(shortTitle($0)) " },
            { " \($0.rawValue) " },
        ]
        // Bare numbers sit side by side (the highlight tells them apart): four tabs and the
        // fleet share 40 columns.
        var labels = Pane.allCases.map(styles[styles.count - 1])
        var gap = 0
        for style in styles.dropLast() {
            let candidate = Pane.allCases.map(style)
            if candidate.reduce(0, { $0 + CharacterWidth.of($1) + 1 }) + fleetWidth <= grid.width {
                labels = candidate
                gap = 1
                break
            }
        }
        var x = 0
        var hits = HitMap()
        for (pane, label) in zip(Pane.allCases, labels) {
            let width = grid.write(label, x: x, y: y, role: pane == current ? .tabActive : .tabInactive)
            hits.add(Rect(x: x, y: y, width: width, height: 1), .tab(pane))
            x += width + gap
        }
        var right = grid.width - 1
        let hostRoom = right - x - badgeWidth - CharacterWidth.of(profile) - CharacterWidth.of(separator)
        let text = profile + (hostRoom > 0 ? separator + TextLayout.truncate(host, to: hostRoom, ellipsis: grid.glyphs.ellipsis) : "")
        let textWidth = CharacterWidth.of(text)
        guard right - textWidth - badgeWidth >= x else { return hits }
        right -= textWidth
        grid.write(text, x: right, y: y, role: .title)
        if let badge {
            right -= badgeWidth
            grid.write(" \(badge.text) ", x: right, y: y, role: badge.role)
        }
        return hits
    }
}

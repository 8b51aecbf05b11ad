import SynqViewModel
import SynqText

/// The tab line at the top: `1 Synchronizers  2 Preferences  3 Synvo keys`, the current
/// pane highlighted, short titles when the terminal is narrow.
enum TabBar {
    static func shortTitle(_ pane: Pane) -> String {
        switch pane {
        case .synchronizers: "Sync"
        case .preferences: "Prefs"
        case .keys: "Keys"
        case .events: "Events"
        }
    }

    static func draw(current: Pane, into grid: inout Grid, y: Int) {
        grid.fill(x: 0, y: y, count: grid.width, role: .tabInactive)
        let full = Pane.allCases.map { " \($0.rawValue) \($0.title) " }
        let useFull = full.reduce(0) { $0 + CharacterWidth.of($1) + 1 } <= grid.width
        var x = 0
        for pane in Pane.allCases {
            let label = useFull ? " \(pane.rawValue) \(pane.title) " : " \(pane.rawValue) \(shortTitle(pane)) "
            x += grid.write(label, x: x, y: y, role: pane == current ? .tabActive : .tabInactive) + 1
        }
        let brand = "SynqFleet "
        if x + CharacterWidth.of(brand) + 1 <= grid.width {
            grid.write(brand, x: grid.width - CharacterWidth.of(brand), y: y, role: .title)
        }
    }
}

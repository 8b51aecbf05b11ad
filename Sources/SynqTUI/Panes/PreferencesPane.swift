import Foundation
import SynqViewModel
import SynqText

/// The preferences pane: label/value lines. The dashboard password is always a mask
/// (`PreferencesView` never holds more than whether one is set).
enum PreferencesPane {
    static func lines(_ preferences: PreferencesView, narrow: Bool = false) -> [(label: String, value: String, role: StyleRole)] {
        if narrow {
            return lines(preferences).enumerated().map { index, line in
                (["Wallet", "Password", "Action", "Web", "Owner"][index], line.value, line.role)
            }
        }
        return [
            ("Wallet address", preferences.walletAddress ?? "not set", preferences.walletAddress == nil ? .dim : .base),
            ("Dashboard password", preferences.dashboardPasswordDisplay, preferences.hasDashboardPassword ? .base : .dim),
            ("Default action", preferences.defaultAction ?? "not set", preferences.defaultAction == nil ? .dim : .base),
            ("Web dashboard", preferences.web.map { $0 ? "yes" : "no" } ?? "not set", preferences.web == true ? .enabled : .dim),
            ("Owner wallet", preferences.ownerWalletAddress ?? "unknown", preferences.ownerWalletAddress == nil ? .dim : .base),
        ]
    }

    static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
        let box = Box(rect: rect, title: "Preferences")
        box.draw(into: &grid)
        let inside = box.interior
        guard inside.width > 0, inside.height > 0 else { return }
        guard state.isConfigured(.preferences) else {
            CenteredText.draw(["No Enterprise API key configured.", "Press Enter to type one, or set ENTERPRISE_API_KEY."],
                              into: &grid, rect: inside, role: .dim)
            return
        }
        guard let preferences = state.preferences else {
            let line: String
            switch state.preferencesResource.status {
            case .stale(let error, _, _): line = "Could not load preferences: \(error)"
            default: line = "Loading preferences\(grid.glyphs.ellipsis)"
            }
            CenteredText.draw([line], into: &grid, rect: inside, role: .dim)
            return
        }
        let narrow = inside.width < 56
        let rows = lines(preferences, narrow: narrow)
        let labelWidth = narrow ? 8 : 20
        let password = grid.glyphs.unicode ? PreferencesView.passwordMask : "********"
        for (index, line) in rows.enumerated() where index < inside.height {
            let y = inside.y + index
            grid.write(TextLayout.fit(line.label, to: labelWidth, ellipsis: grid.glyphs.ellipsis), x: inside.x + 1, y: y, role: .header, maxWidth: labelWidth)
            let valueWidth = inside.width - labelWidth - 2
            var value = line.value
            if index == 1, preferences.hasDashboardPassword { value = password }
            let text = TextLayout.truncate(Grid.displayable(value, glyphs: grid.glyphs), to: valueWidth, ellipsis: grid.glyphs.ellipsis)
            grid.write(text, x: inside.x + labelWidth + 2, y: y, role: line.role, maxWidth: valueWidth)
        }
        if let message = preferences.message, inside.height > rows.count + 1 {
            grid.write(TextLayout.truncate(Grid.displayable(message, glyphs: grid.glyphs), to: inside.width - 2, ellipsis: grid.glyphs.ellipsis),
                       x: inside.x + 1, y: inside.y + rows.count + 1, role: .dim, maxWidth: inside.width - 2)
        }
    }
}

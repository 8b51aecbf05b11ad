import SynqViewModel
import SynqText

/// Draws a whole `AppState` into a `Grid`: tabs, the current pane, the command line, the
/// status bar, and the help overlay or key modal on top. Pure apart from `ScrollMemory`,
/// so snapshot tests render exactly what the terminal shows.
public struct ScreenRenderer: Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var glyphs: Glyphs
    public var keyMap: KeyMap

    public init(glyphs: Glyphs = .unicode, keyMap: KeyMap = .standard) {
        self.glyphs = glyphs
        self.keyMap = keyMap
    }

    public func render(_ state: AppState, width: Int, height: Int, scroll: inout ScrollMemory) -> Frame {
        var grid = Grid(width: width, height: height, glyphs: glyphs)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(into: &grid)
            return Frame(grid: grid)
        }
        var hits = TabBar.draw(current: state.pane, fleet: state.fleet, into: &grid, y: 0)
        var rowHits = HitMap()
        let body = Rect(x: 0, y: 1, width: width, height: height - 3)
        var tableRows = 0
        switch state.pane {
        case .synchronizers:
            let pane = SynchronizersPane.pane(state)
            let result = pane.draw(state.synchronizers, pane: .synchronizers, resource: state.synchronizersResource, configured: state.isConfigured(.synchronizers),
                                   service: .enterprise, readOnly: state.isReadOnly, now: state.now, into: &grid, rect: body,
                                   previousOffset: scroll.offsets[.synchronizers] ?? 0)
            scroll.offsets[.synchronizers] = result.offset
            tableRows = result.visible
            rowHits = result.hits
        case .keys:
            let pane = SynvoKeysPane.pane(state)
            let result = pane.draw(state.keys, pane: .keys, resource: state.keysResource, configured: state.isConfigured(.keys),
                                   service: .synvo, readOnly: state.isReadOnly, now: state.now, into: &grid, rect: body,
                                   previousOffset: scroll.offsets[.keys] ?? 0)
            scroll.offsets[.keys] = result.offset
            tableRows = result.visible
            rowHits = result.hits
        case .events:
            let result = EventsPane.pane(state).draw(state.events, pane: .events, resource: state.journal.resource, configured: true, service: .enterprise,
                                                     readOnly: false, now: state.now, into: &grid, rect: body,
                                                     previousOffset: scroll.offsets[.events] ?? 0)
            scroll.offsets[.events] = result.offset
            tableRows = result.visible
            rowHits = result.hits
        case .preferences:
            PreferencesPane.draw(state, into: &grid, rect: body)
            tableRows = max(1, body.height - 3)
        }
        var cursor = PromptLine.draw(state, into: &grid, y: height - 2)
        StatusBar(segments: StatusLine.segments(state, glyphs: glyphs)).draw(into: &grid, y: height - 1)
        var helpViewport: HelpViewport?
        // Rows under an overlay are not clickable; the tabs above it stay so.
        if !state.isHelpVisible, state.modal == nil { hits.add(rowHits) }
        if state.isHelpVisible {
            helpViewport = HelpOverlay.draw(state, keyMap: keyMap, into: &grid, rect: Rect(x: 0, y: 1, width: width, height: height - 2))
            cursor = nil
        } else if case .oneTimeKey(let modal)? = state.modal {
            KeyModalView.draw(modal, into: &grid, area: Rect(x: 0, y: 1, width: width, height: height - 2))
            cursor = nil
        } else if case .detail(let detail)? = state.modal {
            helpViewport = DetailPanel.draw(detail, state: state, into: &grid, area: Rect(x: 0, y: 1, width: width, height: height - 3))
            cursor = nil
        } else if case .profilePicker(let picker)? = state.modal {
            ProfilePickerView.draw(picker, fleet: state.fleet, into: &grid, area: Rect(x: 0, y: 1, width: width, height: height - 3))
            cursor = nil
        }
        return Frame(grid: grid, cursor: cursor, tableRows: tableRows, helpViewport: helpViewport, bells: state.journal.alertCount,
                     hits: hits)
    }

    private func drawTooSmall(into grid: inout Grid) {
        guard grid.height > 0, grid.width > 0 else { return }
        let full = "Terminal too small: \(grid.width)x\(grid.height), need \(Self.minimumWidth)x\(Self.minimumHeight)"
        let text = CharacterWidth.of(full) <= grid.width ? full : TextLayout.truncate("Terminal too small", to: grid.width, ellipsis: glyphs.ellipsis)
        let x = max(0, (grid.width - CharacterWidth.of(text)) / 2)
        grid.write(text, x: x, y: grid.height / 2, role: .statusWarning)
    }
}

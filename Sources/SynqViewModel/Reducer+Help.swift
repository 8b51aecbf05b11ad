/// The `?` overlay: opening and closing it, and scrolling it by line, page and end.
extension Reducer {
    /// `?` (and Esc, q, Ctrl-C inside help). Help always opens at its top.
    static func toggleHelp(_ state: inout AppState) {
        state.isHelpVisible.toggle()
        if state.isHelpVisible { state.helpOffset = 0 }
    }

    /// The navigation commands while help is open. Until the renderer has reported what
    /// fits, the offset is only kept non-negative; the renderer clamps what it draws, and
    /// the first report clamps the state.
    static func scrollHelp(_ command: Command, _ state: inout AppState) {
        let page = state.helpViewport?.page ?? state.pageSize
        let last = state.helpViewport?.maxOffset ?? Int.max / 2
        let offset = min(state.helpOffset, last)
        let target: Int
        switch command {
        case .moveUp: target = offset - 1
        case .moveDown: target = offset + 1
        case .pageUp: target = offset - page
        case .pageDown: target = offset + page
        case .moveToTop: target = 0
        case .moveToBottom: target = last
        default: target = offset
        }
        state.helpOffset = min(max(0, target), last)
    }

    /// The renderer's report of how much help fits.
    static func helpViewportChanged(_ viewport: HelpViewport, _ state: inout AppState) {
        state.helpViewport = viewport
        state.helpOffset = min(max(0, state.helpOffset), viewport.maxOffset)
    }
}

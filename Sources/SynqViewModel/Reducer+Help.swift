/// The `?` overlay: opening and closing it, and scrolling it by line, page and end; the
/// detail view scrolls the same way.
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
        state.helpOffset = scrolled(state.helpOffset, command, viewport: state.helpViewport, page: state.pageSize)
    }

    /// An overlay's offset after a navigation command, paged and clamped by what the
    /// renderer last reported (before any report, only kept non-negative).
    static func scrolled(_ current: Int, _ command: Command, viewport: HelpViewport?, page fallback: Int) -> Int {
        let page = viewport?.page ?? fallback
        let last = viewport?.maxOffset ?? Int.max / 2
        let offset = min(current, last)
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
        return min(max(0, target), last)
    }

    /// The renderer's report of how much of help, or of the detail view, fits.
    static func helpViewportChanged(_ viewport: HelpViewport, _ state: inout AppState) {
        switch viewport.overlay {
        case .help:
            state.helpViewport = viewport
            state.helpOffset = min(max(0, state.helpOffset), viewport.maxOffset)
        case .detail:
            state.detailViewport = viewport
            guard case .detail(var detail)? = state.modal else { return }
            detail.offset = min(max(0, detail.offset), viewport.maxOffset)
            state.modal = .detail(detail)
        }
    }

    /// The navigation commands in the detail view: the same scrolling as help's.
    static func scrollDetail(_ command: Command, _ detail: DetailView, _ state: inout AppState) {
        var detail = detail
        detail.offset = scrolled(detail.offset, command, viewport: state.detailViewport, page: state.pageSize)
        state.modal = .detail(detail)
    }
}

/// How much of a scrolling overlay (help, or the detail view) fits on screen, as the
/// renderer last drew it: how far a page moves and the largest useful scroll offset. The
/// reducer never knows the screen size, so it pages and clamps the overlay's offset by this
/// report (like `pageSize` for tables).
public struct HelpViewport: Sendable, Hashable {
    /// Which overlay was measured: the one on top when the frame was drawn.
    public enum Overlay: Sendable, Hashable {
        case help
        case detail
    }

    public var overlay: Overlay
    /// Lines of help a page moves (PgUp/PgDn): what is shown at once, less a line per column break.
    public var page: Int
    /// The offset (in lines) that shows the last line of help; 0 when everything fits.
    public var maxOffset: Int

    public init(page: Int, maxOffset: Int, overlay: Overlay = .help) {
        self.overlay = overlay
        self.page = max(1, page)
        self.maxOffset = max(0, maxOffset)
    }
}

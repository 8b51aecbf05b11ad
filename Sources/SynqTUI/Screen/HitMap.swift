import SynqViewModel

/// Where a frame's clickable things are: the tabs and the table rows, recorded by the
/// widgets as they draw them (so the mouse reads the same layout the eye does). The terminal
/// keeps the last frame's map and turns a click at (x, y) into a `MouseTarget`.
public struct HitMap: Sendable, Hashable {
    public struct Region: Sendable, Hashable {
        public var rect: Rect
        public var target: MouseTarget
    }

    public private(set) var regions: [Region] = []

    public init() {}

    mutating func add(_ rect: Rect, _ target: MouseTarget) {
        guard rect.width > 0, rect.height > 0 else { return }
        regions.append(Region(rect: rect, target: target))
    }

    mutating func add(_ other: HitMap) {
        regions += other.regions
    }

    /// What was drawn at this cell, if it is clickable.
    public func target(x: Int, y: Int) -> MouseTarget? {
        regions.last { $0.rect.contains(x: x, y: y) }?.target
    }
}

extension Rect {
    func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < self.x + width && y >= self.y && y < self.y + height
    }
}

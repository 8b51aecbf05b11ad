extension AppState {
    /// True when `kind` is polled on its interval now: the visible pane's resource in the
    /// TUI (every resource while the Events pane shows what polls find), or one of the
    /// resources a headless watcher asked for.
    public func isPolled(_ kind: ResourceKind) -> Bool {
        if let polled = settings.polledResources { return polled.contains(kind) }
        return pane == .events || pane.resource == kind
    }
}

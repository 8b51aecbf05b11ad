extension AppState {
    /// True when `kind` is polled on its interval now: the visible pane's resource in the
    /// TUI, or one of the resources a headless watcher asked for.
    public func isPolled(_ kind: ResourceKind) -> Bool {
        if let polled = settings.polledResources { return polled.contains(kind) }
        return pane.resource == kind
    }
}

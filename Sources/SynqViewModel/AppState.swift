import Foundation
import SynqAPI

/// Everything the TUI shows, as one value. The renderer draws it; only the reducer
/// changes it.
public struct AppState: Sendable, Hashable {
    public internal(set) var settings: ViewModelSettings
    /// Which profile and hosts the TUI acts on (the top line shows it).
    public internal(set) var fleet: FleetIdentity
    /// The profiles the picker offers (empty: no config folder, or no switcher).
    public internal(set) var profiles: [String] = []
    /// The profile a switch is connecting to, until it answers.
    public internal(set) var switchingTo: String?
    /// The clock time of the last action; the renderer formats relative times against it.
    public internal(set) var now: Date
    public internal(set) var pane: Pane = .synchronizers
    /// APIs with a key configured.
    public internal(set) var configured: Set<Service>

    public internal(set) var synchronizers: TableState<SynchronizerRow>
    public internal(set) var keys: TableState<SynvoKeyRow>
    public internal(set) var preferences: PreferencesView?
    /// Fleet memory: what the journal saw change, newest first (see `Reducer+Journal`).
    public internal(set) var events = TableState<EventRow>(sort: TableSort(column: .time, ascending: false))
    /// The journal's health and the latest alert.
    public internal(set) var journal = JournalStatus()

    public internal(set) var synchronizersResource = ResourceState()
    public internal(set) var preferencesResource = ResourceState()
    public internal(set) var keysResource = ResourceState()

    /// The Synvo budget from the last response's headers (nil until one arrives).
    public internal(set) var rateLimit: RateLimitBudget?
    /// Toggles sent and not yet answered, by synchronizer id.
    public internal(set) var pendingToggles: [String: PendingToggle] = [:]
    /// Progress of a confirmed toggle of marked rows, until every answer is in.
    public internal(set) var bulkToggle: BulkToggleProgress?
    /// True while a create request is out (a second `n` waits for it).
    public internal(set) var isCreating = false

    public internal(set) var modal: Modal?
    /// APIs whose key the server refused (401), with the reason: not polled until a new key
    /// is typed (Enter on the pane) or the user refreshes by hand.
    public internal(set) var rejectedKeys: [Service: String] = [:]
    public internal(set) var isHelpVisible = false
    /// First line of the help overlay on screen; reset to 0 whenever help opens.
    public internal(set) var helpOffset = 0
    /// What fits of the help overlay, as the renderer last reported (nil until it drew help).
    public internal(set) var helpViewport: HelpViewport?
    /// What fits of the detail view, as the renderer last reported (it reports only changes,
    /// so this outlives one opening of the view).
    public internal(set) var detailViewport: HelpViewport?
    public internal(set) var message: StatusMessage?
    /// Rows per page for PgUp/PgDn, as the renderer last reported.
    public internal(set) var pageSize = 10
    public internal(set) var quitRequested = false

    public init(settings: ViewModelSettings = ViewModelSettings(), configured: Set<Service>, now: Date, fleet: FleetIdentity = .unknown) {
        self.settings = settings
        self.fleet = fleet
        self.now = now
        self.configured = configured
        self.synchronizers = TableState(sort: TableSort(column: .name))
        self.keys = TableState(sort: TableSort(column: .name))
        if !configured.contains(.enterprise) && configured.contains(.synvo) { pane = .keys }
    }

    public var isReadOnly: Bool { settings.readOnly }

    /// Bookkeeping of one resource.
    public func resource(_ kind: ResourceKind) -> ResourceState {
        switch kind {
        case .synchronizers: synchronizersResource
        case .preferences: preferencesResource
        case .keys: keysResource
        }
    }

    mutating func updateResource(_ kind: ResourceKind, _ update: (inout ResourceState) -> Void) {
        switch kind {
        case .synchronizers: update(&synchronizersResource)
        case .preferences: update(&preferencesResource)
        case .keys: update(&keysResource)
        }
    }

    /// True when the pane's API has a key (always for the Events pane, which reads the journal).
    public func isConfigured(_ pane: Pane) -> Bool { pane.service.map(configured.contains) ?? true }

    /// True when the pane's API has no key, or the server refused the one it has: Enter
    /// on the pane asks for a key.
    public func needsKey(_ pane: Pane) -> Bool { !isConfigured(pane) || pane.service.map { rejectedKeys[$0] != nil } ?? false }

    /// True when a toggle for this synchronizer is waiting for the server.
    public func isPending(_ id: String) -> Bool { pendingToggles[id] != nil }

    /// Seconds until a Synvo 429 block lifts, or nil.
    public var rateLimitCountdown: Int? { rateLimit?.countdown(now: now) }

    /// True when the filter field of the current pane is being typed in.
    public var isEditingFilter: Bool {
        switch pane {
        case .synchronizers: synchronizers.isEditingFilter
        case .keys: keys.isEditingFilter
        case .events: events.isEditingFilter
        case .preferences: false
        }
    }

    /// The binding contexts active now, most specific first (what the keys do).
    public var activeContexts: [BindingContext] {
        if isHelpVisible { return [.help] }
        switch modal {
        case .confirmToggle?: return [.confirm]
        case .prompt?: return [.prompt]
        case .oneTimeKey(let modal)?: return modal.isConfirmingClose ? [.confirm] : [.keyModal]
        case .detail?: return [.detail]
        case .profilePicker?: return [.picker]
        case nil: break
        }
        if isEditingFilter { return [.filter] }
        guard isConfigured(pane) else { return [.unconfigured, .global] }
        // A refused key: Enter asks for a new one; the data already shown stays usable.
        let needsKey: [BindingContext] = needsKey(pane) ? [.unconfigured] : []
        switch pane {
        case .synchronizers: return needsKey + [.synchronizers, .table, .global]
        case .keys: return needsKey + [.keys, .table, .global]
        case .events: return [.table, .global]
        case .preferences: return needsKey + [.global]
        }
    }

    /// The contexts the `?` overlay lists for the current pane, in key-table order: what
    /// the pane's keys do, and the dialogs and fields it can open.
    public var helpContexts: [BindingContext] {
        var wanted: Set<BindingContext> = [.global, .prompt, .confirm, .help, .picker]
        if needsKey(pane) { wanted.insert(.unconfigured) }
        switch pane {
        case .synchronizers: wanted.formUnion([.table, .synchronizers, .filter, .detail])
        case .keys: wanted.formUnion([.table, .keys, .filter, .keyModal, .detail])
        case .events: wanted.formUnion([.table, .filter])
        case .preferences: break
        }
        return BindingContext.allCases.filter { wanted.contains($0) }
    }
}

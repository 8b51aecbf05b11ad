import Foundation
import SynqAPI
import SynqJournal

/// Holds the state, runs the reducer's effects against the API clients, feeds results
/// back as actions and publishes every changed state. Owns the poll timer.
///
/// Use: `Task { await store.run() }`, then `for await state in store.states { draw }`;
/// the terminal thread calls `store.send(.key(...))` (non-async, never blocks).
/// `run()` returns after `q` or `shutdown()`, with every request and timer cancelled.
public actor Store<C: Clock> where C.Duration == Duration {
    /// Every state that differs from the previous one. Buffers only the newest, so a slow
    /// renderer skips frames instead of falling behind.
    public nonisolated let states: AsyncStream<AppState>
    public private(set) var state: AppState

    private let statesContinuation: AsyncStream<AppState>.Continuation
    private let inbox: AsyncStream<Action>
    private let inboxContinuation: AsyncStream<Action>.Continuation
    private var clients: Clients
    private let clipboard: (any ClipboardWriter)?
    private let secretWriter: any SecretFileWriting
    private var credentials: (any CredentialClientFactory)?
    /// Where answers are journalled; a profile switch points it at the new profile.
    private var journal: JournalTap?
    private let switcher: (any FleetSwitcher)?
    /// Bumped by a profile switch: answers to requests launched before it are dropped.
    private var generation = 0
    private nonisolated let clock: C
    private nonisolated let startInstant: C.Instant
    private nonisolated let startDate: Date
    private var armedWake: Date?
    /// The running filter/sort pass of each pane, cancelled when a newer one starts.
    private var passes: [Pane: CancellationFlag] = [:]
    private var timerGeneration = 0

    /// - Parameters:
    ///   - enterprise, synvo: the configured APIs; either may be nil.
    ///   - credentials: lets the TUI ask for a missing key; nil disables the prompt.
    ///   - journal: receives every poll and action that succeeded (fleet memory); nil keeps none.
    ///   - clock: drives polls; tests pass a manual clock.
    ///   - startDate: the wall time at `clock.now`; later dates follow the clock.
    public init(
        settings: ViewModelSettings = ViewModelSettings(),
        enterprise: (any EnterpriseAPI)?,
        synvo: (any SynvoAPI)?,
        clipboard: (any ClipboardWriter)? = nil,
        secretWriter: any SecretFileWriting = SecretFileWriter(),
        credentials: (any CredentialClientFactory)? = nil,
        journal: JournalTap? = nil,
        fleet: FleetIdentity = .unknown,
        switcher: (any FleetSwitcher)? = nil,
        clock: C,
        startDate: Date = Date()
    ) {
        var settings = settings
        settings.canAskForCredentials = credentials != nil
        var configured: Set<Service> = []
        if enterprise != nil { configured.insert(.enterprise) }
        if synvo != nil { configured.insert(.synvo) }
        self.state = AppState(settings: settings, configured: configured, now: startDate, fleet: fleet)
        self.state.profiles = switcher?.profileNames ?? []
        self.state.journal.profile = journal?.profile
        self.switcher = switcher
        self.clients = Clients(enterprise: enterprise, synvo: synvo)
        self.clipboard = clipboard
        self.secretWriter = secretWriter
        self.credentials = credentials
        self.journal = journal
        self.clock = clock
        self.startInstant = clock.now
        self.startDate = startDate
        (self.states, self.statesContinuation) = AsyncStream.makeStream(of: AppState.self, bufferingPolicy: .bufferingNewest(1))
        (self.inbox, self.inboxContinuation) = AsyncStream.makeStream(of: Action.self, bufferingPolicy: .unbounded)
    }

    /// Queues an action. Safe from any thread; returns at once.
    public nonisolated func send(_ action: Action) {
        inboxContinuation.yield(action)
    }

    /// Stops `run()`: in-flight requests and timers are cancelled.
    public nonisolated func shutdown() {
        inboxContinuation.finish()
    }

    /// The wall time now, following the injected clock.
    public nonisolated func now() -> Date {
        startDate.addingTimeInterval(startInstant.duration(to: clock.now).timeInterval)
    }

    /// Processes actions until quit or `shutdown()`. Call once.
    public func run() async {
        statesContinuation.yield(state)
        await withDiscardingTaskGroup { group in
            handle(.start, in: &group)
            for await action in inbox {
                handle(action, in: &group)
                if state.quitRequested { break }
            }
            group.cancelAll()
        }
        statesContinuation.finish()
    }

    private func handle(_ action: Action, in group: inout DiscardingTaskGroup) {
        let before = state
        // Never let time run backwards, and let a timer tick count as at least its deadline
        // (clock-to-date rounding must not leave a due poll "not yet due" and re-arm at once).
        var now = max(now(), state.now)
        if case .tick(let deadline) = action { now = max(now, deadline) }
        let effects = Reducer.reduce(&state, action, now: now)
        if state != before { statesContinuation.yield(state) }
        for effect in effects { launch(effect, in: &group) }
        armTimer(in: &group)
    }

    /// Makes sure a tick arrives by the state's next wake-up. A later timer already
    /// armed is superseded (its tick is dropped) by arming an earlier one.
    private func armTimer(in group: inout DiscardingTaskGroup) {
        guard !state.quitRequested, let wake = state.nextWake() else { return }
        if let armed = armedWake, armed <= wake { return }
        armedWake = wake
        timerGeneration += 1
        let generation = timerGeneration
        let deadline = startInstant.advanced(by: .seconds(wake.timeIntervalSince(startDate)))
        let clock = self.clock
        group.addTask {
            do {
                try await clock.sleep(until: deadline, tolerance: nil)
            } catch {
                return
            }
            await self.timerFired(generation, wake: wake)
        }
    }

    private func timerFired(_ generation: Int, wake: Date) {
        guard generation == timerGeneration else { return }
        armedWake = nil
        send(.tick(wake))
    }

    private func launch(_ effect: Effect, in group: inout DiscardingTaskGroup) {
        if case .deriveTable(let pass) = effect {
            passes[pass.pane]?.cancel()
            let flag = CancellationFlag()
            passes[pass.pane] = flag
            group.addTask {
                if let rows = pass.run(isCancelled: { flag.isCancelled || Task.isCancelled }) {
                    self.send(.tableDerived(rows, pane: pass.pane))
                }
            }
            return
        }
        let clients = self.clients
        let clipboard = self.clipboard
        let writer = self.secretWriter
        let credentials = self.credentials
        let journal = self.journal
        let switcher = self.switcher
        let generation = self.generation
        group.addTask {
            let action = await Self.perform(effect, clients: clients, clipboard: clipboard, writer: writer,
                                            credentials: credentials, switcher: switcher, store: self)
            guard let action else { return }
            // Journalled under the profile the request was sent for, even when a switch came
            // between (then the screen, which shows the new fleet, drops it).
            journal?.note(action)
            await self.deliver(action, launchedIn: generation)
        }
    }

    /// Sends an effect's answer, unless a profile switch came between: then it is about the
    /// old fleet, and only the switch's own answer goes through.
    private func deliver(_ action: Action, launchedIn generation: Int) {
        if generation != self.generation, !action.isProfileSwitch { return }
        send(action)
    }

    /// The new fleet's clients and key factory; from now on answers are journalled under
    /// `profile`, and answers to requests sent before are dropped.
    fileprivate func install(_ connection: FleetConnection, profile: String) {
        clients = Clients(enterprise: connection.enterprise, synvo: connection.synvo)
        credentials = connection.credentials ?? credentials
        journal?.profile = profile
        generation += 1
    }

    /// The profile the journal records under now (nil without a journal).
    public var journalProfile: String? { journal?.profile }

    /// The newest history of the journal's current profile, oldest first (empty without a
    /// journal, or before it is open).
    fileprivate func journalHistory() async -> [JournalEvent] {
        guard let journal else { return [] }
        return (try? await journal.journal.events(EventQuery(profile: journal.profile, limit: Reducer.eventsShown))) ?? []
    }

    fileprivate func install(enterprise: any EnterpriseAPI) { clients.enterprise = enterprise }
    fileprivate func install(synvo: any SynvoAPI) { clients.synvo = synvo }

    /// Runs one effect and turns its outcome into the action that reports it.
    private static func perform(
        _ effect: Effect, clients: Clients, clipboard: (any ClipboardWriter)?, writer: any SecretFileWriting,
        credentials: (any CredentialClientFactory)?, switcher: (any FleetSwitcher)?, store: Store
    ) async -> Action? {
        switch effect {
        case .fetch(.synchronizers):
            let result = await Self.call(clients.enterprise, .enterprise) { api throws(APIError) in try await api.listSynchronizers() }
            return .synchronizersLoaded(result, at: store.now())
        case .fetch(.preferences):
            let result = await Self.call(clients.enterprise, .enterprise) { api throws(APIError) in try await api.preferences() }
            return .preferencesLoaded(result, at: store.now())
        case .fetch(.keys):
            let result = await Self.call(clients.synvo, .synvo) { api throws(APIError) in try await api.listKeys() }
            return .keysLoaded(result, at: store.now())
        case .toggle(let id, let enable):
            let result = await Self.call(clients.enterprise, .enterprise) { api throws(APIError) in try await api.setSynchronizer(id: id, enabled: enable) }
            return .toggleFinished(id: id, enable: enable, result, at: store.now())
        case .createSynchronizer(let name):
            let result = await Self.call(clients.enterprise, .enterprise) { api throws(APIError) in try await api.createSynchronizer(name: name) }
            return .synchronizerCreated(result, at: store.now())
        case .createKey(let name):
            let result = await Self.call(clients.synvo, .synvo) { api throws(APIError) in try await api.createKey(name: name) }
            return .keyCreated(name: name, result, at: store.now())
        case .copyToClipboard(let text, let target):
            guard let clipboard else { return .copyFinished(target, .unavailable("no clipboard in this terminal"), at: store.now()) }
            // Only a key shaped like a key reaches the terminal's clipboard sequence.
            guard ServerToken.isValid(text.reveal(), kind: .key) else {
                return .copyFinished(target, .unavailable("the server sent a key with characters a key never has; not copied"), at: store.now())
            }
            let outcome = await clipboard.copy(text)
            return .copyFinished(target, outcome, at: store.now())
        case .saveSecret(let secret, let path):
            do {
                let written = try await writer.write(secret, to: path)
                return .saveFinished(.success(written), at: store.now())
            } catch {
                return .saveFinished(.failure(error), at: store.now())
            }
        case .useCredential(let service, let secret):
            guard let credentials else {
                return .credentialFinished(service, error: .rejected(service, reason: "cannot use a typed key here"), at: store.now())
            }
            do {
                switch service {
                case .enterprise: await store.install(enterprise: try credentials.enterpriseClient(apiKey: secret))
                case .synvo: await store.install(synvo: try credentials.synvoClient(apiKey: secret))
                }
                return .credentialFinished(service, error: nil, at: store.now())
            } catch {
                return .credentialFinished(service, error: error, at: store.now())
            }
        case .switchProfile(let name):
            guard let switcher else { return .profileSwitched(name, .failure(FleetSwitchError("no profiles here")), at: store.now()) }
            do {
                let connection = try await switcher.connect(profile: name)
                await store.install(connection, profile: name)
                var configured: Set<Service> = []
                if connection.enterprise != nil { configured.insert(.enterprise) }
                if connection.synvo != nil { configured.insert(.synvo) }
                let history = await store.journalHistory()
                return .profileSwitched(name, .success(FleetSwitch(fleet: connection.fleet, configured: configured, history: history)), at: store.now())
            } catch {
                return .profileSwitched(name, .failure(error), at: store.now())
            }
        case .deriveTable:
            return nil
        }
    }

    private static func call<API: Sendable, T: Sendable>(
        _ api: API?, _ service: Service, _ body: (API) async throws(APIError) -> T
    ) async -> Result<T, APIError> {
        guard let api else { return .failure(.missingCredential(service)) }
        do {
            return .success(try await body(api))
        } catch {
            return .failure(error)
        }
    }
}

/// The API clients the store currently has (a typed key can add one later).
struct Clients: Sendable {
    var enterprise: (any EnterpriseAPI)?
    var synvo: (any SynvoAPI)?
}

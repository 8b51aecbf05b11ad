import Foundation
import SynqFiles
import SynqAPI
import SynqText

/// What `synq provision` was asked to do.
public struct ProvisionRequest: Sendable, Equatable {
    public var name: String?
    /// Create a new synchronizer even when this host's config records one the API still lists.
    public var forceNew: Bool
    /// Send only read-only requests; write, create and start nothing.
    public var dryRun: Bool
    /// Overrides the preferences' `defaultAction`.
    public var action: SynchronizerAction?
    /// Emit Kubernetes manifests instead of configuring this host.
    public var kubernetes: KubernetesTarget?

    public init(name: String? = nil, forceNew: Bool = false, dryRun: Bool = false, action: SynchronizerAction? = nil, kubernetes: KubernetesTarget? = nil) {
        self.name = name
        self.forceNew = forceNew
        self.dryRun = dryRun
        self.action = action
        self.kubernetes = kubernetes
    }
}

/// Where and how many replicas `--emit kubernetes` writes.
public struct KubernetesTarget: Sendable, Equatable {
    public var outDirectory: String
    public var replicas: Int
    public var namespace: String?

    public init(outDirectory: String, replicas: Int, namespace: String? = nil) {
        self.outDirectory = outDirectory
        self.replicas = replicas
        self.namespace = namespace
    }
}

/// What provisioning did.
public struct ProvisionOutcome: Sendable, Equatable {
    public var synchronizerIDs: [String]
    public var created: Int
    public var reused: Int
    public var action: SynchronizerAction
}

/// The hands-free enterprise setup (`synchronize --api`, done properly): preferences, one
/// synchronizer for this host (found again on re-runs), config.json, then the default action.
public struct Provisioner: Sendable {
    public var api: any EnterpriseAPI
    /// Used only to show masked request previews.
    public var enterpriseKey: Secret
    public var enterpriseBaseURL: String
    public var locations: ConfigLocations
    public var host: HostInfo
    public var docker: DockerRunner
    public var say: @Sendable (String) -> Void

    public init(api: any EnterpriseAPI, enterpriseKey: Secret, enterpriseBaseURL: String, locations: ConfigLocations,
                host: HostInfo, docker: DockerRunner, say: @escaping @Sendable (String) -> Void) {
        self.api = api
        self.enterpriseKey = enterpriseKey
        self.enterpriseBaseURL = enterpriseBaseURL
        self.locations = locations
        self.host = host
        self.docker = docker
        self.say = say
    }

    static let preferencesPath = "/synq-keys/enterprise/preferences"
    static let listPath = "/synq-keys/enterprise/synchronizers"
    static let createPath = "/synq-keys/enterprise/synchronizer"

    public func run(_ request: ProvisionRequest) async throws -> ProvisionOutcome {
        if let name = request.name, !Self.isValidName(name) { throw ProvisionError.invalidName(name) }
        say("Automatic Enterprise API setup (no prompts)")
        if request.dryRun {
            say("Dry run: only read-only GET requests are sent; nothing is created, written or started.")
        }
        // Read before any request: a loose or foreign config.json stops us before we create anything.
        let existing = request.kubernetes == nil ? try SynchronizerConfigFile(locations: locations).read() : nil

        say(request.dryRun ? preview("GET", Self.preferencesPath, sent: true) : "Fetching preferences from the Enterprise API…")
        let response = try await api.preferences()
        let wallet = try chooseWallet(response)
        let existingPassword = existing?.dashboardPassword
        if response.preferences.dashboardPassword != nil {
            say("Dashboard password: the API only sends it masked, so it is not a password and is not written"
                + (existingPassword != nil ? "; the one already in config.json is kept." : "; set one with `synq setup` if you use the dashboard."))
        }
        let action = chooseAction(request.action, response.preferences)

        if let target = request.kubernetes {
            return try await emitKubernetes(target, request: request, wallet: wallet, action: action)
        }
        // Every file this run will write is checked before anything is created: a synchronizer
        // whose key cannot be stored would be an orphan.
        try checkDestinations(for: action)

        var reused: VerifiedSynchronizer?
        if let id = existing?.synchronizerId, !id.isEmpty {
            if request.forceNew {
                say("--new: creating another synchronizer; \(Sanitizer.clean(id)) recorded in config.json stays in your account.")
            } else {
                say(request.dryRun ? preview("GET", Self.listPath, sent: true) : "Checking that synchronizer \(Sanitizer.clean(id)) from config.json still exists…")
                let list = try await api.listSynchronizers()
                if let found = list.synchronizers.first(where: { $0.id == id }) {
                    do {
                        reused = try VerifiedSynchronizer(found)
                    } catch {
                        throw ProvisionError.unsafeAnswer(error, requestedName: nil, created: [])
                    }
                    say("Reusing synchronizer \(Sanitizer.clean(found.id)) (\(Sanitizer.clean(found.name))) recorded in config.json; nothing created. Pass --new to create another.")
                } else {
                    say("Synchronizer \(Sanitizer.clean(id)) recorded in config.json is no longer listed by the API; creating a new one.")
                }
            }
        }

        let synchronizer: VerifiedSynchronizer
        var created: [CreatedSynchronizer] = []
        if let reused {
            synchronizer = reused
        } else {
            let name = request.name ?? host.derivedSynchronizerName
            let body = String(decoding: (try? JSONCoding.encoder().encode(CreateSynchronizerRequest(name: name))) ?? Data(), as: UTF8.self)
            if request.dryRun {
                say(preview("POST", Self.createPath, body: body, sent: false))
                synchronizer = VerifiedSynchronizer(placeholderNamed: name)
            } else {
                say("Creating synchronizer \"\(Sanitizer.clean(name))\" via the Enterprise API…")
                let answer = try await api.createSynchronizer(name: name).synchronizer
                do {
                    synchronizer = try VerifiedSynchronizer(answer)
                } catch {
                    throw ProvisionError.unsafeAnswer(error, requestedName: name, created: [])
                }
                created = [CreatedSynchronizer(id: synchronizer.id, name: synchronizer.name)]
                say("Synchronizer created: ID \(synchronizer.id), name \(Sanitizer.clean(synchronizer.name)), synq key \(Secret(synchronizer.key).masked)")
            }
        }

        // A reused synchronizer keeps its secret, so its syncHash (the container's name on the
        // network) does not change between runs.
        let keepIdentity = reused != nil && existing.map { !$0.secret.isEmpty } == true
        let config = SynchronizerConfig(
            userName: keepIdentity ? existing!.userName : synchronizer.name,
            key: synchronizer.key,
            wallet: wallet,
            secret: keepIdentity ? existing!.secret : SynchronizerConfig.randomSecret(),
            hostname: keepIdentity ? existing!.hostname : host.hostname,
            depin: existing?.depin ?? SynchronizerConfig.defaultDepin,
            dashboardPassword: existingPassword,
            synchronizerId: synchronizer.id
        )
        if request.dryRun {
            say("Would write \(locations.synchronizerConfigFile) (mode 0600, folder 0700):\n" + config.maskedJSON().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        } else {
            try writeConfig(config, created: created)
            say("Configuration written: \(locations.synchronizerConfigFile) (mode 0600, synq key stored)")
            say("Wallet: \(WalletAddress.short(wallet))")
        }

        say(request.dryRun ? "Would execute action: \(action.rawValue)" : "Executing action: \(action.rawValue)")
        let runner = ActionRunner(locations: locations, host: host, docker: docker, dryRun: request.dryRun, say: say)
        try await runner.perform(action, config: config)
        return ProvisionOutcome(
            synchronizerIDs: request.dryRun && reused == nil ? [] : [synchronizer.id],
            created: reused == nil && !request.dryRun ? 1 : 0,
            reused: reused == nil ? 0 : 1,
            action: action
        )
    }

    /// Writes config.json; a failure after a create names what was created.
    func writeConfig(_ config: SynchronizerConfig, created: [CreatedSynchronizer]) throws(ProvisionError) {
        try Self.writeConfig(config, locations: locations, created: created)
    }

    static func writeConfig(_ config: SynchronizerConfig, locations: ConfigLocations, created: [CreatedSynchronizer]) throws(ProvisionError) {
        do {
            try SynchronizerConfigFile(locations: locations).write(config)
        } catch {
            if case .file(let reason) = error, !created.isEmpty { throw .notWrittenAfterCreate(reason, created: created) }
            throw error
        }
    }

    /// The folder and files `action` writes on this host, checked before anything is created.
    func checkDestinations(for action: SynchronizerAction) throws(ProvisionError) {
        try Self.checkDestinations(for: action, locations: locations)
    }

    static func checkDestinations(for action: SynchronizerAction, locations: ConfigLocations) throws(ProvisionError) {
        var files = [locations.synchronizerConfigFile]
        if action == .service || action == .start { files.append(locations.environmentFile) }
        if action == .service { files.append(locations.serviceFile) }
        do {
            try SecureFile.checkDestination(directory: locations.synchronizerDirectory, files: files)
        } catch {
            throw .file(error)
        }
    }

    /// preferences.walletAddress, else owner.walletAddress, saying which; an invalid or
    /// missing wallet stops everything before a synchronizer is created.
    func chooseWallet(_ response: PreferencesResponse) throws(ProvisionError) -> String {
        let preferred = response.preferences.walletAddress?.trimmingCharacters(in: .whitespaces)
        let owner = response.owner?.walletAddress?.trimmingCharacters(in: .whitespaces)
        if let preferred, WalletAddress.isValid(preferred) {
            say("Wallet from preferences: \(WalletAddress.short(preferred))")
            return preferred
        }
        if let owner, WalletAddress.isValid(owner) {
            let why = (preferred?.isEmpty ?? true) ? "the preferences have no wallet address" : "the preferences' wallet address is not valid"
            say("Wallet: \(why); using the account owner's wallet \(WalletAddress.short(owner)) instead.")
            return owner
        }
        throw .noWallet(found: [preferred, owner].compactMap { $0 }.first { !$0.isEmpty })
    }

    func chooseAction(_ override: SynchronizerAction?, _ preferences: Preferences) -> SynchronizerAction {
        if preferences.web == true && override != .web && preferences.defaultAction != .web {
            say("The preferences ask for the web dashboard, which synq does not provide; the equivalent is `synchronize web` from synchronizer-cli.")
        }
        if let override {
            say("Action: \(override.rawValue) (from --action)")
            return override
        }
        guard let defaultAction = preferences.defaultAction else {
            say("The preferences name no default action: configuration only.")
            return .none
        }
        guard let action = SynchronizerAction(defaultAction) else {
            say("The preferences name an unknown default action \"\(Sanitizer.clean(String(defaultAction.rawValue.prefix(40))))\": configuration only.")
            return .none
        }
        say("Default action from preferences: \(action.rawValue)")
        return action
    }

    private func emitKubernetes(_ target: KubernetesTarget, request: ProvisionRequest, wallet: String, action: SynchronizerAction) async throws -> ProvisionOutcome {
        guard (1...100).contains(target.replicas) else { throw ProvisionError.invalidReplicas(target.replicas) }
        if action != .none { say("--emit kubernetes: the action \(action.rawValue) is not run on this host; the cluster runs the synchronizers.") }
        let base = YAMLText.dnsLabel(request.name ?? "synq-" + host.derivedSynchronizerName)
        let secretPath = target.outDirectory + "/" + KubernetesManifests.secretFileName
        let workloadPath = target.outDirectory + "/" + KubernetesManifests.workloadFileName
        do {
            try SecureFile.checkDestination(directory: target.outDirectory, files: [secretPath, workloadPath], tighten: false)
        } catch {
            throw ProvisionError.file(error)
        }
        say(request.dryRun ? preview("GET", Self.listPath, sent: true) : "Listing synchronizers to reuse those made for earlier replicas…")
        let existing = try await api.listSynchronizers().synchronizers
        var replicas: [ReplicaSynchronizer] = []
        var created: [CreatedSynchronizer] = []
        var reused = 0
        for ordinal in 0..<target.replicas {
            let name = KubernetesManifests.synchronizerName(base: base, ordinal: ordinal)
            let podName = "\(base)-\(ordinal)"
            let synchronizer: VerifiedSynchronizer
            if !request.forceNew, let found = existing.first(where: { $0.name == name }) {
                do {
                    synchronizer = try VerifiedSynchronizer(found)
                } catch {
                    throw ProvisionError.unsafeAnswer(error, requestedName: nil, created: created)
                }
                reused += 1
                say("Replica \(ordinal): reusing synchronizer \(synchronizer.id) (\(name))")
            } else if request.dryRun {
                say(preview("POST", Self.createPath, body: "{\"name\":\"\(name)\"}", sent: false))
                synchronizer = VerifiedSynchronizer(placeholderNamed: name)
            } else {
                let answer = try await api.createSynchronizer(name: name).synchronizer
                do {
                    synchronizer = try VerifiedSynchronizer(answer)
                } catch {
                    throw ProvisionError.unsafeAnswer(error, requestedName: name, created: created)
                }
                created.append(CreatedSynchronizer(id: synchronizer.id, name: name))
                say("Replica \(ordinal): created synchronizer \(synchronizer.id) (\(name))")
            }
            replicas.append(ReplicaSynchronizer(
                ordinal: ordinal, synchronizerID: synchronizer.id, name: name, key: synchronizer.key,
                syncHash: KubernetesManifests.syncHash(synchronizerID: synchronizer.id, name: name, podName: podName)
            ))
        }
        let manifests = KubernetesManifests(workloadName: base, wallet: wallet, replicas: replicas, namespace: target.namespace)
        if request.dryRun {
            say("Would write \(secretPath) (mode 0600):\n" + manifests.renderSecret(masked: true))
            say("Would write \(workloadPath) (mode 0644):\n" + manifests.renderWorkload())
        } else {
            do {
                // An existing --out folder keeps its mode (one others can write was refused above).
                try SecureFile.ensureDirectory(target.outDirectory, tighten: false)
                try SecureFile.write(Data(manifests.renderSecret().utf8), to: secretPath, mode: 0o600)
                try SecureFile.write(Data(manifests.renderWorkload().utf8), to: workloadPath, mode: 0o644)
            } catch {
                if !created.isEmpty { throw ProvisionError.notWrittenAfterCreate(error, created: created) }
                throw ProvisionError.file(error)
            }
            say("Wrote \(secretPath) (mode 0600, one key per replica) and \(workloadPath).")
            say("Apply with: kubectl apply -f \(ShellText.quote(secretPath)) -f \(ShellText.quote(workloadPath))")
        }
        return ProvisionOutcome(synchronizerIDs: replicas.map(\.synchronizerID), created: created.count, reused: reused, action: .none)
    }

    private func preview(_ method: String, _ path: String, body: String? = nil, sent: Bool) -> String {
        RequestPreview.describe(method, baseURL: enterpriseBaseURL, path: path, enterpriseKey: enterpriseKey, body: body, sent: sent)
    }

    static func isValidName(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && trimmed.count <= 64 && !trimmed.unicodeScalars.contains(where: Sanitizer.isUnsafe)
    }
}

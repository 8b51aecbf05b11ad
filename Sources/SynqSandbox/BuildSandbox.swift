import Foundation
import Hummingbird
import Logging
import NIOCore
import SynqAPI

/// The pieces of a built sandbox that `RunningSandbox` keeps hold of.
struct SandboxParts<App: ApplicationProtocol>: Sendable {
    var application: App
    var injector: FaultInjector
    var limiter: RateLimiter
    var store: SandboxStore
}

/// Builds the sandbox application (both APIs and the control routes on one port) without
/// running it: open and seed the database, arm the configured faults, wire the routes.
/// `onServerRunning` receives the port actually bound, which matters when `port` is 0.
public func buildSandbox(
    _ configuration: SandboxConfiguration,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    try await buildSandboxParts(configuration, onServerRunning: onServerRunning).application
}

func buildSandboxParts(
    _ configuration: SandboxConfiguration,
    onServerRunning: @escaping @Sendable (Int) async -> Void
) async throws -> SandboxParts<some ApplicationProtocol> {
    let configuration = try configuration.validated()
    let writer = try SandboxDatabase.open(path: configuration.databasePath)
    try await FleetSeeder(configuration: configuration).seedIfEmpty(writer)
    let store = SandboxStore(writer: writer)
    let injector = FaultInjector(configuration.faults)
    let limiter = RateLimiter(limit: configuration.rateLimit, window: configuration.rateWindow, now: configuration.now)

    let router = Router(context: SandboxRequestContext.self)
    if configuration.logLevel <= .info {
        router.add(middleware: LogRequestsMiddleware(.info))
    }
    // Faults apply before authentication, as a broken network or gateway in front of the API would.
    let enterprise = router.group("api/synq-keys/enterprise")
        .add(middleware: FaultMiddleware(injector: injector, service: .enterprise))
        .group(context: EnterpriseRequestContext.self)
        .add(middleware: EnterpriseAuthenticator(store: store))
    EnterpriseRoutes(store: store, now: configuration.now).register(on: enterprise)
    let synvo = router.group("user/api_keys")
        .add(middleware: RateLimitMiddleware(limiter: limiter))
        .add(middleware: FaultMiddleware(injector: injector, service: .synvo))
        .group(context: SynvoRequestContext.self)
        .add(middleware: SynvoAuthenticator(store: store, now: configuration.now))
    SynvoRoutes(store: store, now: configuration.now).register(on: synvo)
    let control = router.group("__sandbox").add(middleware: ControlGuardMiddleware())
    ControlRoutes(injector: injector, limiter: limiter, store: store).register(on: control)
    OutsideChangeRoutes(store: store).register(on: control)

    var logger = Logger(label: "synq.sandbox")
    logger.logLevel = configuration.logLevel
    let port = configuration.port
    let application = Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout))),
        configuration: .init(address: .hostname(configuration.host, port: port), serverName: "synq-sandbox"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger
    )
    return SandboxParts(application: application, injector: injector, limiter: limiter, store: store)
}

/// Builds the sandbox and runs it until SIGINT or SIGTERM, then shuts down gracefully.
/// This is what `synq sandbox` runs.
public func runSandbox(
    _ configuration: SandboxConfiguration,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws {
    let application = try await buildSandbox(configuration, onServerRunning: onServerRunning)
    do {
        try await application.runService()
    } catch {
        throw SandboxError.listening(host: configuration.host, port: configuration.port, String(describing: error))
    }
}

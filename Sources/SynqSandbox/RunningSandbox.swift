import Foundation
import Hummingbird

/// A sandbox running in a background task: what tests, `synq demo` and `synq sandbox` hold.
/// `start` returns once the port is bound; `stop` shuts the server down and waits for it.
public final class RunningSandbox: Sendable {
    /// The port actually bound (the chosen one when the configuration asked for 0).
    public let port: Int
    public let host: String
    /// The armed faults, for callers in the same process (others use `/__sandbox/faults`).
    public let faults: FaultInjector
    private let limiter: RateLimiter
    private let task: Task<Void, Never>

    private init(port: Int, host: String, faults: FaultInjector, limiter: RateLimiter, task: Task<Void, Never>) {
        self.port = port
        self.host = host
        self.faults = faults
        self.limiter = limiter
        self.task = task
    }

    /// Builds, seeds and starts a sandbox, returning once it accepts connections.
    public static func start(_ configuration: SandboxConfiguration) async throws -> RunningSandbox {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let parts = try await buildSandboxParts(configuration) { port in continuation.yield(port) }
        let failure = StartFailure()
        let task = Task {
            do {
                try await parts.application.run()
            } catch {
                await failure.record(error)
            }
            continuation.finish()
        }
        for await port in ports {
            return RunningSandbox(port: port, host: configuration.host, faults: parts.injector, limiter: parts.limiter, task: task)
        }
        let reason = await failure.reason ?? "the server stopped before it was listening"
        throw SandboxError.notStarted(reason)
    }

    /// Base URL of the Enterprise API, as clients take it: `http://HOST:PORT/api`.
    public var enterpriseURL: URL { URL(string: "http://\(urlHost):\(port)/api")! }
    /// Base URL of the Synvo API: `http://HOST:PORT`.
    public var synvoURL: URL { URL(string: "http://\(urlHost):\(port)")! }

    /// A host clients can dial: a wildcard bind is reached over loopback.
    private var urlHost: String {
        switch host {
        case "0.0.0.0", "": "127.0.0.1"
        case "::": "[::1]"
        default: host.contains(":") ? "[\(host)]" : host
        }
    }

    /// Clears faults and rate-limit windows (the database is kept).
    public func reset() async {
        await faults.clear()
        await limiter.reset()
    }

    /// Stops the server (held requests are cancelled) and waits until it has.
    public func stop() async {
        task.cancel()
        await task.value
    }

    /// Waits until the server stops by itself (it does not, unless it fails).
    public func wait() async {
        await task.value
    }
}

/// Why the server task ended before it was listening.
private actor StartFailure {
    private(set) var reason: String?
    func record(_ error: any Error) { reason = String(describing: error) }
}

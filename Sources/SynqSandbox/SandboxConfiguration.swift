import Foundation
import Logging

/// Everything a sandbox needs to start: where to listen, where its state lives, how big a
/// fleet to seed, the demo credentials, the Synvo rate limit and any faults to inject.
/// The defaults give the demo sandbox on 127.0.0.1:3000 with an in-memory database.
public struct SandboxConfiguration: Sendable {
    public var host: String
    /// 0 picks any free port; `RunningSandbox.port` tells which.
    public var port: Int
    /// SQLite file; `nil` keeps everything in memory.
    public var databasePath: String?
    /// Synchronizers seeded for the demo enterprise account.
    public var fleetSize: Int
    /// Seed of the deterministic fleet generator.
    public var seed: UInt64
    /// Dates in the seeded fleet lie before this one; `nil` means the start of today (UTC).
    public var referenceDate: Date?
    /// Key of the demo enterprise account.
    public var enterpriseKey: String
    /// Key of the demo Synvo user.
    public var synvoKey: String
    /// Synvo requests allowed per key per window.
    public var rateLimit: Int
    /// Length of the fixed Synvo rate-limit window.
    public var rateWindow: Duration
    /// Faults active from the start.
    public var faults: [FaultRule]
    /// Also seed Synvo keys whose statuses the API does not document (EXPIRED,
    /// PENDING_ROTATION), to see how clients meet an API that grew. Off by default: a user
    /// reads the demo as the real API.
    public var undocumentedStatuses: Bool
    /// A connection that has not sent a whole request head this long after it opened (or
    /// after its last answer) is closed, so half-open and slow-header connections cannot
    /// use up the server's descriptors. Requests being answered (a held fault) are not cut.
    public var idleTimeout: Duration
    public var logLevel: Logger.Level
    /// Current time, injectable so rate-limit windows can be tested without waiting.
    public var now: @Sendable () -> Date

    public static let defaultPort = 3000
    public static let defaultFleetSize = 40
    public static let defaultSeed: UInt64 = 20_240_115
    public static let defaultRateLimit = 100
    public static let defaultRateWindow: Duration = .seconds(3600)
    public static let defaultIdleTimeout: Duration = .seconds(15)
    /// Largest fleet the seeder accepts.
    public static let maxFleetSize = 1_000_000

    public init(
        host: String = "127.0.0.1",
        port: Int = SandboxConfiguration.defaultPort,
        databasePath: String? = nil,
        fleetSize: Int = SandboxConfiguration.defaultFleetSize,
        seed: UInt64 = SandboxConfiguration.defaultSeed,
        referenceDate: Date? = nil,
        enterpriseKey: String = SandboxCredentials.demoEnterpriseKey,
        synvoKey: String = SandboxCredentials.demoSynvoKey,
        rateLimit: Int = SandboxConfiguration.defaultRateLimit,
        rateWindow: Duration = SandboxConfiguration.defaultRateWindow,
        faults: [FaultRule] = [],
        undocumentedStatuses: Bool = false,
        idleTimeout: Duration = SandboxConfiguration.defaultIdleTimeout,
        logLevel: Logger.Level = .info,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.fleetSize = fleetSize
        self.seed = seed
        self.referenceDate = referenceDate
        self.enterpriseKey = enterpriseKey
        self.synvoKey = synvoKey
        self.rateLimit = rateLimit
        self.rateWindow = rateWindow
        self.faults = faults
        self.undocumentedStatuses = undocumentedStatuses
        self.idleTimeout = idleTimeout
        self.logLevel = logLevel
        self.now = now
    }

    /// A configuration for tests: any free port, quiet logs, in memory.
    public static func forTesting(fleetSize: Int = SandboxConfiguration.defaultFleetSize) -> SandboxConfiguration {
        SandboxConfiguration(port: 0, fleetSize: fleetSize, logLevel: .critical)
    }

    /// Checks values a user can get wrong on the command line.
    func validated() throws(SandboxError) -> SandboxConfiguration {
        guard (0...65535).contains(port) else { throw .badOption("port must be between 0 and 65535") }
        guard (0...Self.maxFleetSize).contains(fleetSize) else {
            throw .badOption("fleet size must be between 0 and \(Self.maxFleetSize)")
        }
        guard rateLimit >= 1 else { throw .badOption("rate limit must be at least 1") }
        guard rateWindow >= .milliseconds(1) else { throw .badOption("rate window must be positive") }
        guard idleTimeout >= .milliseconds(100) else { throw .badOption("idle timeout must be at least 0.1 seconds") }
        guard !enterpriseKey.isEmpty, !synvoKey.isEmpty else { throw .badOption("demo keys must not be empty") }
        for fault in faults { do { _ = try fault.validated() } catch { throw .badOption(error.description) } }
        return self
    }
}

import Foundation
import SynqAPI

/// Which fleet the TUI acts on: the profile and the endpoint hosts, for the top line. A
/// sandbox (`synq demo`, or any loopback host) and a profile named like production are
/// marked, so nobody toggles production believing it is staging.
public struct FleetIdentity: Sendable, Hashable {
    /// The profile the settings came from; nil when flags and environment alone set them.
    public var profile: String?
    /// `host` or `host:port` of each API.
    public var enterpriseHost: String
    public var synvoHost: String
    /// True for `synq demo`, whose sandbox is started by synq itself.
    public var isDemo: Bool

    public init(profile: String?, enterpriseHost: String, synvoHost: String, isDemo: Bool = false) {
        self.profile = profile
        self.enterpriseHost = enterpriseHost
        self.synvoHost = synvoHost
        self.isDemo = isDemo
    }

    /// `host` or `host:port` of a base URL ("?" when it has none).
    public static func host(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return "?" }
        let shown = host.contains(":") ? "[\(host)]" : host
        return components.port.map { "\(shown):\($0)" } ?? shown
    }

    public init(profile: String?, enterpriseURL: String, synvoURL: String, isDemo: Bool = false) {
        self.init(profile: profile, enterpriseHost: Self.host(of: enterpriseURL), synvoHost: Self.host(of: synvoURL), isDemo: isDemo)
    }

    public func host(for service: Service) -> String { service == .enterprise ? enterpriseHost : synvoHost }

    /// The name the top line shows for the profile: "env" when flags and environment set
    /// everything (no profile was read), "demo" for `synq demo`.
    public var profileLabel: String { profile ?? (isDemo ? "demo" : "env") }

    /// True when the profile's name reads as production: a word of it (split at `-`, `_`,
    /// `.`) is prod, production, prd or live.
    public var isProduction: Bool {
        guard let profile else { return false }
        let words = profile.lowercased().split { $0 == "-" || $0 == "_" || $0 == "." }
        return words.contains { ["prod", "production", "prd", "live"].contains($0) }
    }

    /// True when the service's host is a sandbox: the demo's, or loopback.
    public func isSandbox(_ service: Service) -> Bool {
        if isDemo { return true }
        var host = host(for: service)
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") {
            host = String(host[host.index(after: host.startIndex)..<end])
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        return host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// What the top line shows before a fleet is known (tests, an unconfigured run).
    public static let unknown = FleetIdentity(profile: nil, enterpriseHost: "?", synvoHost: "?")
}

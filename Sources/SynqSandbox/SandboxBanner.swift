import Foundation

/// What `synq sandbox` prints once it listens: where both APIs are, and the demo keys as
/// `export` lines to paste. Keys the user supplied are not echoed.
public struct SandboxBanner: Sendable {
    let configuration: SandboxConfiguration
    let customEnterpriseKey: Bool
    let customSynvoKey: Bool
    let quiet: Bool

    public init(configuration: SandboxConfiguration, customEnterpriseKey: Bool, customSynvoKey: Bool, quiet: Bool) {
        self.configuration = configuration
        self.customEnterpriseKey = customEnterpriseKey
        self.customSynvoKey = customSynvoKey
        self.quiet = quiet
    }

    /// Writes the banner to standard output in one unbuffered write, so a script reading the
    /// first line learns the port at once.
    public func print(port: Int) {
        FileHandle.standardOutput.write(Data((text(port: port)).utf8))
    }

    public func text(port: Int) -> String {
        let host = configuration.host == "0.0.0.0" || configuration.host == "::" ? "127.0.0.1" : configuration.host
        let base = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        var lines = ["synq sandbox listening on \(base)"]
        if !quiet {
            let enterpriseKey = customEnterpriseKey ? "<your key>" : configuration.enterpriseKey
            let synvoKey = customSynvoKey ? "<your key>" : configuration.synvoKey
            lines += [
                "",
                "  export ENTERPRISE_API_URL=\(base)/api",
                "  export ENTERPRISE_API_KEY=\(enterpriseKey)",
                "  export SYNVO_BASE_URL=\(base)",
                "  export SYNVO_API_KEY=\(synvoKey)",
                "",
                "  Other demo keys (public sandbox values):",
                "    enterprise, another owner (toggling its synchronizers gets 403)  \(SandboxCredentials.otherEnterpriseKey)",
                "    not enterprise (gets 401)                                        \(SandboxCredentials.nonEnterpriseKey)",
            ]
            if configuration.undocumentedStatuses {
                lines += [
                    "    Synvo revoked / expired / suspended (each gets its 401 code)     \(SandboxCredentials.revokedSynvoKey)",
                    "                                                                     \(SandboxCredentials.expiredSynvoKey)",
                    "                                                                     \(SandboxCredentials.suspendedSynvoKey)",
                ]
            } else {
                lines += [
                    "    Synvo revoked / suspended (each gets its 401 code)               \(SandboxCredentials.revokedSynvoKey)",
                    "                                                                     \(SandboxCredentials.suspendedSynvoKey)",
                ]
            }
            lines += [
                "",
                "  Fleet: \(configuration.fleetSize) synchronizers\(configuration.databasePath.map { " in \($0)" } ?? " in memory");"
                    + " Synvo limit \(configuration.rateLimit) per \(windowText) per key.",
                "  Faults: curl -X POST \(base)/__sandbox/faults -H 'Content-Type: application/json' -d '{\"route\":\"*\",\"kind\":\"status\",\"status\":503,\"count\":1}'",
                "  Stop with Ctrl-C.",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var windowText: String {
        let seconds = configuration.rateWindow.components.seconds
        if seconds >= 3600, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds >= 60, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(configuration.rateWindow)"
    }
}

import Foundation
import SynqAPI
import SynqSandbox

/// Starts a real sandbox on a free loopback port for the length of one test body.
public func withSandbox<T>(
    _ configuration: SandboxConfiguration = .forTesting(),
    _ body: (RunningSandbox) async throws -> T
) async throws -> T {
    let sandbox = try await RunningSandbox.start(configuration)
    do {
        let result = try await body(sandbox)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

extension RunningSandbox {
    /// The environment a user would export to point `synq` at this sandbox.
    public func environment(
        enterpriseKey: String? = SandboxCredentials.demoEnterpriseKey,
        synvoKey: String? = SandboxCredentials.demoSynvoKey
    ) -> [String: String] {
        var env = ["ENTERPRISE_API_URL": enterpriseURL.absoluteString, "SYNVO_BASE_URL": synvoURL.absoluteString]
        if let enterpriseKey { env["ENTERPRISE_API_KEY"] = enterpriseKey }
        if let synvoKey { env["SYNVO_API_KEY"] = synvoKey }
        return env
    }

    /// A live client for this sandbox, as a user of the library would build it.
    public func enterprise(key: String = SandboxCredentials.demoEnterpriseKey, timeout: TimeInterval = 15, maxResponseBytes: Int = 512 * 1_048_576) throws -> EnterpriseClient {
        EnterpriseClient(
            endpoint: try ServiceEndpoint(.enterprise, url: enterpriseURL.absoluteString), apiKey: Secret(key),
            transport: AsyncHTTPClientTransport(timeout: timeout, maxResponseBytes: maxResponseBytes)
        )
    }

    public func synvo(key: String = SandboxCredentials.demoSynvoKey, timeout: TimeInterval = 15) throws -> SynvoClient {
        SynvoClient(
            endpoint: try ServiceEndpoint(.synvo, url: synvoURL.absoluteString), apiKey: Secret(key),
            transport: AsyncHTTPClientTransport(timeout: timeout)
        )
    }
}

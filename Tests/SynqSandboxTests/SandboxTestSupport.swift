import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SynqAPI
import SynqSandbox

/// Runs `body` against a freshly started sandbox on a free loopback port, then stops it.
func withSandbox<T>(
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

/// A raw HTTP answer, for checking status codes, headers and bodies byte for byte.
struct RawAnswer {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
}

extension RunningSandbox {
    /// Sends one request over real loopback HTTP with URLSession.
    func raw(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> RawAnswer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try require_http(response)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return RawAnswer(status: http.statusCode, headers: fields, body: data)
    }

    func enterprise(key: String = SandboxCredentials.demoEnterpriseKey) throws -> EnterpriseClient {
        EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: enterpriseURL.absoluteString), apiKey: Secret(key))
    }

    func synvo(key: String = SandboxCredentials.demoSynvoKey) throws -> SynvoClient {
        SynvoClient(endpoint: try ServiceEndpoint(.synvo, url: synvoURL.absoluteString), apiKey: Secret(key))
    }
}

struct NotHTTP: Error {}

private func require_http(_ response: URLResponse) throws -> HTTPURLResponse {
    guard let http = response as? HTTPURLResponse else { throw NotHTTP() }
    return http
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
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

/// A raw HTTP answer, for checking status codes, headers and bodies exactly as sent.
struct RawAnswer {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    var object: [String: Any]? { json as? [String: Any] }
}

struct NotHTTP: Error {}

extension RunningSandbox {
    /// Sends one request over real loopback HTTP with URLSession.
    func raw(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) async throws -> RawAnswer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw NotHTTP() }
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

/// A clock the test moves by hand, so rate-limit windows can pass without waiting.
final class ManualClock: Sendable {
    private let time: Mutex<Date>

    init(_ start: Date) { time = Mutex(start) }

    var now: Date { time.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        time.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Runs an API call expected to fail and returns its error (nil if it succeeded).
func failure<T>(_ call: () async throws -> T) async -> APIError? {
    do {
        _ = try await call()
        return nil
    } catch {
        return error as? APIError
    }
}

/// A fresh directory under the system temporary folder, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("synq-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

import Foundation
import SynqAPI
import SynqSandbox

/// A raw HTTP answer, for checking status codes, headers and bodies exactly as sent.
public struct RawAnswer: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as a JSON object, or nil when it is not one.
    public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    public var object: [String: Any]? { json }
}

public struct NotHTTP: Error {}
public struct FaultNotArmed: Error { public var status: Int }

extension RunningSandbox {
    /// Sends one request over real loopback HTTP with the live transport, bypassing the clients.
    public func raw(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) async throws -> RawAnswer {
        guard let verb = HTTPRequest.Method(rawValue: method) else { throw NotHTTP() }
        let request = HTTPRequest(method: verb, url: URL(string: "http://127.0.0.1:\(port)\(path)")!, headers: headers, body: body.map { Data($0.utf8) })
        let answer = try await AsyncHTTPClientTransport(timeout: 60, proxies: .none).send(request)
        return RawAnswer(status: answer.status, headers: answer.headers, body: answer.body)
    }

    /// Arms a fault through the documented control route, as a fault campaign would.
    public func inject(_ rule: FaultRule) async throws {
        let body = String(decoding: try JSONCoding.encoder().encode(rule), as: UTF8.self)
        let answer = try await raw("POST", "/__sandbox/faults", headers: ["Content-Type": "application/json"], body: body)
        guard answer.status == 201 else { throw FaultNotArmed(status: answer.status) }
    }
}

/// Runs an API call expected to fail and returns its error (nil if it succeeded, or failed
/// with something other than an `APIError`, which the comparison then reports).
public func failure<T>(_ call: () async throws -> T) async -> APIError? {
    do {
        _ = try await call()
        return nil
    } catch {
        return error as? APIError
    }
}

import Foundation

/// What an injected fault does to a matching request.
public enum FaultKind: String, Codable, Sendable, CaseIterable {
    /// Wait `latencyMs` (or until the faults are cleared) before answering normally.
    case latency
    /// Answer `status` with the API's own error body shape.
    case status
    /// Answer 200 with a body that is not JSON.
    case malformed
    /// Answer 200 with the real body cut in half; `Content-Length` matches the bytes sent.
    case truncated
    /// Close the connection without any response.
    case drop
    /// Never answer: hold the request until the client gives up (at most 10 minutes, or
    /// until the faults are cleared), then close the connection.
    case hang
    /// Answer the real body padded with an unknown field to `bytes` (default 50 MB).
    case large
    /// Answer the real body with a field of the wrong type (`field`, or the main collection).
    case wrongType
    /// Answer `status` (default 200) with exactly the bytes of `bodyBase64`, as
    /// `application/json`, whatever they are: hostile text, invalid UTF-8, anything.
    case body
    /// Answer the real status and headers at once, then the body one byte every `intervalMs`
    /// (default 1000): a server that never stalls long enough for an idle timeout but takes
    /// ages to finish, for testing a client's total deadline. Clearing the faults sends the
    /// rest at once.
    case trickle
}

/// One fault to inject: which requests it matches, what it does, and how many times.
///
/// `route` is `"*"`, a path (`/api/synq-keys/enterprise/synchronizers`), a method and a path
/// (`GET /user/api_keys/list`), or either ending in `*` for a prefix. Path parameters may be
/// written as `:id` (`PUT /api/synq-keys/enterprise/synchronizer/:id/toggle`).
public struct FaultRule: Codable, Sendable, Equatable {
    public var route: String
    public var kind: FaultKind
    public var status: Int?
    public var latencyMs: Int?
    /// How many matching requests this rule affects; `nil` means until cleared.
    public var count: Int?
    /// Body size for `.large`.
    public var bytes: Int?
    /// Field to retype for `.wrongType`.
    public var field: String?
    /// The raw answer for `.body`, base64 so any bytes (invalid UTF-8 too) fit in JSON.
    public var bodyBase64: String?
    /// Milliseconds between two bytes of a `.trickle` body.
    public var intervalMs: Int?

    public init(route: String = "*", kind: FaultKind, status: Int? = nil, latencyMs: Int? = nil,
                count: Int? = nil, bytes: Int? = nil, field: String? = nil, bodyBase64: String? = nil,
                intervalMs: Int? = nil) {
        self.route = route
        self.kind = kind
        self.status = status
        self.latencyMs = latencyMs
        self.count = count
        self.bytes = bytes
        self.field = field
        self.bodyBase64 = bodyBase64
        self.intervalMs = intervalMs
    }

    /// Largest body `.large` will send, so a typo cannot exhaust memory.
    public static let maxLargeBytes = 512 * 1_048_576
    public static let defaultLargeBytes = 50 * 1_048_576
    /// Longest a `.hang` or `.latency` holds a request.
    public static let maxHold: Duration = .seconds(600)
    public static let defaultTrickleIntervalMs = 1000

    /// Checks the values a rule needs, so a bad rule is refused when added, not when it fires.
    public func validated() throws(FaultRuleError) -> FaultRule {
        if route.trimmingCharacters(in: .whitespaces).isEmpty { throw .emptyRoute }
        if let count, count < 1 { throw .badCount(count) }
        switch kind {
        case .status:
            guard let status, (400...599).contains(status) else { throw .badStatus(status) }
        case .latency:
            guard let latencyMs, latencyMs >= 0, latencyMs <= 600_000 else { throw .badLatency(latencyMs) }
        case .large:
            if let bytes, bytes < 1 || bytes > Self.maxLargeBytes { throw .badBytes(bytes) }
        case .body:
            if let status, !(200...599).contains(status) { throw .badBodyStatus(status) }
            guard bodyData != nil else { throw .badBody }
        case .trickle:
            if let intervalMs, intervalMs < 1 || intervalMs > 600_000 { throw .badInterval(intervalMs) }
        default:
            break
        }
        return self
    }

    /// The decoded bytes of `bodyBase64`, nil when missing or not base64.
    public var bodyData: Data? {
        bodyBase64.flatMap { Data(base64Encoded: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// True when the rule applies to a request with this method and path.
    func matches(method: String, path: String) -> Bool {
        var pattern = route.trimmingCharacters(in: .whitespaces)
        if pattern == "*" { return true }
        if let space = pattern.firstIndex(of: " ") {
            let ruleMethod = pattern[..<space]
            guard ruleMethod.caseInsensitiveCompare(method) == .orderedSame else { return false }
            pattern = pattern[pattern.index(after: space)...].trimmingCharacters(in: .whitespaces)
        }
        if pattern == "*" { return true }
        if pattern.hasSuffix("*") { return path.hasPrefix(String(pattern.dropLast())) }
        let want = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let have = path.split(separator: "/", omittingEmptySubsequences: true)
        guard want.count == have.count else { return false }
        return zip(want, have).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }
}

import Foundation
import SynqAPI
import SynqText

extension FaultRule {
    /// Reads a rule from the command line: either the JSON the control route takes, or the
    /// short form `KIND[:VALUE][@ROUTE][#COUNT]`, e.g. `status:503@GET /user/api_keys/list#3`,
    /// `latency:2000`, `drop#1`, `large:1048576`, `wrongType:isEnabled`, `body:eyJ9`, `trickle:2000`.
    /// VALUE is the status for `status`, milliseconds for `latency`, bytes for `large`, the
    /// field name for `wrongType`, the base64 answer for `body` (sent with status 200) and
    /// the milliseconds between two body bytes for `trickle`.
    public init(parsing text: String) throws(FaultRuleError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") {
            do {
                self = try JSONCoding.decoder().decode(FaultRule.self, from: Data(trimmed.utf8))
            } catch {
                throw .unreadable(Sanitizer.clean(String(trimmed.prefix(120))))
            }
            self = try validated()
            return
        }
        var rest = Substring(trimmed)
        var count: Int?
        if let hash = rest.lastIndex(of: "#") {
            guard let value = Int(rest[rest.index(after: hash)...]) else { throw .badCount(0) }
            count = value
            rest = rest[..<hash]
        }
        var route = "*"
        if let at = rest.firstIndex(of: "@") {
            route = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, let kind = FaultKind.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw .unknownKind(Sanitizer.clean(String(rest.prefix(40))))
        }
        let value = parts.count > 1 ? parts[1] : nil
        var rule = FaultRule(route: route, kind: kind, count: count)
        switch kind {
        case .status:
            guard let value, let status = Int(value) else { throw .badStatus(nil) }
            rule.status = status
        case .latency:
            guard let value, let ms = Int(value) else { throw .badLatency(nil) }
            rule.latencyMs = ms
        case .large:
            if let value {
                guard let bytes = Int(value) else { throw .badBytes(nil) }
                rule.bytes = bytes
            }
        case .wrongType:
            rule.field = value
        case .body:
            rule.bodyBase64 = value
        case .trickle:
            if let value {
                guard let ms = Int(value) else { throw .badInterval(nil) }
                rule.intervalMs = ms
            }
        default:
            break
        }
        self = try rule.validated()
    }
}

import Foundation

/// Why a fault rule was refused.
public enum FaultRuleError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case unreadable(String)
    case unknownKind(String)
    case emptyRoute
    case badCount(Int)
    case badStatus(Int?)
    case badLatency(Int?)
    case badBytes(Int?)
    case badBody
    case badBodyStatus(Int)
    case badInterval(Int?)

    public var description: String {
        switch self {
        case .unreadable(let text): "fault rule is not valid JSON: \(text)"
        case .unknownKind(let text):
            "unknown fault kind \"\(text)\"; use one of \(FaultKind.allCases.map(\.rawValue).joined(separator: ", "))"
        case .emptyRoute: "fault rule needs a route (\"*\" for every route)"
        case .badCount(let count): "fault count must be at least 1 (got \(count))"
        case .badStatus(let status): "a status fault needs a status between 400 and 599 (got \(status.map(String.init) ?? "none"))"
        case .badLatency(let ms): "a latency fault needs latencyMs between 0 and 600000 (got \(ms.map(String.init) ?? "none"))"
        case .badBytes(let bytes): "a large fault needs bytes between 1 and \(FaultRule.maxLargeBytes) (got \(bytes.map(String.init) ?? "none"))"
        case .badBody: "a body fault needs bodyBase64: the answer's bytes in base64"
        case .badBodyStatus(let status): "a body fault's status must be between 200 and 599 (got \(status))"
        case .badInterval(let ms): "a trickle fault needs intervalMs between 1 and 600000 (got \(ms.map(String.init) ?? "none"))"
        }
    }

    public var errorDescription: String? { description }
}

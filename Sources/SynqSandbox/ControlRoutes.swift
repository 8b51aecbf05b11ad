import Foundation
import Hummingbird
import SynqAPI

/// The sandbox's own control API under `/__sandbox`, for tests and fault campaigns:
/// list, add and clear faults, reset runtime state, and a health check. Loopback peers only.
struct ControlRoutes: Sendable {
    let injector: FaultInjector
    let limiter: RateLimiter
    let store: SandboxStore

    struct FaultsBody: Encodable { var faults: [FaultRule] }
    struct ClearedBody: Encodable { var cleared: Int }
    struct ErrorBody: Encodable { var error: String }
    struct HealthBody: Encodable {
        var status = "ok"
        var synchronizers: Int
    }

    func register(on group: RouterGroup<SandboxRequestContext>) {
        group.get("faults") { _, _ in JSONResponses.make(FaultsBody(faults: await injector.active)) }
        group.post("faults") { request, context in try await addFaults(request, context: context) }
        group.delete("faults") { _, _ in JSONResponses.make(ClearedBody(cleared: await injector.clear())) }
        group.post("reset") { _, _ in
            let cleared = await injector.clear()
            await limiter.reset()
            return JSONResponses.make(ClearedBody(cleared: cleared))
        }
        group.get("health") { _, _ in
            JSONResponses.make(HealthBody(synchronizers: try await store.synchronizerCount()))
        }
    }

    /// One rule object or an array of them.
    enum FaultRules: Decodable {
        case one(FaultRule)
        case many([FaultRule])

        init(from decoder: any Decoder) throws {
            if let one = try? FaultRule(from: decoder) {
                self = .one(one)
            } else {
                self = .many(try [FaultRule](from: decoder))
            }
        }

        var rules: [FaultRule] {
            switch self {
            case .one(let rule): [rule]
            case .many(let rules): rules
            }
        }
    }

    /// Takes one rule object or an array of them; all are checked before any is armed. The
    /// context's upload limit leaves room for a `body` fault carrying a hostile list.
    private func addFaults(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let rules: [FaultRule]
        do {
            rules = try await request.decode(as: FaultRules.self, context: context).rules
        } catch let error as HTTPError where error.status != .badRequest {
            return JSONResponses.make(ErrorBody(error: error.body ?? error.status.reasonPhrase), status: error.status)
        } catch {
            let kinds = FaultKind.allCases.map(\.rawValue).joined(separator: "|")
            return JSONResponses.make(ErrorBody(error: "expected {\"route\":..., \"kind\":\"\(kinds)\", ...}"), status: .badRequest)
        }
        var checked: [FaultRule] = []
        for rule in rules {
            switch Result(catching: { () throws(FaultRuleError) -> FaultRule in try rule.validated() }) {
            case .success(let valid): checked.append(valid)
            case .failure(let error): return JSONResponses.make(ErrorBody(error: error.description), status: .badRequest)
            }
        }
        for rule in checked { try? await injector.add(rule) }
        return JSONResponses.make(FaultsBody(faults: await injector.active), status: .created)
    }
}

/// Guards the control routes: only peers on this machine (even when the sandbox listens on a
/// public address), and only `application/json` POSTs. A web page open in the user's browser
/// can send a cross-origin POST with a form or `text/plain` body without asking first, but
/// not an `application/json` one, so it cannot arm faults or reset the sandbox.
struct ControlGuardMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.peerIsLoopback else {
            return JSONResponses.make(ControlRoutes.ErrorBody(error: "control routes answer loopback peers only"), status: .forbidden)
        }
        if request.method == .post, !request.hasContentType("application/json") {
            return JSONResponses.make(ControlRoutes.ErrorBody(error: "control POSTs must be Content-Type: application/json"), status: .unsupportedMediaType)
        }
        return try await next(request, context)
    }
}

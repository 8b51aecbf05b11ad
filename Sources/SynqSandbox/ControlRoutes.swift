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
        group.post("faults") { request, _ in try await addFaults(request) }
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

    /// Takes one rule object or an array of them; all are checked before any is armed. The
    /// limit leaves room for a `body` fault carrying a hostile list.
    private func addFaults(_ request: Request) async throws -> Response {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: 4 * 1_048_576) else {
            return JSONResponses.make(ErrorBody(error: "body too large"), status: .badRequest)
        }
        let data = Data(buffer: buffer)
        let decoder = JSONCoding.decoder()
        let rules: [FaultRule]
        if let one = try? decoder.decode(FaultRule.self, from: data) {
            rules = [one]
        } else if let many = try? decoder.decode([FaultRule].self, from: data) {
            rules = many
        } else {
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

/// Refuses control requests from any peer that is not on this machine, even when the
/// sandbox listens on a public address.
struct LoopbackOnlyMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.peerIsLoopback else {
            return JSONResponses.make(ControlRoutes.ErrorBody(error: "control routes answer loopback peers only"), status: .forbidden)
        }
        return try await next(request, context)
    }
}

import Foundation
import Hummingbird
import SynqAPI

/// Puts every Synvo request through the rate limiter: 429 `RATE_LIMITED` past the limit,
/// and the three `X-RateLimit-*` headers on every response, errors included.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The budget belongs to the presented key, valid or not, as a real gateway counts it.
        let key = request.headers[.synvoAPIKey] ?? ""
        let decision = await limiter.spend(key)
        var response: Response
        if !decision.allowed {
            response = JSONResponses.synvoError(.tooManyRequests, DocumentedErrors.rateLimited, code: SynvoErrorCode.rateLimited.rawValue)
        } else {
            do {
                response = try await next(request, context)
            } catch let rejection as APIRejection {
                response = rejection.response
            } catch let error as HTTPError {
                response = JSONResponses.synvoError(error.status, error.body ?? error.status.reasonPhrase, code: nil)
            }
        }
        response.headers[.rateLimitLimit] = String(decision.rateLimit.limit)
        response.headers[.rateLimitRemaining] = String(decision.rateLimit.remaining)
        response.headers[.rateLimitReset] = String(Int(decision.rateLimit.reset.timeIntervalSince1970))
        return response
    }
}

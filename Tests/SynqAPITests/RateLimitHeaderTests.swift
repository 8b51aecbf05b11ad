import Foundation
import Testing
@testable import SynqAPI

/// Rate-limit times come from server headers; numbers `Double` accepts but no date can hold
/// ("1e300", "inf", "nan") once trapped where the time became whole seconds (found by
/// Fuzz/run.sh decode).
@Suite struct RateLimitHeaderTests {
    static func headers(reset: String) -> [String: String] {
        ["X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset]
    }

    @Test func aPlausibleResetIsRead() throws {
        let limit = try #require(RateLimit(headers: Self.headers(reset: " 1705420800 ")))
        #expect(limit.reset == Date(timeIntervalSince1970: 1_705_420_800))
    }

    @Test(arguments: ["1e300", "1e30", "inf", "-inf", "nan", "-5", "253402300800"])
    func anImplausibleResetIsNoRateLimit(reset: String) throws {
        #expect(RateLimit(headers: Self.headers(reset: reset)) == nil)
    }

    @Test(arguments: ["nan", "inf", "1e300", "-3"])
    func a429WithAnImplausibleRetryAfterStillDescribesItself(retryAfter: String) throws {
        let interpreter = ResponseInterpreter(service: .synvo, redact: Redactor([]))
        var headers = Self.headers(reset: "1e300")
        headers["Retry-After"] = retryAfter
        let error = interpreter.error(for: HTTPResponse(status: 429, headers: headers, body: Data("{}".utf8)))
        #expect(error == .rateLimited(.synvo, resetAt: nil, rateLimit: nil))
        #expect(error.description == "Synvo API: rate limited; try again later")
    }

    @Test func aPlausibleRetryAfterCountsDown() {
        let interpreter = ResponseInterpreter(service: .enterprise, redact: Redactor([]))
        let error = interpreter.error(for: HTTPResponse(status: 429, headers: ["Retry-After": "30"], body: Data()))
        #expect(error.description.hasPrefix("Enterprise API: rate limited; the limit resets in "))
    }

    @Test func aLongWaitReadsAsMinutesNotSeconds() {
        let error = APIError.rateLimited(.synvo, resetAt: Date().addingTimeInterval(1312), rateLimit: nil)
        #expect(error.description.hasPrefix("Synvo API: rate limited; the limit resets in 21m "), "\(error.description)")
        #expect(!error.description.contains("1312s"))
    }
}

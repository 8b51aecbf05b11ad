import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

@Suite struct RateLimitTests {
    func keysAnswer(remaining: Int, limit: Int = 100, resetIn seconds: TimeInterval, from now: TimeInterval) -> Result<RateLimited<SynvoKeyList>, APIError> {
        .success(RateLimited(value: SynvoKeyList(items: [synvoKey("key_a", "A")]),
                             rateLimit: RateLimit(limit: limit, remaining: remaining, reset: at(now + seconds))))
    }

    @Test func budgetIntervalStretchesToLastUntilTheReset() {
        let budget = RateLimitBudget(limit: 100, remaining: 55, reset: at(3600))
        #expect(budget.reserve == 5)
        #expect(budget.pollInterval(base: 5, now: t0) == 72, "3600 s / (55 - 5) requests")
        #expect(RateLimitBudget(limit: 1000, remaining: 999, reset: at(60)).pollInterval(base: 5, now: t0) == 5, "plenty: the base interval")
        #expect(RateLimitBudget(limit: 100, remaining: 5, reset: at(600)).pollInterval(base: 5, now: t0) == 600, "only the reserve left: wait for the reset")
        #expect(RateLimitBudget(limit: 100, remaining: 0, reset: at(-1)).pollInterval(base: 5, now: t0) == 5, "past the reset: back to normal")
    }

    @Test func thePollerSpendsTheBudgetEvenly() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.keysLoaded(keysAnswer(remaining: 15, resetIn: 1000, from: 1), at: at(1)), at: 1)
        #expect(h.state.rateLimit == RateLimitBudget(limit: 100, remaining: 15, reset: at(1001)))
        #expect(h.state.keysResource.nextPoll == at(101), "1000 s / (15 - 5) = 100 s")
        #expect(h.send(.tick(at(100)), at: 100).isEmpty)
        #expect(h.send(.tick(at(101)), at: 101) == [.fetch(.keys)])
    }

    @Test func a429BlocksUntilTheResetWithACountdown() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.tick(at(5)), at: 5)
        let limit = RateLimit(limit: 100, remaining: 0, reset: at(65))
        h.send(.keysLoaded(.failure(.rateLimited(.synvo, resetAt: at(65), rateLimit: limit)), at: at(5)), at: 5)
        #expect(h.state.rateLimitCountdown == 60)
        #expect(h.state.keysResource.nextPoll == at(65))
        #expect(h.state.keysResource.failure?.isRateLimited == true)
        #expect(h.state.nextWake() == at(6), "the countdown ticks every second")
        h.send(.tick(at(20.5)), at: 20.5)
        #expect(h.state.rateLimitCountdown == 45)
        // Nothing is sent while blocked, whatever the user presses.
        #expect(h.press(.character("r")).isEmpty)
        #expect(h.state.message?.text == "Synvo rate limit: next request in 45s")
        #expect(h.press(.character("n")).isEmpty)
        #expect(h.state.modal == nil)
        #expect(h.state.message?.kind == .error)
        for second in stride(from: 21.0, to: 65, by: 1) {
            #expect(!h.send(.tick(at(second)), at: second).contains(.fetch(.keys)))
        }
        #expect(h.send(.tick(at(65)), at: 65) == [.fetch(.keys)])
        #expect(h.state.rateLimitCountdown == nil)
    }

    @Test func a429LeavesNoFrozenCountdownInTheText() {
        // Text written at the 429 ("the limit resets in 60s") would stay on screen unchanged
        // while the countdown segment runs; the kept texts leave the timing to the countdown.
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.tick(at(5)), at: 5)
        let limit = RateLimit(limit: 100, remaining: 0, reset: at(65))
        h.send(.keysLoaded(.failure(.rateLimited(.synvo, resetAt: at(65), rateLimit: limit)), at: at(5)), at: 5)
        #expect(h.state.keysResource.failure?.message == "Synvo API: rate limited (429)")
        h.send(.keyCreated(name: "CI", .failure(.rateLimited(.synvo, resetAt: at(65), rateLimit: limit)), at: at(6)), at: 6)
        #expect(h.state.message?.text == "Could not create the Synvo key (not retried): Synvo API: rate limited (429)")
        #expect(h.state.rateLimitCountdown == 59)
    }

    @Test func aResetFarInTheFutureIsCappedAtAnHour() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.keysLoaded(keysAnswer(remaining: 6, resetIn: 86_400 * 30, from: 0), at: t0), at: 0)
        #expect(h.state.keysResource.nextPoll == at(3600))
        h.send(.tick(at(3600)), at: 3600)
        h.send(.keysLoaded(.failure(.rateLimited(.synvo, resetAt: at(86_400 * 30), rateLimit: nil)), at: at(3600)), at: 3600)
        #expect(h.state.rateLimitCountdown == 3600)
    }

    @Test func a429WithoutResetWaitsAMinute() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.tick(at(5)), at: 5)
        h.send(.keysLoaded(.failure(.rateLimited(.synvo, resetAt: nil, rateLimit: nil)), at: at(5)), at: 5)
        #expect(h.state.rateLimitCountdown == 60)
    }

    @Test func switchingToTheKeysPaneWhileBlockedWaits() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.tick(at(5)), at: 5)
        h.send(.keysLoaded(.failure(.rateLimited(.synvo, resetAt: at(100), rateLimit: nil)), at: at(5)), at: 5)
        h.press(.character("1"))
        #expect(h.press(.character("3")).isEmpty)
        #expect(h.state.keysResource.nextPoll == at(100))
    }

    @Test func createIsRefusedWhenTheBudgetIsSpent() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.keysLoaded(keysAnswer(remaining: 0, resetIn: 30, from: 0), at: t0), at: 0)
        h.press(.character("n"))
        #expect(h.state.modal == nil)
        #expect(h.state.message?.text == "Synvo rate limit reached: try again in 30s")
    }

    @Test func refreshIsRefusedWhenTheBudgetIsSpent() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.keysLoaded(keysAnswer(remaining: 0, resetIn: 90, from: 0), at: t0), at: 0)
        #expect(h.press(.character("r")).isEmpty)
        #expect(h.state.message?.text == "Synvo rate limit: next request in 1m 30s")
        #expect(h.state.keysResource.nextPoll == at(90), "the poller itself waits for the reset")
        #expect(h.send(.tick(at(89)), at: 89).isEmpty)
        #expect(h.send(.tick(at(90)), at: 90) == [.fetch(.keys)])
    }

    @Test func theEnterpriseAPIIsNotBudgeted() {
        var h = Harness.loaded()
        h.send(.keysLoaded(keysAnswer(remaining: 6, resetIn: 3600, from: 0), at: t0), at: 0)
        h.send(.tick(at(5)), at: 5)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet)), at: at(5)), at: 5)
        #expect(h.state.synchronizersResource.nextPoll == at(10))
    }
}

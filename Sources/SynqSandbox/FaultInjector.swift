import Foundation

/// The faults currently armed. Each matching request takes the first matching rule and
/// spends one of its `count`; a rule is gone once its count reaches zero.
///
/// Clearing the rules also releases the requests that `latency` and `hang` rules are
/// holding: a delayed request answers at once, a hung one is dropped (still no answer).
public actor FaultInjector {
    private var rules: [FaultRule]
    /// How many times the rules were cleared; a held request is released once this moves
    /// past the value it was taken at.
    private var clears = 0

    public init(_ rules: [FaultRule] = []) {
        self.rules = rules
    }

    /// A rule a request took, and the clear count at that moment (for `isReleased`).
    struct Taken: Sendable {
        var rule: FaultRule
        var clears: Int
    }

    /// The rule to apply to this request, if any, counting it against the rule.
    func take(method: String, path: String) -> Taken? {
        guard let index = rules.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let rule = rules[index]
        if let count = rule.count {
            if count <= 1 {
                rules.remove(at: index)
            } else {
                rules[index].count = count - 1
            }
        }
        return Taken(rule: rule, clears: clears)
    }

    /// True once the rules were cleared after a rule was taken at `clears`.
    func isReleased(since clears: Int) -> Bool { self.clears != clears }

    public func add(_ rule: FaultRule) throws(FaultRuleError) {
        rules.append(try rule.validated())
    }

    /// Removes every rule, releases every held request, and says how many rules there were.
    @discardableResult
    public func clear() -> Int {
        defer {
            rules = []
            clears += 1
        }
        return rules.count
    }

    public var active: [FaultRule] { rules }
}

import Foundation

/// The faults currently armed. Each matching request takes the first matching rule and
/// spends one of its `count`; a rule is gone once its count reaches zero.
public actor FaultInjector {
    private var rules: [FaultRule]

    public init(_ rules: [FaultRule] = []) {
        self.rules = rules
    }

    /// The rule to apply to this request, if any, counting it against the rule.
    func take(method: String, path: String) -> FaultRule? {
        guard let index = rules.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let rule = rules[index]
        if let count = rule.count {
            if count <= 1 {
                rules.remove(at: index)
            } else {
                rules[index].count = count - 1
            }
        }
        return rule
    }

    public func add(_ rule: FaultRule) throws(FaultRuleError) {
        rules.append(try rule.validated())
    }

    /// Removes every rule and says how many there were.
    @discardableResult
    public func clear() -> Int {
        defer { rules = [] }
        return rules.count
    }

    public var active: [FaultRule] { rules }
}

import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The headless commands under the fault campaign's faults (Campaigns/faults.py): the
/// documented exit code, nothing on stdout, exactly one line on stderr, and no API key anywhere.
@Suite struct FaultExitCodeTests {
    static let synchronizers = "GET /api/synq-keys/enterprise/synchronizers"
    static let keys = "GET /user/api_keys/list"

    private func expectOneLineFailure(_ outcome: SynqBinary.Outcome, exit: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == exit, "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(outcome.stderr.hasPrefix("synq: "), sourceLocation: sourceLocation)
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1 && outcome.stderr.hasSuffix("\n"), "one line: \(outcome.stderr)", sourceLocation: sourceLocation)
        for secret in [SandboxCredentials.demoEnterpriseKey, SandboxCredentials.demoSynvoKey] {
            #expect(!outcome.stderr.contains(secret) && !outcome.stdout.contains(secret), sourceLocation: sourceLocation)
        }
    }

    /// One fault on one list route, and the exit code the README documents for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var command: [String]
        var route: String
        var kind: FaultKind
        var status: Int? = nil
        var exit: Int32
        var testDescription: String { "\(command.joined(separator: " ")): \(kind)\(status.map { " \($0)" } ?? "") -> \(exit)" }
    }

    static let cases: [Case] = [
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .status, status: 500, exit: 69),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .status, status: 502, exit: 69),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .status, status: 503, exit: 69),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .status, status: 401, exit: 77),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .status, status: 403, exit: 79),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .status, status: 404, exit: 79),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .malformed, exit: 65),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .truncated, exit: 65),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .wrongType, exit: 65),
        Case(command: ["synchronizers", "list"], route: synchronizers, kind: .drop, exit: 74),
        Case(command: ["synchronizers", "list", "--timeout", "1"], route: synchronizers, kind: .hang, exit: 74),
        Case(command: ["keys", "list"], route: keys, kind: .status, status: 401, exit: 77),
        Case(command: ["keys", "list"], route: keys, kind: .status, status: 503, exit: 69),
        Case(command: ["keys", "list"], route: keys, kind: .malformed, exit: 65),
        Case(command: ["keys", "list"], route: keys, kind: .truncated, exit: 65),
        Case(command: ["keys", "list"], route: keys, kind: .wrongType, exit: 65),
        Case(command: ["keys", "list"], route: keys, kind: .drop, exit: 74),
    ]

    @Test(arguments: cases)
    func listFaults(_ fault: Case) async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [FaultRule(route: fault.route, kind: fault.kind, status: fault.status)]
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(fault.command, environment: sandbox.environment())
            expectOneLineFailure(outcome, exit: fault.exit)
        }
    }

    @Test func aSpentSynvoBudgetSaysWhenItResets() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.rateLimit = 1
        try await withSandbox(configuration) { sandbox in
            _ = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment())
            let outcome = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment())
            expectOneLineFailure(outcome, exit: 75)
            #expect(outcome.stderr.contains("resets in"))
        }
    }

    @Test func aCreateWhoseAnswerIsLostIsSentOnceAndCommittedOnce() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [FaultRule(route: "POST /api/synq-keys/enterprise/synchronizer", kind: .truncated)]
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(["synchronizers", "create", "--name", "lost-answer"], environment: sandbox.environment())
            expectOneLineFailure(outcome, exit: 65)
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.synchronizers.filter { $0.name == "lost-answer" }.count == 1)
        }
    }
}

import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The headless commands under the fault campaign's faults (Campaigns/faults.py), the ones
/// `SynchronizerCommandTests` does not already cover: the documented exit code, nothing on
/// stdout, exactly one line on stderr, and no API key anywhere.
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

    @Test(arguments: [
        (FaultKind.status, 401, Int32(77)),
        (FaultKind.status, 403, Int32(79)),
        (FaultKind.status, 404, Int32(79)),
        (FaultKind.status, 502, Int32(69)),
        (FaultKind.wrongType, 0, Int32(65)),
        (FaultKind.hang, 0, Int32(74)),
    ])
    func synchronizerListFaults(kind: FaultKind, status: Int, exit: Int32) async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [FaultRule(route: Self.synchronizers, kind: kind, status: status == 0 ? nil : status)]
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(["synchronizers", "list", "--timeout", "1"], environment: sandbox.environment())
            expectOneLineFailure(outcome, exit: exit)
        }
    }

    @Test(arguments: [
        (FaultKind.status, 401, Int32(77)),
        (FaultKind.status, 503, Int32(69)),
        (FaultKind.malformed, 0, Int32(65)),
        (FaultKind.truncated, 0, Int32(65)),
        (FaultKind.wrongType, 0, Int32(65)),
        (FaultKind.drop, 0, Int32(74)),
    ])
    func keyListFaults(kind: FaultKind, status: Int, exit: Int32) async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [FaultRule(route: Self.keys, kind: kind, status: status == 0 ? nil : status)]
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment())
            expectOneLineFailure(outcome, exit: exit)
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

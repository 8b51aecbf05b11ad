import Foundation
import SynqConfig
import SynqTestSupport
import Testing

/// `DockerRunner` awaits docker without holding a thread of the cooperative pool (issue 13 #7:
/// `Process.waitUntilExit` inside async code blocked one thread per running docker).
@Suite("docker runs without blocking the cooperative pool")
struct DockerRunnerTests {
    /// A docker stand-in that waits (at most 10 s) for the file named by its argument: exit 0
    /// when it appears, 1 when it never does.
    static let waitingDocker = """
        #!/bin/sh
        i=0
        while [ ! -e "$1" ]; do
          i=$((i + 1))
          [ "$i" -ge 100 ] && exit 1
          sleep 0.1
        done
        exit 0

        """

    @Test("more waiting dockers than pool threads are all released by another task")
    func doesNotHoldPoolThreads() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let docker = folder.path("docker")
        let release = folder.path("release")
        try Data(Self.waitingDocker.utf8).write(to: URL(fileURLWithPath: docker))
        chmod(docker, 0o755)
        let runner = DockerRunner(environment: ["PATH": "/usr/bin:/bin"])
        // One more waiting docker than the pool has threads (and then some): a runner that
        // blocks a thread per child leaves no thread for the task that releases them.
        let waiting = max(ProcessInfo.processInfo.activeProcessorCount, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) + 2
        let statuses = try await withThrowingTaskGroup(of: Int32?.self) { group in
            for _ in 0..<waiting {
                group.addTask { try await runner.run(docker, [release], quiet: true) }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(500))
                _ = FileManager.default.createFile(atPath: release, contents: nil)
                return nil
            }
            var statuses: [Int32] = []
            for try await status in group {
                if let status { statuses.append(status) }
            }
            return statuses
        }
        #expect(statuses == Array(repeating: 0, count: waiting), "a docker was never released: \(statuses)")
    }

    @Test("a docker killed by a signal reports 128 + the signal, as a shell does")
    func signalStatus() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let docker = folder.path("docker")
        try Data("#!/bin/sh\nkill -TERM $$\n".utf8).write(to: URL(fileURLWithPath: docker))
        chmod(docker, 0o755)
        let status = try await DockerRunner(environment: ["PATH": "/usr/bin:/bin"]).run(docker, [], quiet: true)
        #expect(status == 128 + SIGTERM)
    }
}

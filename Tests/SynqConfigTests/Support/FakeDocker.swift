import Foundation
import SynqTestSupport

/// A `docker` shell script on a private PATH that records each call's arguments, its
/// environment and a copy of any `--env-file`, then succeeds (or fails with `status`).
final class FakeDocker: Sendable {
    let directory: TemporaryDirectory
    var binDirectory: String { directory.path("bin") }
    var logPath: String { directory.path("calls.log") }

    init(status: Int32 = 0) throws {
        directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("bin"), withIntermediateDirectories: true)
        let script = """
        #!/bin/sh
        log="\(directory.path("calls.log"))"
        { printf 'CALL'; for a in "$@"; do printf '\\t%s' "$a"; done; printf '\\n'; } >> "$log"
        prev=""
        for a in "$@"; do
          if [ "$prev" = "--env-file" ]; then /bin/cp "$a" "$log.envfile"; fi
          prev="$a"
        done
        /usr/bin/env > "$log.environment"
        exit \(status)
        """
        let path = directory.path("bin/docker")
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
    }

    /// Each call's arguments.
    var calls: [[String]] {
        ScratchHome.contents(logPath).split(separator: "\n").map { line in
            Array(line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map(String.init))
        }
    }

    var envFileCopy: String { ScratchHome.contents(logPath + ".envfile") }
    var environmentSeen: String { ScratchHome.contents(logPath + ".environment") }
}

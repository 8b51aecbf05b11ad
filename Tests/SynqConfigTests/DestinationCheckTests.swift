import Foundation
import SynqFiles
import SynqAPI
import SynqConfig
import SynqSandbox
import SynqTestSupport
import Testing

/// Provision and setup check every folder and file they will write before creating a
/// synchronizer (issue 9, finding 6): three runs against an unwritable or foreign-owned
/// ~/.synchronizer-cli used to leave three orphaned synchronizers.
@Suite("Destinations are checked before anything is created")
struct DestinationCheckTests {
    static let canChattr = geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr")

    /// `chattr +i`: even root cannot create a file in the folder (access(W_OK) says EPERM).
    static func immutable(_ path: String, _ on: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [on ? "+i" : "-i", path]
        try? process.run()
        process.waitUntilExit()
    }

    func environment(_ home: ScratchHome, _ sandbox: RunningSandbox) -> [String: String] {
        var env = home.environment
        env["PATH"] = "/usr/bin:/bin"
        env["LANG"] = "C.UTF-8"
        env["ENTERPRISE_API_URL"] = sandbox.enterpriseURL.absoluteString
        env["ENTERPRISE_API_KEY"] = SandboxCredentials.demoEnterpriseKey
        return env
    }

    enum Spoiler: String, CaseIterable {
        case foreignOwned, symlink, fileInItsPlace, immutable
    }

    /// Makes ~/.synchronizer-cli unusable in one way; returns the undo.
    func spoil(_ home: ScratchHome, _ how: Spoiler) throws -> () -> Void {
        let folder = home.locations.synchronizerDirectory
        switch how {
        case .foreignOwned:
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            chmod(folder, 0o700)
            chown(folder, 65534, 65534)
        case .symlink:
            let elsewhere = home.home + "/elsewhere"
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            symlink(elsewhere, folder)
        case .fileInItsPlace:
            _ = FileManager.default.createFile(atPath: folder, contents: Data("not a folder".utf8))
        case .immutable:
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            Self.immutable(folder, true)
            return { Self.immutable(folder, false) }
        }
        return {}
    }

    @Test("provision refuses before creating: exit 64/73, the account unchanged, nothing claims to be stored",
          .enabled(if: geteuid() == 0), arguments: Spoiler.allCases)
    func provisionChecksFirst(how: Spoiler) async throws {
        if how == .immutable && !Self.canChattr { return }
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let undo = try spoil(home, how)
            defer { undo() }
            let before = try await sandbox.enterprise().listSynchronizers().synchronizers.count
            for _ in 0..<2 {
                let result = try await Detached.run(["provision", "--action", "service"], environment: environment(home, sandbox))
                #expect(result.status == 64 || result.status == 73, "\(how): stdout \(result.stdout) stderr \(result.stderr)")
                #expect(result.stderr.contains(home.locations.synchronizerDirectory), "\(how): \(result.stderr)")
                #expect(!result.stdout.contains("Creating synchronizer") && !result.stdout.contains("stored"), "\(how): \(result.stdout)")
            }
            #expect(try await sandbox.enterprise().listSynchronizers().synchronizers.count == before, "\(how) left orphaned synchronizers")
        }
    }

    @Test("--emit kubernetes refuses an --out folder others can write, and never changes an existing folder's mode")
    func emitOutFolder() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let out = home.home + "/manifests"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            chmod(out, 0o777)
            let before = try await sandbox.enterprise().listSynchronizers().synchronizers.count
            let refused = try await Detached.run(["provision", "--emit", "kubernetes", "--out", out], environment: environment(home, sandbox))
            #expect(refused.status == 64, "stderr: \(refused.stderr)")
            #expect(refused.stderr.contains("chmod 700"))
            #expect(SecureFile.mode(of: out) == 0o777)
            #expect(try await sandbox.enterprise().listSynchronizers().synchronizers.count == before)

            chmod(out, 0o755)
            let written = try await Detached.run(["provision", "--emit", "kubernetes", "--out", out], environment: environment(home, sandbox))
            #expect(written.status == 0, "stderr: \(written.stderr)")
            #expect(SecureFile.mode(of: out) == 0o755, "the existing folder was re-moded")
            #expect(SecureFile.mode(of: out + "/" + KubernetesManifests.secretFileName) == 0o600)
        }
    }

    @Test("a write that still fails after the create names the synchronizer and how to finish", .enabled(if: canChattr))
    func failureAfterCreateNamesTheSynchronizer() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let folder = home.locations.synchronizerDirectory
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { Self.immutable(folder, false) }
            let lines = Lines()
            // The folder turns read-only between the checks and the write: right after the create.
            let provisioner = Provisioner(
                api: try sandbox.enterprise(), enterpriseKey: Secret(SandboxCredentials.demoEnterpriseKey),
                enterpriseBaseURL: sandbox.enterpriseURL.absoluteString, locations: home.locations,
                host: HostInfo(hostname: "edge-9", dockerPlatform: "linux/amd64", userName: "tester"),
                docker: DockerRunner(environment: ["PATH": "/nonexistent"]),
                say: { line in
                    lines.say(line)
                    if line.hasPrefix("Synchronizer created") { Self.immutable(folder, true) }
                }
            )
            do {
                _ = try await provisioner.run(ProvisionRequest(action: SynchronizerAction.none))
                Issue.record("the write should have failed")
            } catch let error as ProvisionError {
                guard case .notWrittenAfterCreate(_, let created) = error else { Issue.record("got \(error)"); return }
                let listed = try await sandbox.enterprise().listSynchronizers().synchronizers
                let made = try #require(listed.first { $0.name == "edge-9" })
                #expect(created == [CreatedSynchronizer(id: made.id, name: "edge-9")])
                #expect(error.description.contains(made.id) && error.description.contains("synq synchronizers list --json"))
                #expect(!error.description.contains(made.key))
            }
            #expect(!lines.all.contains { $0.contains("stored") || $0.contains("Configuration written") }, "\(lines.all)")
        }
    }
}

/// Key files are checked as ssh checks a private key: on the file actually opened.
@Suite("Key files: the opened file's owner, mode and type")
struct KeyFileCheckTests {
    func run(_ keyFile: String, _ home: ScratchHome) async throws -> ChildProcess.Outcome {
        var env = home.environment
        env["PATH"] = "/usr/bin:/bin"
        env["ENTERPRISE_API_URL"] = "http://127.0.0.1:9/api"
        return try await Detached.run(["preferences", "--enterprise-key-file", keyFile, "--timeout", "2"], environment: env)
    }

    @Test("a symlink to a 0644 file is refused with the chmod that fixes its target")
    func symlinkToLooseFile() async throws {
        let home = try ScratchHome()
        let target = home.home + "/loose.key"
        try Data("ent_live_0123456789abcdef".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o644)
        let link = home.home + "/link.key"
        symlink(target, link)
        let result = try await run(link, home)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("too open") && result.stderr.contains("chmod 600"), "stderr: \(result.stderr)")
    }

    @Test("a 0600 file owned by another user is refused", .enabled(if: geteuid() == 0))
    func foreignOwnedFile() async throws {
        let home = try ScratchHome()
        let keyFile = home.home + "/theirs.key"
        try Data("ent_live_0123456789abcdef".utf8).write(to: URL(fileURLWithPath: keyFile))
        chmod(keyFile, 0o600)
        chown(keyFile, 65534, 65534)
        let result = try await run(keyFile, home)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("belongs to another user"), "stderr: \(result.stderr)")
    }
}

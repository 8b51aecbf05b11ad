import ArgumentParser
import Foundation
import SynqAPI
import SynqConfig

/// Exit codes of setup, provision, login and config, beside the shared ones in `ExitStatus`:
/// 64 usage or configuration (no wallet, loose permissions, no terminal), 69 docker missing,
/// 70 docker failed, 73 a file could not be written, 77 wrong passphrase, 130 cancelled.
enum SetupExitStatus {
    static func code(for error: any Error) -> Int32? {
        switch error {
        case let error as CredentialStoreError:
            switch error {
            case .wrongPassphrase: 77
            case .file(let file): code(for: file)
            default: 64
            }
        case let error as SecureFileError:
            if case .writeFailed = error { 73 } else { 64 }
        case let error as ProvisionError:
            if case .file(let file) = error { code(for: file) } else { 64 }
        case let error as ActionError:
            switch error {
            case .dockerNotFound: 69
            case .dockerFailed, .launchFailed: 70
            case .file(let file): code(for: file)
            }
        case let error as PromptError:
            error == .cancelled ? 130 : 64
        default:
            nil
        }
    }
}

/// Runs a setup-family command body: its own errors get their own exit codes and one line
/// on stderr; everything else (API errors, usage) goes through `runReportingErrors`.
func runSetupReportingErrors(_ body: () async throws -> Void) async throws {
    try await runReportingErrors {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            guard let code = SetupExitStatus.code(for: error) else { throw error }
            if let error = error as? PromptError, error == .cancelled {
                StandardError.line("synq: cancelled; nothing more was done")
            } else {
                StandardError.line("synq: \(String(describing: error))")
            }
            throw ExitCode(code)
        }
    }
}

/// Progress lines for the setup family go to stdout, one at a time, so they interleave
/// correctly with docker's own output.
let sayLine: @Sendable (String) -> Void = { text in
    try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
}

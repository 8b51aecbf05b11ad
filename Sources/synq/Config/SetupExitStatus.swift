import ArgumentParser
import Foundation
import SynqFiles
import SynqAPI
import SynqConfig
import SynqTerminal
import SynqText
import Synchronization

/// Exit codes of setup, provision, login and config, beside the shared ones in `ExitStatus`:
/// 64 usage or configuration (no wallet, loose permissions, no terminal), 65 a server value
/// synq will not write, 69 docker missing, 70 docker failed, 73 a file could not be written,
/// 77 wrong passphrase, 130 cancelled.
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
            switch error {
            case .file(let file), .notWrittenAfterCreate(let file, _): code(for: file)
            case .unsafeAnswer: 65
            default: 64
            }
        case is ServerValueError:
            65
        case let error as ActionError:
            switch error {
            case .dockerNotFound: 69
            case .dockerFailed, .launchFailed: 70
            case .file(let file): code(for: file)
            case .unsafeValue: 65
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
            try SetupProgress.checkDelivered()
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
/// correctly with docker's own output, through `StandardOutput` and its terminal-safe filter
/// (an id from a server cannot send escape sequences). A line that cannot be written (a full
/// disk) does not stop the work half-way — a synchronizer may already be created — but is
/// remembered, and the command then ends with that error and exit 74.
enum SetupProgress {
    private static let failure = Mutex<OutputError?>(nil)

    static func say(_ text: String) {
        do {
            // Line by line through the sanitizer (C0 included, which the JSON-minded byte
            // filter leaves to the encoder), then the byte filter for DEL, C1 and bidi.
            let safe = text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.clean(String($0)) }.joined(separator: "\n")
            try StandardOutput.write(safe + "\n")
        } catch {
            failure.withLock { first in
                if first == nil { first = error }
            }
        }
    }

    static func checkDelivered() throws(OutputError) {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

let sayLine: @Sendable (String) -> Void = { SetupProgress.say($0) }

import ArgumentParser
import Foundation
import SynqAPI

/// The documented exit codes of the headless commands, one per kind of failure.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case usage = 64
    case badResponse = 65
    case server = 69
    case network = 74
    case rateLimited = 75
    case unauthorized = 77
    case forbiddenOrNotFound = 79

    init(for error: APIError) {
        switch error {
        case .unauthorized, .missingCredential: self = error.isMissingCredential ? .usage : .unauthorized
        case .forbidden, .notFound: self = .forbiddenOrNotFound
        case .badRequest, .insecureURL, .invalidURL, .invalidID: self = .usage
        case .rateLimited: self = .rateLimited
        case .server: self = .server
        case .undecodable: self = .badResponse
        case .transport(_, .redirected): self = .server
        case .transport: self = .network
        }
    }
}

extension APIError {
    var isMissingCredential: Bool {
        if case .missingCredential = self { return true }
        return false
    }
}

/// Runs a command body, turning any failure into one line on stderr and its exit code.
/// Nothing reaches stdout on failure.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as APIError {
        StandardError.line("synq: \(error)")
        throw ExitCode(ExitStatus(for: error).rawValue)
    } catch let error as ExitCode {
        throw error
    } catch let error as OutputError {
        StandardError.line("synq: \(error)")
        throw ExitCode(ExitStatus.network.rawValue)
    } catch let error as any LocalizedError & CustomStringConvertible {
        StandardError.line("synq: \(error.description)")
        throw ExitCode(SetupExitStatus.code(for: error) ?? ExitStatus.usage.rawValue)
    }
}

/// Writes to standard error, unbuffered, one line at a time.
enum StandardError {
    static func line(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }
}

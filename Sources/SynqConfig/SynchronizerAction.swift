import Foundation
import SynqFiles
import SynqAPI

/// What to do once this host's synchronizer is configured.
public enum SynchronizerAction: String, Sendable, CaseIterable, Equatable {
    /// Run the container now with the host's docker.
    case start
    /// Write a systemd unit (and its 0600 environment file) and print how to install it.
    case service
    /// The synchronizer-cli web dashboard: not provided by synq; the equivalent is printed.
    case web
    /// Configure only.
    case none

    /// The action a preferences `defaultAction` names; nil for a value synq does not know.
    public init?(_ defaultAction: DefaultAction) {
        switch defaultAction {
        case .start: self = .start
        case .service: self = .service
        case .web: self = .web
        case .other: return nil
        }
    }
}

/// Why the chosen action could not be carried out (the configuration is written by then).
public enum ActionError: Error, Sendable, Equatable {
    case dockerNotFound(searchPath: String)
    case dockerFailed(status: Int32)
    case launchFailed(String)
    case file(SecureFileError)
    /// config.json holds a key or id that cannot go into an env file or a unit.
    case unsafeValue(ServerValueError)
}

extension ActionError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .dockerNotFound:
            "cannot start: `docker` is not on PATH; install Docker Engine (and add yourself to the docker group), or use `--action service` and start it with systemd"
        case .dockerFailed(let status):
            "docker exited with status \(status); the configuration is written, fix docker and run `synq provision --action start` again"
        case .launchFailed(let reason):
            "cannot run docker: \(reason)"
        case .file(let error):
            error.description
        case .unsafeValue(let error):
            "\(error.description); nothing was written or started"
        }
    }

    public var errorDescription: String? { description }
}

import Foundation
import SynqFiles
import SynqAPI
import SynqText

/// Why provisioning stopped before doing anything irreversible.
public enum ProvisionError: Error, Sendable, Equatable {
    /// Neither the preferences nor the owner carry a usable wallet address; nothing was created.
    case noWallet(found: String?)
    case invalidName(String)
    case invalidReplicas(Int)
    /// The existing config.json cannot be read as a synchronizer-cli config.
    case unreadableConfig(path: String)
    case file(SecureFileError)
    /// The API answered with an id, key or name synq will not write. `requestedName` is set
    /// when the bad answer was to a create (so a synchronizer of that name may now exist);
    /// `created` lists what this run had created before.
    case unsafeAnswer(ServerValueError, requestedName: String?, created: [CreatedSynchronizer])
    /// A file could not be written after synchronizers were created (the checks before the
    /// create passed, then the disk refused).
    case notWrittenAfterCreate(SecureFileError, created: [CreatedSynchronizer])
}

/// A synchronizer this run created, named in messages when a later step fails.
public struct CreatedSynchronizer: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    var label: String { "\(Sanitizer.clean(id)) (\"\(Sanitizer.clean(name))\")" }
}

extension ProvisionError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .noWallet(let found):
            let detail = found.map { " (the API sent \"\(Sanitizer.clean(String($0.prefix(60))))\", which is not 0x + 40 hex digits)" } ?? ""
            return "no wallet address: neither the preferences nor the account owner has a valid one\(detail); set it in the dashboard preferences and run again (nothing was created)"
        case .invalidName(let name):
            return "invalid synchronizer name \"\(Sanitizer.clean(String(name.prefix(80))))\": use 1 to 64 printable characters"
        case .invalidReplicas(let count):
            return "--replicas must be between 1 and 100 (got \(count))"
        case .unreadableConfig(let path):
            return "\(Sanitizer.clean(path)) is not a synchronizer-cli config; move it aside or pass --new"
        case .file(let error):
            return error.description
        case .unsafeAnswer(let error, let requestedName, let created):
            var text = "\(error.description); nothing was written"
            if let requestedName {
                text += ". The create may have succeeded: look for a synchronizer named \"\(Sanitizer.clean(requestedName))\" in `synq synchronizers list` and disable it (`synq synchronizers disable ID`)"
            } else if created.isEmpty {
                text += " and nothing was created"
            }
            if !created.isEmpty { text += "; created by this run before that: " + created.map(\.label).joined(separator: ", ") }
            return text
        case .notWrittenAfterCreate(let error, let created):
            let what = created.map(\.label).joined(separator: ", ")
            return "created synchronizer \(what), but \(error.description). Its key is not lost: `synq synchronizers list --json` shows it. "
                + "Fix that and run `synq provision` again (it creates a new synchronizer; disable this one with `synq synchronizers disable ID`)"
        }
    }

    public var errorDescription: String? { description }
}

import Foundation
import SynqText

/// Why a private file could not be read or written.
public enum SecureFileError: Error, Sendable, Hashable {
    /// A secrets file that group or others may read: refused, as ssh refuses a loose key.
    case tooOpen(path: String, mode: UInt16)
    /// A folder holding secrets that group or others may enter or write.
    case directoryTooOpen(path: String, mode: UInt16)
    /// The file exists but belongs to another user.
    case notOwned(path: String)
    /// Something other than a regular file sits at the path (a symlink, a folder, a device).
    case notRegularFile(path: String)
    case unreadable(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// A new file (a saved one-time key) would replace something already at the path.
    case exists(path: String)
    /// A new file cannot be made there: its folder is missing or not writable.
    case cannotCreate(path: String, reason: String)
}

extension SecureFileError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .tooOpen(let path, let mode):
            let p = Sanitizer.clean(path)
            return "permissions \(Self.octal(mode)) for \(p) are too open: it holds or steers secrets, so group and others must have no access; run: chmod 600 \(p)"
        case .directoryTooOpen(let path, let mode):
            let p = Sanitizer.clean(path)
            return "permissions \(Self.octal(mode)) for folder \(p) are too open; run: chmod 700 \(p)"
        case .notOwned(let path):
            return "\(Sanitizer.clean(path)) belongs to another user; refusing to trust it"
        case .notRegularFile(let path):
            return "\(Sanitizer.clean(path)) is not a regular file (a symlink or folder?); refusing to use it"
        case .unreadable(let path, let reason):
            return "cannot read \(Sanitizer.clean(path)): \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write \(Sanitizer.clean(path)): \(reason)"
        case .exists(let path):
            return "\(Sanitizer.clean(path)) already exists; not overwriting it"
        case .cannotCreate(let path, let reason):
            return "cannot create \(Sanitizer.clean(path)): \(reason)"
        }
    }

    public var errorDescription: String? { description }

    static func octal(_ mode: UInt16) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

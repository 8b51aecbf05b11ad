import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the machine that end up in generated files. A value, so tests can pin them.
public struct HostInfo: Sendable, Equatable {
    public var hostname: String
    /// `linux/amd64` or `linux/arm64`, the docker platform of the synchronizer image.
    public var dockerPlatform: String
    public var userName: String

    public init(hostname: String, dockerPlatform: String, userName: String) {
        self.hostname = hostname
        self.dockerPlatform = dockerPlatform
        self.userName = userName
    }

    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> HostInfo {
        var buffer = [CChar](repeating: 0, count: 256)
        let name = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : "localhost"
        #if arch(arm64)
        let platform = "linux/arm64"
        #else
        let platform = "linux/amd64"
        #endif
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? (getpwuid(geteuid()).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "root")
        return HostInfo(hostname: name, dockerPlatform: platform, userName: user)
    }

    /// A synchronizer name derived from the hostname: letters, digits and '-' only.
    public var derivedSynchronizerName: String {
        let cleaned = hostname.split(separator: ".").first.map(String.init) ?? hostname
        let allowed = cleaned.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" }
        let name = String(allowed).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return name.isEmpty ? "synq-host" : String(name.prefix(48))
    }
}

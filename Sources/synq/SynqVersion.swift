/// What `synq --version` prints: the release number, then how this binary was built.
///
///     synq 0.1.0
///     commit 938c791a2b3c4d5e6f708192a3b4c5d6e7f80912 (2026-12-04), release build, Linux x86_64
///
/// The commit comes from `BuildInfo`, generated at build time by Plugins/BuildInfo.
enum SynqVersion {
    /// The release number: the one home of it (Scripts/package.sh reads it from `synq --version`).
    static let number = "0.1.0"

    static let current = "synq \(number)\n\(buildDetails)"

    static var buildDetails: String {
        "\(commitDescription), \(configuration) build, \(platform)"
    }

    static var commitDescription: String {
        guard let commit = BuildInfo.commit else {
            return "commit unknown (built without git metadata; SYNQ_BUILD_COMMIT names it)"
        }
        var text = "commit \(commit)"
        if let date = BuildInfo.commitDate { text += " (\(date))" }
        if BuildInfo.modified { text += " with uncommitted changes" }
        return text
    }

    static var configuration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    static var platform: String {
        #if os(Linux)
        let system = "Linux"
        #elseif os(macOS)
        let system = "macOS"
        #else
        let system = "unknown OS"
        #endif
        #if arch(x86_64)
        return "\(system) x86_64"
        #elseif arch(arm64)
        return "\(system) arm64"
        #else
        return system
        #endif
    }
}

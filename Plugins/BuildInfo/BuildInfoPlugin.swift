import Foundation
import PackagePlugin

/// Embeds the git commit into the target it is applied to (`BuildInfo.commit`), for `synq --version`.
/// A prebuild command, so it runs before every build and sees new commits; the script rewrites the
/// generated file only when the commit or the modified flag changes.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let script = context.package.directoryURL.appending(path: "Scripts/build-info.sh")
        var environment: [String: String] = ["PATH": "/usr/bin:/bin:/usr/local/bin"]
        if let commit = ProcessInfo.processInfo.environment["SYNQ_BUILD_COMMIT"] {
            environment["SYNQ_BUILD_COMMIT"] = commit
        }
        return [
            .prebuildCommand(
                displayName: "Embedding the git commit for synq --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path(percentEncoded: false), output.path(percentEncoded: false),
                            context.package.directoryURL.path(percentEncoded: false)],
                environment: environment,
                outputFilesDirectory: output
            ),
        ]
    }
}

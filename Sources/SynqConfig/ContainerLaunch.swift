/// How the synchronizer container starts, the same for `provision start`, the systemd unit
/// and the Kubernetes StatefulSet.
///
/// The image (`cdrakep/synqchronizer`) takes its key only as a `--key` argument. synq never
/// puts the key on the docker client's command line or in a unit: it travels in the
/// environment (a 0600 `--env-file`, or the mounted Secret in Kubernetes), and a shell inside
/// the container turns `$SYNQ_KEY` into that argument as it execs the image's launcher. The
/// launcher's own command line therefore holds the key while it runs — that is forced by the
/// image's interface, and README says so.
public enum ContainerLaunch {
    public static let image = "cdrakep/synqchronizer:latest"
    public static let containerName = "synchronizer-cli"
    /// The image's launcher, as Multisynq's own Home Assistant add-on (built `FROM` this image)
    /// starts it; `--entrypoint /bin/sh` replaces the image's entrypoint, so it is named here.
    public static let launcher = "node /usr/src/synchronizer/wrapper.js"

    /// The one line the container's /bin/sh runs: every value from the environment.
    public static let execLine = #"exec \#(launcher) --depin "$SYNQ_DEPIN" --sync-name "$SYNQ_SYNC_NAME" --key "$SYNQ_KEY" --wallet "$SYNQ_WALLET""#

    /// `docker run …` arguments (without the docker path). `detached` is `provision start`
    /// (restarts with the docker daemon); the systemd unit runs it in the foreground with
    /// `--rm` and lets systemd restart it.
    public static func runArguments(config: SynchronizerConfig, platform: String, environmentFile: String, detached: Bool) -> [String] {
        let lifetime = detached ? ["--detach", "--restart", "unless-stopped"] : ["--rm"]
        return ["run"] + lifetime + [
            "--name", containerName, "--pull", "always", "--platform", platform,
            "--env-file", environmentFile,
            "-e", "SYNQ_DEPIN=\(config.depin)",
            "-e", "SYNQ_SYNC_NAME=\(config.syncHash)", "-e", "SYNQ_WALLET=\(config.wallet)",
            "--entrypoint", "/bin/sh", image, "-c", execLine,
        ]
    }
}

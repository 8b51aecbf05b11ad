import ArgumentParser

/// Where the two APIs are and how to reach them. Secrets are read from files or the
/// environment only, never from a plain argument value.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("enterprise-url"), help: ArgumentHelp("Enterprise API base URL (env ENTERPRISE_API_URL).", valueName: "URL"))
    var enterpriseURL: String?

    @Option(name: .customLong("synvo-url"), help: ArgumentHelp("Synvo API base URL (env SYNVO_BASE_URL).", valueName: "URL"))
    var synvoURL: String?

    @Option(name: .customLong("enterprise-key-file"), help: ArgumentHelp("Read the Enterprise API key from PATH (\"-\" for stdin) instead of ENTERPRISE_API_KEY.", valueName: "PATH"))
    var enterpriseKeyFile: String?

    @Option(name: .customLong("synvo-key-file"), help: ArgumentHelp("Read the Synvo API key from PATH (\"-\" for stdin) instead of SYNVO_API_KEY.", valueName: "PATH"))
    var synvoKeyFile: String?

    @Option(name: .customLong("profile"), help: ArgumentHelp("Use the named profile from the config file.", valueName: "NAME"))
    var profile: String?

    @Flag(name: .customLong("insecure"), help: "Allow plain http to a host that is not loopback (the API key is then sent in clear).")
    var insecure = false

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Deadline in seconds for each whole request (connect, headers, body).", valueName: "SECONDS"))
    var timeout: Double = 15

    mutating func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        if enterpriseKeyFile == "-" && synvoKeyFile == "-" {
            throw ValidationError("only one of --enterprise-key-file and --synvo-key-file can read standard input")
        }
    }
}

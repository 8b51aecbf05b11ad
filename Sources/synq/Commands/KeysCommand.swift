import ArgumentParser
import Foundation
import SynqFiles
import SynqAPI
import SynqText
import SynqViewModel

/// `synq keys …`: Synvo API keys.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List and create Synvo API keys.",
        subcommands: [ListKeys.self, CreateKey.self],
        defaultSubcommand: ListKeys.self
    )
}

extension SynvoKeyStatus: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    public static var allValueStrings: [String] { allCases.map { $0.rawValue.lowercased() } }
}

struct ListKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the Synvo API keys of the account.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only keys with this status: active, revoked, disabled or unknown.")
    var status: SynvoKeyStatus?

    func run() async throws {
        try await runReportingErrors {
            let client = try SettingsResolver().resolve(connection).synvoClient()
            let result = try await client.listKeys()
            var keys = result.value.items
            if let status { keys.removeAll { $0.status != status } }
            if result.value.skipped > 0 {
                StandardError.line("synq: warning: \(result.value.skipped) malformed key entries from the server were skipped")
            }
            if output.json {
                try StandardOutput.json(SynvoKeyListJSON(keys: keys.map(SynvoKeyJSON.init), skipped: result.value.skipped, rateLimit: result.rateLimit.map(RateLimitJSON.init)))
                return
            }
            let now = Date()
            // The pane's columns, each cell in full.
            let definitions = SynvoKeyRow.definitions
            var table = TextTable(definitions.map(TextTable.column))
            for key in keys {
                let row = SynvoKeyRow(key)
                table.append(definitions.map { $0.text(row, now) })
            }
            try StandardOutput.write(table.render())
        }
    }
}

struct CreateKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a Synvo API key. Its plaintext is shown once (or saved with --save); the request is never retried."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Display name for the key.")
    var name: String?
    @Option(help: ArgumentHelp("Write the new key to PATH (created with mode 0600, never overwritten) instead of printing it.", valueName: "PATH"))
    var save: String?

    func run() async throws {
        try await runReportingErrors {
            let settings = try SettingsResolver().resolve(connection)
            let client = try settings.synvoClient()
            if let save { try SecureFile.checkCreatable(save) }
            let created = try await client.createKey(name: name).value
            if let save {
                do {
                    try SecureFile.create(Data((created.apiKey.reveal() + "\n").utf8), at: save)
                } catch {
                    // The key exists on the server now; losing it is the one thing we must not do.
                    StandardError.line("synq: \(error); printing the key instead, it will not be shown again")
                    try StandardOutput.write(created.apiKey.reveal() + "\n")
                    throw ExitCode(ExitStatus.usage.rawValue)
                }
            }
            do {
                if output.json {
                    try StandardOutput.json(CreatedKeyJSON(keyId: created.keyID, apiKey: save == nil ? created.apiKey.reveal() : nil, savedTo: save))
                } else if let save {
                    try StandardOutput.write("Created key \(Sanitizer.clean(created.keyID)); saved to \(Sanitizer.clean(save)) (mode 0600).\n")
                } else {
                    try StandardOutput.write("Key ID:  \(Sanitizer.clean(created.keyID))\nAPI key: \(Sanitizer.clean(created.apiKey.reveal()))\n")
                    StandardError.line("This key will not be shown again. Store it now.")
                }
            } catch let error as OutputError where save == nil {
                throw OutputError(reason: "\(error.reason); key \(Sanitizer.clean(created.keyID)) was created but could not be shown and never will be: revoke it and use --save PATH")
            }
        }
    }
}

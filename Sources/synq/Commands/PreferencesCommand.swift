import ArgumentParser
import Foundation
import SynqAPI

/// `synq preferences`: the account's preferences for automatic setup.
struct PreferencesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preferences",
        abstract: "Show the Enterprise account's preferences (the dashboard password is always masked)."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await runReportingErrors {
            let client = try SettingsResolver().resolve(connection).enterpriseClient()
            let response = try await client.preferences()
            if output.json {
                try StandardOutput.json(PreferencesJSON(response: response))
                return
            }
            let p = response.preferences
            var table = TextTable([.init(title: "PREFERENCE"), .init(title: "VALUE")])
            table.append(["wallet address", p.walletAddress ?? "(not set)"])
            table.append(["dashboard password", p.dashboardPassword == nil ? "(not set)" : "********"])
            table.append(["default action", p.defaultAction?.rawValue ?? "(not set)"])
            table.append(["web dashboard", p.web.map { $0 ? "yes" : "no" } ?? "(not set)"])
            table.append(["owner wallet", response.owner?.walletAddress ?? "(not set)"])
            try StandardOutput.write(table.render())
        }
    }
}
